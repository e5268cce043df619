import { defineResourcePolicy, requireBoolean, requireSet } from "../lib";
import { AWS } from "./types";

/** SageMaker models run network-isolated inside the customer's VPC. */
export const awsSagemakerModelRequireNetworkIsolation = defineResourcePolicy({
  name: "aws-sagemaker-model-require-network-isolation",
  cloud: "aws",
  controls: ["SAI-MOD-02", "SAI-NET-02"],
  description:
    "SageMaker models set enableNetworkIsolation to true and a vpcConfig with subnets and security groups, so model containers make no outbound calls and are reached only inside the VPC.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.sagemakerModel],
  tags: ["sagemaker", "network", "ai"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["enableNetworkIsolation"], true, false, report);
    requireSet(
      props,
      ["vpcConfig", "subnets"],
      report,
      "the model containers then run outside the customer's VPC",
    );
    requireSet(
      props,
      ["vpcConfig", "securityGroupIds"],
      report,
      "the VPC config needs security groups that restrict traffic",
    );
  },
});
