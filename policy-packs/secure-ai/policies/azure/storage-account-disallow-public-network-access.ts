import { defineResourcePolicy, get, isUnknown } from "../lib";
import { AZURE } from "./types";
import { equalsIgnoringCase, requireOneOfIgnoringCase } from "./values";

const PRIVATE_VALUES = ["Disabled", "SecuredByPerimeter"];

/** Storage accounts are reached through private endpoints only. */
export const azureStorageAccountDisallowPublicNetworkAccess = defineResourcePolicy({
  name: "azure-storage-account-disallow-public-network-access",
  cloud: "azure",
  controls: ["SAI-NET-02", "SAI-MOD-01"],
  description:
    'Storage accounts set publicNetworkAccess "Disabled" (or "SecuredByPerimeter"), so only private endpoints (and a network security perimeter) reach them.',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.storageAccount],
  tags: ["storage", "network"],
  validate: ({ props }, { report }) => {
    requireOneOfIgnoringCase(props, ["publicNetworkAccess"], PRIVATE_VALUES, "Enabled", report);
  },
  remediate: ({ props }) =>
    isUnknown(get(props, "publicNetworkAccess")) ||
    equalsIgnoringCase(props, ["publicNetworkAccess"], PRIVATE_VALUES)
      ? undefined
      : { publicNetworkAccess: "Disabled" },
});
