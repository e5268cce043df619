/**
 * Azure data services: SQL, Cosmos DB, Redis, Event Hubs, Service Bus, PostgreSQL and MySQL flexible
 * servers, AI Search, Data Factory, Synapse, and the firewall rules that open them. Property names and enum
 * values verified in node_modules/@pulumi/azure-native 3.28 (`<module>/<resource>.d.ts`, `types/input.d.ts`,
 * `types/enums/<module>/index.d.ts`).
 */
import { atLeast, is, isSet, oneOf, type Fact, type ResourceFacts } from "../../lib/facts";
import { get, knownString } from "../../lib/values";

const VAULT_KEY = "https://platform-kv.vault.azure.net/keys/data/0123456789abcdef0123456789abcdef";
const TLS = ["1.0", "1.1", "1.2", "1.3"];
const TLS_WHY = "clients may negotiate TLS 1.0 or 1.1";
const PUBLIC_WHY = "the service is reachable from the internet";
const LOCAL_WHY = "keys or passwords grant access without an identity";

/** `publicNetworkAccess` (ARM compares it case-insensitively; some services spell it in lower case). */
export function publicAccessOff(path: string, doc: string, absent = "Enabled"): Fact {
  return oneOf(path, ["Disabled", "disabled"], absent, PUBLIC_WHY, doc, { fix: "Disabled" });
}

function ipNumber(address: string | undefined): number | undefined {
  const parts = address?.split(".").map(Number);
  if (parts?.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) {
    return undefined;
  }
  return ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3];
}

/** More than a /8 of addresses, or the whole IPv4 space: the rule opens the server to the internet. */
const WIDE = 2 ** 24;

/** A firewall rule's `endIpAddress` against its `startIpAddress`: 0.0.0.0-0.0.0.0 is "Azure services". */
function openRange(end: unknown, rule: unknown): string | undefined {
  const start = ipNumber(knownString(get(rule, "startIpAddress")));
  const stop = ipNumber(knownString(end));
  if (start === undefined || stop === undefined) {
    return undefined;
  }
  return stop - start >= WIDE ? `opens ${stop - start + 1} addresses to the server` : undefined;
}

/** A firewall-rule fact. */
function firewall(doc: string): Fact {
  return {
    path: "endIpAddress",
    expect: {
      kind: "custom",
      describe: "a range narrower than a /8 (0.0.0.0-255.255.255.255 opens it to everyone)",
      test: openRange,
    },
    why: "the rule admits a large part of the internet",
    doc,
    negative: "255.255.255.255",
  };
}

/** The firewall-rule rows (same schema on four services). */
function firewallRow(type: string, service: string, title: string, doc: string): ResourceFacts {
  return {
    type,
    service,
    resource: "firewallrule",
    title,
    baseline: { startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" },
    groups: [{ concern: "public", facts: [firewall(doc)] }],
  };
}

/** Azure data services and their firewall rules. */
export const AZURE_DATA_FACTS: readonly ResourceFacts[] = [
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
  {
    type: "azure-native:cosmosdb:DatabaseAccount",
    service: "cosmosdb",
    resource: "databaseaccount",
    title: "Cosmos DB accounts",
    baseline: {
      resourceGroupName: "platform",
      databaseAccountOfferType: "Standard",
      locations: [{ locationName: "westeurope" }],
      publicNetworkAccess: "Disabled",
      disableLocalAuth: true,
      minimalTlsVersion: "Tls12",
      keyVaultKeyUri: VAULT_KEY,
    },
    groups: [
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/cosmos-db/how-to-configure-private-endpoints#block-public-network-access-during-account-creation",
          ),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "disableLocalAuth",
            true,
            false,
            LOCAL_WHY,
            "https://learn.microsoft.com/azure/cosmos-db/how-to-setup-rbac#disable-local-auth",
            { fix: true },
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          atLeast(
            "minimalTlsVersion",
            ["Tls", "Tls11", "Tls12"],
            "Tls12",
            "Tls12",
            TLS_WHY,
            "https://learn.microsoft.com/azure/cosmos-db/self-serve-minimum-tls-enforcement",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet(
            "keyVaultKeyUri",
            "data is encrypted with a service-managed key",
            "https://learn.microsoft.com/azure/cosmos-db/how-to-setup-customer-managed-keys",
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:redis:Redis",
    service: "redis",
    resource: "redis",
    title: "Azure Cache for Redis instances",
    baseline: {
      resourceGroupName: "platform",
      sku: { name: "Premium", family: "P", capacity: 1 },
      enableNonSslPort: false,
      minimumTlsVersion: "1.2",
      disableAccessKeyAuthentication: true,
      publicNetworkAccess: "Disabled",
    },
    groups: [
      {
        concern: "tls",
        facts: [
          is(
            "enableNonSslPort",
            false,
            false,
            "port 6379 accepts plain text",
            "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#access-ports",
            { fix: false },
          ),
          atLeast(
            "minimumTlsVersion",
            TLS,
            "1.2",
            "1.2",
            TLS_WHY,
            "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-remove-tls-10-11",
          ),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "disableAccessKeyAuthentication",
            true,
            false,
            LOCAL_WHY,
            "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-azure-active-directory-for-authentication#disable-access-key-authentication-on-your-cache",
            { fix: true },
          ),
        ],
      },
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-private-link",
          ),
        ],
      },
    ],
  },
  ...(["eventhub", "servicebus"] as const).map((service): ResourceFacts => ({
    type: `azure-native:${service}:Namespace`,
    service,
    resource: "namespace",
    title: service === "eventhub" ? "Event Hubs namespaces" : "Service Bus namespaces",
    baseline: {
      resourceGroupName: "platform",
      sku: { name: "Premium" },
      disableLocalAuth: true,
      minimumTlsVersion: "1.2",
      publicNetworkAccess: "Disabled",
      encryption: {
        keySource: "Microsoft.KeyVault",
        keyVaultProperties: [{ keyName: "data", keyVaultUri: "https://platform-kv.vault.azure.net" }],
      },
    },
    groups: [
      {
        concern: "auth",
        facts: [
          is(
            "disableLocalAuth",
            true,
            false,
            "shared access signatures grant access without an identity",
            `https://learn.microsoft.com/azure/${service === "eventhub" ? "event-hubs" : "service-bus-messaging"}/disable-local-authentication`,
            { fix: true },
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          atLeast(
            "minimumTlsVersion",
            TLS,
            "1.2",
            "1.2",
            TLS_WHY,
            `https://learn.microsoft.com/azure/${service === "eventhub" ? "event-hubs/transport-layer-security-configure-minimum-version" : "service-bus-messaging/transport-layer-security-configure-minimum-version"}`,
          ),
        ],
      },
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            `https://learn.microsoft.com/azure/${service === "eventhub" ? "event-hubs/private-link-service" : "service-bus-messaging/private-link-service"}`,
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryption.keyVaultProperties",
            "messages are encrypted with a Microsoft-managed key",
            `https://learn.microsoft.com/azure/${service === "eventhub" ? "event-hubs/configure-customer-managed-key" : "service-bus-messaging/configure-customer-managed-key"}`,
          ),
        ],
      },
    ],
  })),
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
  {
    type: "azure-native:search:Service",
    service: "search",
    resource: "service",
    title: "AI Search services",
    baseline: {
      resourceGroupName: "platform",
      sku: { name: "standard" },
      disableLocalAuth: true,
      publicNetworkAccess: "Disabled",
      encryptionWithCmk: { enforcement: "Enabled" },
    },
    groups: [
      {
        concern: "auth",
        facts: [
          is(
            "disableLocalAuth",
            true,
            false,
            "API keys grant access without an identity",
            "https://learn.microsoft.com/azure/search/search-security-enable-roles",
            { fix: true },
          ),
        ],
      },
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/search/service-create-private-endpoint",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          oneOf(
            "encryptionWithCmk.enforcement",
            ["Enabled"],
            "Unspecified",
            "indexes may be encrypted with service-managed keys",
            "https://learn.microsoft.com/azure/search/search-security-manage-encryption-keys",
          ),
        ],
      },
    ],
  },
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
