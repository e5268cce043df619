/**
 * Azure Data Factory factories, Synapse workspaces and Synapse firewall rules. Property names and enum
 * values verified in node_modules/@pulumi/azure-native 3.28 (`<module>/<resource>.d.ts`, `types/input.d.ts`,
 * `types/enums/<module>/index.d.ts`).
 */
import { is, isSet, type ResourceFacts } from "../../lib/facts";
import { VAULT_KEY, publicAccessOff, firewallRow } from "./common";

/** Data Factory factories, Synapse workspaces and their firewall rules. */
export const AZURE_DATAFACTORY_SYNAPSE_FACTS: readonly ResourceFacts[] = [
  {
    type: "azure-native:datafactory:Factory",
    service: "datafactory",
    resource: "factory",
    title: "Data Factory factories",
    baseline: {
      resourceGroupName: "platform",
      publicNetworkAccess: "Disabled",
      encryption: { keyName: "data", vaultBaseUrl: "https://platform-kv.vault.azure.net" },
    },
    groups: [
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/data-factory/data-factory-private-link",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryption.keyName",
            "the factory is encrypted with a Microsoft-managed key",
            "https://learn.microsoft.com/azure/data-factory/enable-customer-managed-key",
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:synapse:Workspace",
    service: "synapse",
    resource: "workspace",
    title: "Synapse workspaces",
    baseline: {
      resourceGroupName: "platform",
      publicNetworkAccess: "Disabled",
      azureADOnlyAuthentication: true,
      encryption: { cmk: { key: { name: "data", keyVaultUrl: VAULT_KEY } } },
    },
    groups: [
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/synapse-analytics/security/connectivity-settings",
          ),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "azureADOnlyAuthentication",
            true,
            false,
            "SQL logins with passwords stay enabled",
            "https://learn.microsoft.com/azure/synapse-analytics/sql/active-directory-authentication",
            { fix: true },
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryption.cmk.key.keyVaultUrl",
            "the workspace is encrypted with a Microsoft-managed key",
            "https://learn.microsoft.com/azure/synapse-analytics/security/workspaces-encryption",
          ),
        ],
      },
    ],
  },
  firewallRow(
    "azure-native:synapse:IpFirewallRule",
    "synapse",
    "Synapse workspace firewall rules",
    "https://learn.microsoft.com/azure/synapse-analytics/security/synapse-workspace-ip-firewall",
  ),
];
