import { defineResourcePolicy, get, requireOneOf, requireSet } from "../lib";
import { AWS } from "./types";

/** SageMaker notebook instances have no direct internet access and live in a VPC subnet. */
export const awsSagemakerNotebookinstanceDisallowInternetAccess = defineResourcePolicy({
  name: "aws-sagemaker-notebookinstance-disallow-internet-access",
  cloud: "aws",
  controls: ["SAI-NET-01", "SAI-NET-02"],
  description:
    "SageMaker notebook instances set directInternetAccess to Disabled and run in a VPC subnet (subnetId set), reaching AWS services through VPC endpoints.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.sagemakerNotebookInstance],
  tags: ["sagemaker", "network", "ai"],
  validate: ({ props }, { report }) => {
    requireOneOf(props, ["directInternetAccess"], ["Disabled"], "Enabled", report);
    requireSet(
      props,
      ["subnetId"],
      report,
      "a notebook without a subnet is launched in a SageMaker-managed network",
    );
  },
  remediate: ({ props }) =>
    get(props, "directInternetAccess") === "Disabled" ? undefined : { directInternetAccess: "Disabled" },
});
