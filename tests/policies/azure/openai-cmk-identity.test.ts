/**
 * Azure OpenAI reaches its customer-managed key only through its system-assigned identity
 * (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest), the rule
 * tests/azure/deploy-readiness.test.ts checks on the platform's own accounts, as a pack policy.
 * @pulumi/azure-native 3.28 input names.
 */
import { describe } from "vitest";
import { azureCognitiveservicesAccountRequireSystemIdentityForCmk } from "../../../policy-packs/secure-ai/policies/azure/cognitiveservices-account-require-system-identity-for-cmk";
import { describePolicyCase } from "../gcp/case-runner";
import { describeResourcePasses } from "../passes";

const ACCOUNT = "azure-native:cognitiveservices:Account";
const IDENTITY =
  "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/chat";

/** An Azure OpenAI account with a customer-managed key, as the platform builds one. */
const openai = {
  resourceGroupName: "rg",
  kind: "OpenAI",
  sku: { name: "S0" },
  identity: { type: "SystemAssigned" },
  properties: {
    customSubDomainName: "sai-chat",
    encryption: {
      keySource: "Microsoft.KeyVault",
      keyVaultProperties: { keyName: "model-chat", keyVaultUri: "https://sai-openai.vault.azure.net/" },
    },
  },
};

describe("Azure OpenAI customer-managed key identity", () => {
  describePolicyCase({
    policy: azureCognitiveservicesAccountRequireSystemIdentityForCmk,
    type: ACCOUNT,
    baseline: openai,
    negatives: [
      ["identity", undefined],
      ["identity", { type: "UserAssigned", userAssignedIdentities: { [IDENTITY]: {} } }],
      ["identity.type", "None"],
      ["properties.encryption.keyVaultProperties.identityClientId", "00000000-0000-4000-8000-000000000001"],
    ],
    unknownPasses: ["identity.type", "kind", "properties.encryption.keySource"],
    passes: [
      ["identity.type", "SystemAssigned, UserAssigned"],
      ["identity.type", "systemassigned"],
      ["kind", "AIServices"],
      ["properties.encryption.keySource", "Microsoft.CognitiveServices"],
      ["properties.encryption", undefined],
      ["properties.encryption.keyVaultProperties.identityClientId", ""],
    ],
  });
  describeResourcePasses(
    azureCognitiveservicesAccountRequireSystemIdentityForCmk,
    ACCOUNT,
    openai,
    "identity.type",
  );
});
