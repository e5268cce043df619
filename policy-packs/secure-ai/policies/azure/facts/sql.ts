/**
 * Azure SQL: servers, transparent data encryption, encryption protectors and firewall rules. Property names
 * and enum values verified in node_modules/@pulumi/azure-native 3.28 (`<module>/<resource>.d.ts`,
 * `types/input.d.ts`, `types/enums/<module>/index.d.ts`).
 */
import { atLeast, is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { VAULT_KEY, TLS, TLS_WHY, publicAccessOff, firewallRow } from "./common";

/** Azure SQL servers, their encryption and firewall rules. */
export const AZURE_SQL_FACTS: readonly ResourceFacts[] = [
  {
    type: "azure-native:sql:Server",
    service: "sql",
    resource: "server",
    title: "Azure SQL logical servers",
    baseline: {
      resourceGroupName: "platform",
      publicNetworkAccess: "Disabled",
      minimalTlsVersion: "1.2",
      administrators: {
        azureADOnlyAuthentication: true,
        login: "sql-admins",
        sid: "00000000-0000-0000-0000-000000000001",
      },
      keyId: VAULT_KEY,
    },
    groups: [
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access",
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          atLeast(
            "minimalTlsVersion",
            TLS,
            "1.2",
            undefined,
            TLS_WHY,
            "https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#configure-minimum-tls-version",
          ),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "administrators.azureADOnlyAuthentication",
            true,
            false,
            "SQL logins with passwords stay enabled",
            "https://learn.microsoft.com/azure/azure-sql/database/authentication-azure-ad-only-authentication",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet(
            "keyId",
            "TDE uses a service-managed key",
            "https://learn.microsoft.com/azure/azure-sql/database/transparent-data-encryption-byok-overview",
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:sql:TransparentDataEncryption",
    service: "sql",
    resource: "transparentdataencryption",
    title: "Azure SQL database TDE settings",
    baseline: { resourceGroupName: "platform", serverName: "sql", databaseName: "app", state: "Enabled" },
    groups: [
      {
        concern: "cmk",
        what: "require-enabled",
        facts: [
          oneOf(
            "state",
            ["Enabled"],
            undefined,
            "the database files are unencrypted",
            "https://learn.microsoft.com/azure/azure-sql/database/transparent-data-encryption-tde-overview",
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:sql:EncryptionProtector",
    service: "sql",
    resource: "encryptionprotector",
    title: "Azure SQL TDE protectors",
    baseline: {
      resourceGroupName: "platform",
      serverName: "sql",
      serverKeyType: "AzureKeyVault",
      serverKeyName: "vault_data_0123",
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "serverKeyType",
            ["AzureKeyVault"],
            undefined,
            "TDE uses a service-managed key",
            "https://learn.microsoft.com/azure/azure-sql/database/transparent-data-encryption-byok-overview",
          ),
        ],
      },
    ],
  },
  firewallRow(
    "azure-native:sql:FirewallRule",
    "sql",
    "Azure SQL firewall rules",
    "https://learn.microsoft.com/azure/azure-sql/database/firewall-configure",
  ),
];
