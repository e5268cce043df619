import { defineResourcePolicy, requireSet } from "../lib";
import { AZURE } from "./types";
import { requireOneOfIgnoringCase } from "./values";

/** Azure ML workspaces encrypt their metadata and artifacts with a customer-managed key. */
export const azureMachinelearningservicesWorkspaceRequireCmk = defineResourcePolicy({
  name: "azure-machinelearningservices-workspace-require-cmk",
  cloud: "azure",
  controls: ["SAI-ENC-01", "SAI-MOD-01"],
  description:
    'Azure ML workspaces set encryption.status "Enabled" with encryption.keyVaultProperties.keyIdentifier and keyVaultArmId (a customer-managed key can only be chosen at creation).',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.mlWorkspace],
  tags: ["machinelearning", "encryption", "ai"],
  validate: ({ props }, { report }) => {
    requireOneOfIgnoringCase(props, ["encryption", "status"], ["Enabled"], "Disabled", report);
    requireSet(
      props,
      ["encryption", "keyVaultProperties", "keyIdentifier"],
      report,
      "no Key Vault key is named",
    );
    requireSet(props, ["encryption", "keyVaultProperties", "keyVaultArmId"], report, "no Key Vault is named");
  },
});
