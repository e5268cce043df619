/**
 * Azure Cosmos DB accounts and Azure Cache for Redis. Property names and enum values verified in
 * node_modules/@pulumi/azure-native 3.28 (`<module>/<resource>.d.ts`, `types/input.d.ts`,
 * `types/enums/<module>/index.d.ts`).
 */
import { atLeast, is, isSet, type ResourceFacts } from "../../lib/facts";
import { VAULT_KEY, TLS, TLS_WHY, LOCAL_WHY, publicAccessOff } from "./common";

/** Cosmos DB accounts and Redis caches. */
export const AZURE_COSMOSDB_REDIS_FACTS: readonly ResourceFacts[] = [
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
            undefined,
            { since: "@pulumi/azure-native v3" },
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
            { fix: true, since: "@pulumi/azure-native v3" },
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
            { since: "@pulumi/azure-native v3" },
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
            { since: "@pulumi/azure-native v3" },
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
            { fix: false, since: "@pulumi/azure-native v3" },
          ),
          atLeast(
            "minimumTlsVersion",
            TLS,
            "1.2",
            "1.2",
            TLS_WHY,
            "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-remove-tls-10-11",
            { since: "@pulumi/azure-native v3" },
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
            { fix: true, since: "@pulumi/azure-native v3" },
          ),
        ],
      },
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-private-link",
            undefined,
            { since: "@pulumi/azure-native v3" },
          ),
        ],
      },
    ],
  },
];
