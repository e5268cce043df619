import { defineResourcePolicy, get, isUnknown, requireBoolean } from "../lib";
import { carriesWorkloads } from "./subnetwork-purpose";
import { GCP } from "./types";

/** Workload subnets reach Google APIs without external IPs. */
export const gcpComputeSubnetworkRequirePrivateGoogleAccess = defineResourcePolicy({
  name: "gcp-compute-subnetwork-require-private-google-access",
  cloud: "gcp",
  controls: ["SAI-NET-01", "SAI-NET-02"],
  description:
    "Workload subnetworks (purpose PRIVATE or unset) set privateIpGoogleAccess true, so VMs without external IPs still reach Google APIs privately.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.subnetwork],
  tags: ["compute", "network"],
  validate: ({ props }, { report }) => {
    if (carriesWorkloads(props)) {
      requireBoolean(props, ["privateIpGoogleAccess"], true, false, report);
    }
  },
  remediate: ({ props }) => {
    const value = get(props, "privateIpGoogleAccess");
    return !carriesWorkloads(props) || value === true || isUnknown(value)
      ? undefined
      : { privateIpGoogleAccess: true };
  },
});
