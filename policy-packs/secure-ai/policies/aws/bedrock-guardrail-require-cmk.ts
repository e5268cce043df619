import { defineResourcePolicy, requireSet } from "../lib";
import { AWS } from "./types";

/** Bedrock guardrails are encrypted with a customer-managed key. */
export const awsBedrockGuardrailRequireCmk = defineResourcePolicy({
  name: "aws-bedrock-guardrail-require-cmk",
  cloud: "aws",
  controls: ["SAI-ENC-01"],
  description: "Bedrock guardrails are encrypted with a customer-managed KMS key (kmsKeyArn set).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.bedrockGuardrail],
  tags: ["bedrock", "encryption", "ai"],
  validate: ({ props }, { report }) => {
    requireSet(
      props,
      ["kmsKeyArn"],
      report,
      "guardrail definitions (denied topics, word lists) are then under an AWS-owned key",
    );
  },
});
