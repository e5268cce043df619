import { defineResourcePolicy, get, requireOneOf } from "../lib";
import { AWS } from "./types";

/** SageMaker domains send all traffic through the customer's VPC. */
export const awsSagemakerDomainRequireVpcOnly = defineResourcePolicy({
  name: "aws-sagemaker-domain-require-vpc-only",
  cloud: "aws",
  controls: ["SAI-NET-02", "SAI-MOD-02"],
  description:
    "SageMaker domains set appNetworkAccessType to VpcOnly, so Studio apps have no SageMaker-provided internet access.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.sagemakerDomain],
  tags: ["sagemaker", "network", "ai"],
  validate: ({ props }, { report }) => {
    requireOneOf(props, ["appNetworkAccessType"], ["VpcOnly"], "PublicInternetOnly", report);
  },
  remediate: ({ props }) =>
    get(props, "appNetworkAccessType") === "VpcOnly" ? undefined : { appNetworkAccessType: "VpcOnly" },
});
