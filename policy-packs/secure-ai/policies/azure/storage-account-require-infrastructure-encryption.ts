import { defineResourcePolicy, requireBoolean } from "../lib";
import { AZURE } from "./types";

/** Storage accounts add a second, infrastructure-level layer of encryption. */
export const azureStorageAccountRequireInfrastructureEncryption = defineResourcePolicy({
  name: "azure-storage-account-require-infrastructure-encryption",
  cloud: "azure",
  controls: ["SAI-ENC-01"],
  description:
    "Storage accounts set encryption.requireInfrastructureEncryption true (double encryption; it can only be chosen when the account is created, so a fix means a new account); advisory because it is defence in depth on top of the CMK.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.storageAccount],
  tags: ["storage", "encryption"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["encryption", "requireInfrastructureEncryption"], true, false, report);
  },
});
