import { defineResourcePolicy, get, isSet, isUnknown, knownArray } from "../lib";
import { GCP } from "./types";

/** Compute Engine VMs (and the templates they are stamped from) get no external IP address. */
export const gcpComputeInstanceDisallowPublicIp = defineResourcePolicy({
  name: "gcp-compute-instance-disallow-public-ip",
  cloud: "gcp",
  controls: ["SAI-NET-01"],
  description:
    "Compute instances and instance templates give no network interface an accessConfigs or ipv6AccessConfigs entry (each one is an external IP).",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.computeInstance, GCP.computeInstanceTemplate, GCP.computeRegionInstanceTemplate],
  tags: ["compute", "network"],
  validate: ({ props }, { report }) => {
    for (const [index, nic] of knownArray(get(props, "networkInterfaces")).entries()) {
      for (const key of ["accessConfigs", "ipv6AccessConfigs"]) {
        const configs = get(nic, key);
        if (!isUnknown(configs) && isSet(configs)) {
          report(
            `networkInterfaces[${index}].${key} is set, which gives the VM an external IP; reach it through IAP or a load balancer`,
          );
        }
      }
    }
  },
});
