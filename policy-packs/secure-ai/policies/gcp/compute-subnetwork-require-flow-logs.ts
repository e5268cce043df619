import { defineResourcePolicy, requireSet } from "../lib";
import { carriesWorkloads } from "./subnetwork-purpose";
import { GCP } from "./types";

/** Workload subnets record VPC flow logs for investigations. */
export const gcpComputeSubnetworkRequireFlowLogs = defineResourcePolicy({
  name: "gcp-compute-subnetwork-require-flow-logs",
  cloud: "gcp",
  controls: ["SAI-LOG-01"],
  description:
    "Workload subnetworks (purpose PRIVATE or unset) set logConfig, which turns on VPC flow logs; advisory because sampling and cost are a judgement call.",
  enforcementLevel: "advisory",
  resourceTypes: [GCP.subnetwork],
  tags: ["compute", "logging"],
  validate: ({ props }, { report }) => {
    if (carriesWorkloads(props)) {
      requireSet(props, ["logConfig"], report, "no VPC flow logs are recorded for the subnet");
    }
  },
});
