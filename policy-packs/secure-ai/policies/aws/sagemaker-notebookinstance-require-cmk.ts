import { defineResourcePolicy, requireSet } from "../lib";
import { AWS } from "./types";

/** SageMaker notebook instances encrypt their storage with a customer-managed key. */
export const awsSagemakerNotebookinstanceRequireCmk = defineResourcePolicy({
  name: "aws-sagemaker-notebookinstance-require-cmk",
  cloud: "aws",
  controls: ["SAI-ENC-01"],
  description:
    "SageMaker notebook instances encrypt their ML storage volume with a customer-managed KMS key (kmsKeyId set).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.sagemakerNotebookInstance],
  tags: ["sagemaker", "encryption", "ai"],
  validate: ({ props }, { report }) => {
    requireSet(props, ["kmsKeyId"], report, "notebook volumes hold copies of training data");
  },
});
