import { defineResourcePolicy, requireSet } from "../lib";
import { AZURE } from "./types";
import { requireOneOfIgnoringCase } from "./values";

/** Storage accounts encrypt data with a customer-managed key from Key Vault. */
export const azureStorageAccountRequireCmk = defineResourcePolicy({
  name: "azure-storage-account-require-cmk",
  cloud: "azure",
  controls: ["SAI-ENC-01", "SAI-MOD-01"],
  description:
    'Storage accounts set encryption.keySource "Microsoft.Keyvault" with encryption.keyVaultProperties.keyName and keyVaultUri (the default is Microsoft-managed keys).',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.storageAccount],
  tags: ["storage", "encryption"],
  validate: ({ props }, { report }) => {
    requireOneOfIgnoringCase(
      props,
      ["encryption", "keySource"],
      ["Microsoft.Keyvault"],
      "Microsoft.Storage",
      report,
    );
    requireSet(props, ["encryption", "keyVaultProperties", "keyName"], report, "no Key Vault key is named");
    requireSet(props, ["encryption", "keyVaultProperties", "keyVaultUri"], report, "no Key Vault is named");
  },
});
