/**
 * Azure Database for PostgreSQL and MySQL flexible servers and their firewall rules. Property names and enum
 * values verified in node_modules/@pulumi/azure-native 3.28 (`<module>/<resource>.d.ts`, `types/input.d.ts`,
 * `types/enums/<module>/index.d.ts`).
 */
import { oneOf, type ResourceFacts } from "../../lib/facts";
import { VAULT_KEY, LOCAL_WHY, publicAccessOff, firewallRow } from "./common";

/** PostgreSQL and MySQL flexible servers and their firewall rules. */
export const AZURE_FLEXIBLE_SERVER_FACTS: readonly ResourceFacts[] = [
  {
    type: "azure-native:dbforpostgresql:Server",
    service: "dbforpostgresql",
    resource: "server",
    title: "PostgreSQL flexible servers",
    baseline: {
      resourceGroupName: "platform",
      network: {
        publicNetworkAccess: "Disabled",
        delegatedSubnetResourceId:
          "/subscriptions/s/resourceGroups/platform/providers/Microsoft.Network/virtualNetworks/v/subnets/db",
      },
      authConfig: { activeDirectoryAuth: "Enabled", passwordAuth: "Disabled" },
      dataEncryption: { type: "AzureKeyVault", primaryKeyURI: VAULT_KEY },
    },
    groups: [
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "network.publicNetworkAccess",
            "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private",
            undefined,
            { since: "@pulumi/azure-native v3" },
          ),
        ],
      },
      {
        concern: "auth",
        facts: [
          oneOf(
            "authConfig.passwordAuth",
            ["Disabled"],
            "Enabled",
            LOCAL_WHY,
            "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-azure-ad-authentication",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          oneOf(
            "dataEncryption.type",
            ["AzureKeyVault"],
            "SystemManaged",
            "data is encrypted with a service-managed key",
            "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-data-encryption",
          ),
        ],
      },
    ],
  },
  firewallRow(
    "azure-native:dbforpostgresql:FirewallRule",
    "dbforpostgresql",
    "PostgreSQL flexible server firewall rules",
    "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-firewall-rules",
  ),
  {
    type: "azure-native:dbformysql:Server",
    service: "dbformysql",
    resource: "server",
    title: "MySQL flexible servers",
    baseline: {
      resourceGroupName: "platform",
      network: {
        publicNetworkAccess: "Disabled",
        delegatedSubnetResourceId:
          "/subscriptions/s/resourceGroups/platform/providers/Microsoft.Network/virtualNetworks/v/subnets/db",
      },
      dataEncryption: { type: "AzureKeyVault", primaryKeyURI: VAULT_KEY },
    },
    groups: [
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "network.publicNetworkAccess",
            "https://learn.microsoft.com/azure/mysql/flexible-server/concepts-networking-vnet",
            undefined,
            { since: "@pulumi/azure-native v3" },
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          oneOf(
            "dataEncryption.type",
            ["AzureKeyVault"],
            "SystemManaged",
            "data is encrypted with a service-managed key",
            "https://learn.microsoft.com/azure/mysql/flexible-server/concepts-customer-managed-key",
          ),
        ],
      },
    ],
  },
  firewallRow(
    "azure-native:dbformysql:FirewallRule",
    "dbformysql",
    "MySQL flexible server firewall rules",
    "https://learn.microsoft.com/azure/mysql/flexible-server/concepts-networking-public",
  ),
];
