import { defineResourcePolicy, requireSet } from "../lib";
import { AWS } from "./types";

/** Bedrock custom models are encrypted with a customer-managed key. */
export const awsBedrockCustommodelRequireCmk = defineResourcePolicy({
  name: "aws-bedrock-custommodel-require-cmk",
  cloud: "aws",
  controls: ["SAI-ENC-01", "SAI-MOD-01"],
  description:
    "Bedrock custom (fine-tuned) models are encrypted with a customer-managed KMS key (customModelKmsKeyId set).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.bedrockCustomModel],
  tags: ["bedrock", "encryption", "ai"],
  validate: ({ props }, { report }) => {
    requireSet(
      props,
      ["customModelKmsKeyId"],
      report,
      "the fine-tuned weights are then encrypted with an AWS-owned key",
    );
  },
});
