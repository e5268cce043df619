import { defineResourcePolicy, get, isSet, isUnknown, knownString } from "../lib";
import { AZURE } from "./types";
import { equalsIgnoringCase } from "./values";

/**
 * The page that states the rule: "Azure OpenAI only supports customer-managed keys (CMK) with system-assigned
 * managed identities. User-assigned managed identities are not supported with Azure OpenAI and customer-managed
 * keys (CMK)", and the vault grants get/wrap/unwrap to "the Azure OpenAI resource's system-assigned managed
 * identity".
 */
const DOC = "https://learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest";

/**
 * An Azure OpenAI account (`kind: "OpenAI"`) that encrypts with a customer-managed key reaches the key through
 * its system-assigned identity: `identity.type` includes `SystemAssigned` and
 * `properties.encryption.keyVaultProperties.identityClientId` (which names a user-assigned identity) is not set
 * (see {@link DOC}). Other kinds are out of scope: the Foundry page documents user-assigned identities for AI
 * Services accounts (https://learn.microsoft.com/en-us/azure/ai-foundry/concepts/encryption-keys-portal).
 */
export const azureCognitiveservicesAccountRequireSystemIdentityForCmk = defineResourcePolicy({
  name: "azure-cognitiveservices-account-require-system-identity-for-cmk",
  cloud: "azure",
  controls: ["SAI-ENC-01"],
  description: `Azure OpenAI accounts (kind "OpenAI") with properties.encryption.keySource "Microsoft.KeyVault" have a system-assigned identity (identity.type includes "SystemAssigned") and no keyVaultProperties.identityClientId: Microsoft supports customer-managed keys on Azure OpenAI only through the system-assigned identity, not user-assigned ones (${DOC}).`,
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.cognitiveAccount],
  tags: ["cognitiveservices", "encryption", "identity", "ai", "deploy-readiness"],
  validate: ({ props }, { report }) => {
    if (equalsIgnoringCase(props, ["kind"], ["OpenAI"]) !== true) {
      return;
    }
    const encryption = ["properties", "encryption"];
    if (equalsIgnoringCase(props, [...encryption, "keySource"], ["Microsoft.KeyVault"]) !== true) {
      return;
    }
    const type = get(props, "identity", "type");
    if (!isUnknown(type)) {
      const known = knownString(type);
      if (known === undefined || !/systemassigned/i.test(known)) {
        report(
          `identity.type is ${known === undefined ? "not set" : `"${known}"`}; an Azure OpenAI account with a customer-managed key needs "SystemAssigned" (user-assigned identities are not supported for its key, ${DOC})`,
        );
      }
    }
    const clientId = get(props, ...encryption, "keyVaultProperties", "identityClientId");
    if (!isUnknown(clientId) && isSet(clientId)) {
      report(
        `properties.encryption.keyVaultProperties.identityClientId is set: it makes a user-assigned identity reach the key, which Azure OpenAI does not support (${DOC})`,
      );
    }
  },
});
