/**
 * Azure AI Search services. Property names and enum values verified in node_modules/@pulumi/azure-native
 * 3.28 (`<module>/<resource>.d.ts`, `types/input.d.ts`, `types/enums/<module>/index.d.ts`).
 */
import { is, oneOf, type ResourceFacts } from "../../lib/facts";
import { publicAccessOff } from "./common";

/** AI Search services. */
export const AZURE_SEARCH_FACTS: readonly ResourceFacts[] = [
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
];
