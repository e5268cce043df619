import { defineResourcePolicy, get, isSet, isUnknown, knownArray, knownKeys, requireBoolean } from "../lib";
import { GCP } from "./types";

/** Vertex AI Workbench notebooks get no external IP address. */
export const gcpWorkbenchInstanceDisallowPublicIp = defineResourcePolicy({
  name: "gcp-workbench-instance-disallow-public-ip",
  cloud: "gcp",
  controls: ["SAI-NET-01"],
  description:
    "Workbench instances set gceSetup.disablePublicIp true (the default is false) and give no network interface an accessConfigs entry.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.workbenchInstance],
  tags: ["workbench", "network", "ai"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["gceSetup", "disablePublicIp"], true, false, report);
    for (const [index, nic] of knownArray(get(props, "gceSetup", "networkInterfaces")).entries()) {
      const configs = get(nic, "accessConfigs");
      if (!isUnknown(configs) && isSet(configs)) {
        report(
          `gceSetup.networkInterfaces[${index}].accessConfigs is set, which gives the notebook an external IP`,
        );
      }
    }
  },
  remediate: ({ props }) => {
    const setup = get(props, "gceSetup");
    const disabled = get(setup, "disablePublicIp");
    if (isUnknown(setup) || disabled === true || isUnknown(disabled)) {
      return undefined;
    }
    const copy: Record<string, unknown> = {};
    for (const key of knownKeys(setup)) {
      copy[key] = Object.getOwnPropertyDescriptor(setup, key)?.value;
    }
    return { gceSetup: { ...copy, disablePublicIp: true } };
  },
});
