import { defineResourcePolicy, requireSet } from "../lib";
import { AWS } from "./types";

/** SageMaker domains encrypt their EFS home directories with a customer-managed key. */
export const awsSagemakerDomainRequireCmk = defineResourcePolicy({
  name: "aws-sagemaker-domain-require-cmk",
  cloud: "aws",
  controls: ["SAI-ENC-01"],
  description:
    "SageMaker domains encrypt the attached EFS volume with a customer-managed KMS key (kmsKeyId set).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.sagemakerDomain],
  tags: ["sagemaker", "encryption", "ai"],
  validate: ({ props }, { report }) => {
    requireSet(props, ["kmsKeyId"], report, "user home directories hold datasets and notebooks");
  },
});
