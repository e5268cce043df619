import { defineStackPolicy, get, isUnknown, knownNumber, knownString } from "../lib";
import { keyOf } from "./keyvault-key-limit-to-one-model";
import { AZURE } from "./types";
import { equalsIgnoringCase } from "./values";

/** "Only RSA and RSA-HSM keys of size 2048 are supported with Azure OpenAI encryption." */
const DOC = "https://learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest";
const KEY_TYPES = ["RSA", "RSA-HSM"];
const KEY_SIZE = 2048;

/**
 * The Key Vault keys of the stack that an Azure OpenAI account (`kind: "OpenAI"`) encrypts with are RSA or
 * RSA-HSM keys of 2048 bits ({@link DOC}). The account names its key by vault URI and key name (or takes
 * them from the key's outputs); a key outside the stack cannot be checked here.
 */
export const azureKeyvaultKeyRequireRsa2048ForOpenai = defineStackPolicy({
  name: "azure-keyvault-key-require-rsa2048-for-openai",
  cloud: "azure",
  controls: ["SAI-ENC-01"],
  description: `Key Vault keys of the stack used as the customer-managed key of an Azure OpenAI account (kind "OpenAI", properties.encryption.keySource "Microsoft.KeyVault") set properties.kty "RSA" or "RSA-HSM" and properties.keySize 2048: Microsoft supports no other key for Azure OpenAI encryption (${DOC}).`,
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.keyVaultKey, AZURE.cognitiveAccount],
  tags: ["keyvault", "cognitiveservices", "encryption", "ai", "deploy-readiness"],
  validate: (stack, { report }) => {
    for (const account of stack.ofType(AZURE.cognitiveAccount)) {
      if (
        equalsIgnoringCase(account.props, ["kind"], ["OpenAI"]) !== true ||
        equalsIgnoringCase(
          account.props,
          ["properties", "encryption", "keySource"],
          ["Microsoft.KeyVault"],
        ) !== true
      ) {
        continue;
      }
      const urn = keyOf(stack, account);
      const key = stack.ofType(AZURE.keyVaultKey).find((candidate) => candidate.urn === urn);
      if (key === undefined) {
        continue;
      }
      const kty = get(key.props, "properties", "kty");
      if (!isUnknown(kty) && equalsIgnoringCase(key.props, ["properties", "kty"], KEY_TYPES) !== true) {
        report(
          `properties.kty is ${knownString(kty) === undefined ? "not set" : `"${knownString(kty)}"`}; "${account.name}" (Azure OpenAI) supports only RSA or RSA-HSM keys (${DOC})`,
          key,
        );
      }
      const size = get(key.props, "properties", "keySize");
      if (!isUnknown(size) && knownNumber(size) !== KEY_SIZE) {
        report(
          `properties.keySize is ${size === undefined ? "not set" : String(size)}; "${account.name}" (Azure OpenAI) supports only ${KEY_SIZE}-bit keys (${DOC})`,
          key,
        );
      }
    }
  },
});
