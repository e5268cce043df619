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
    // @pulumi/azure-native 2.92 declares the account as documentdb:DatabaseAccount
    // (documentdb/databaseAccount.js), with every property below in its DatabaseAccountArgs and the same
    // MinimalTlsVersion and PublicNetworkAccess values (types/enums/documentdb/index.d.ts).
    previousTypes: { "azure-native:documentdb:DatabaseAccount": "@pulumi/azure-native v2" },
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
    // No previousTypes: @pulumi/azure-native 2.92 declares the cache as cache:Redis (cache/redis.js), whose
    // RedisArgs has enableNonSslPort, minimumTlsVersion and publicNetworkAccess but no
    // disableAccessKeyAuthentication, so the row's auth policy could not be met there.
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
