import { defineResourcePolicy, requireSet } from "../lib";
import { AZURE } from "./types";
import { requireOneOfIgnoringCase } from "./values";

/** Azure OpenAI / AI Services accounts encrypt stored data (fine-tuning files, models) with a customer-managed key. */
export const azureCognitiveservicesAccountRequireCmk = defineResourcePolicy({
  name: "azure-cognitiveservices-account-require-cmk",
  cloud: "azure",
  controls: ["SAI-ENC-01", "SAI-MOD-01"],
  description:
    'Cognitive Services accounts (Azure OpenAI, AI Services) set properties.encryption.keySource "Microsoft.KeyVault" with keyVaultProperties.keyName and keyVaultUri.',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.cognitiveAccount],
  tags: ["cognitiveservices", "encryption", "ai"],
  validate: ({ props }, { report }) => {
    const encryption = ["properties", "encryption"];
    requireOneOfIgnoringCase(
      props,
      [...encryption, "keySource"],
      ["Microsoft.KeyVault"],
      "Microsoft.CognitiveServices",
      report,
    );
    requireSet(props, [...encryption, "keyVaultProperties", "keyName"], report, "no Key Vault key is named");
    requireSet(props, [...encryption, "keyVaultProperties", "keyVaultUri"], report, "no Key Vault is named");
  },
});
