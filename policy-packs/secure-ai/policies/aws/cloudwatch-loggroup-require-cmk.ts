import { defineResourcePolicy, requireSet } from "../lib";
import { AWS } from "./types";

/** CloudWatch log groups are encrypted with a customer-managed key. */
export const awsCloudwatchLoggroupRequireCmk = defineResourcePolicy({
  name: "aws-cloudwatch-loggroup-require-cmk",
  cloud: "aws",
  controls: ["SAI-ENC-01"],
  description: "CloudWatch log groups are encrypted with a customer-managed KMS key (kmsKeyId set).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.logGroup],
  tags: ["cloudwatch", "logging", "encryption"],
  validate: ({ props }, { report }) => {
    requireSet(props, ["kmsKeyId"], report, "without it log data is encrypted with a CloudWatch-owned key");
  },
});
