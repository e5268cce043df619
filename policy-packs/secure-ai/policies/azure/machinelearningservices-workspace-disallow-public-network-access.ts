import { defineResourcePolicy, get, isUnknown } from "../lib";
import { AZURE } from "./types";
import { equalsIgnoringCase, requireOneOfIgnoringCase } from "./values";

/** Azure ML workspaces are reached through private endpoints only. */
export const azureMachinelearningservicesWorkspaceDisallowPublicNetworkAccess = defineResourcePolicy({
  name: "azure-machinelearningservices-workspace-disallow-public-network-access",
  cloud: "azure",
  controls: ["SAI-MOD-02", "SAI-NET-02"],
  description: 'Azure ML workspaces set publicNetworkAccess "Disabled" (the default is Enabled).',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.mlWorkspace],
  tags: ["machinelearning", "network", "ai"],
  validate: ({ props }, { report }) => {
    requireOneOfIgnoringCase(props, ["publicNetworkAccess"], ["Disabled"], "Enabled", report);
  },
  remediate: ({ props }) =>
    isUnknown(get(props, "publicNetworkAccess")) ||
    equalsIgnoringCase(props, ["publicNetworkAccess"], ["Disabled"])
      ? undefined
      : { publicNetworkAccess: "Disabled" },
});
