/**
 * Azure Event Hubs and Service Bus namespaces (one schema, one row each). Property names and enum values
 * verified in node_modules/@pulumi/azure-native 3.28 (`<module>/<resource>.d.ts`, `types/input.d.ts`,
 * `types/enums/<module>/index.d.ts`).
 */
import { atLeast, is, isSet, type ResourceFacts } from "../../lib/facts";
import { TLS, TLS_WHY, publicAccessOff } from "./common";

/** Event Hubs and Service Bus namespaces. */
export const AZURE_EVENTHUB_SERVICEBUS_FACTS: readonly ResourceFacts[] = [
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
];
