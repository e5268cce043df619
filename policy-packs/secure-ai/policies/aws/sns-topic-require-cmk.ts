import { defineResourcePolicy, get, knownString, requireSet } from "../lib";
import { AWS } from "./types";

/** SNS topics are encrypted with a customer-managed key, not the AWS-managed `alias/aws/sns`. */
export const awsSnsTopicRequireCmk = defineResourcePolicy({
  name: "aws-sns-topic-require-cmk",
  cloud: "aws",
  controls: ["SAI-ENC-01"],
  description:
    "SNS topics are encrypted with a customer-managed KMS key (kmsMasterKeyId set, not alias/aws/sns).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.snsTopic],
  tags: ["sns", "encryption"],
  validate: ({ props }, { report }) => {
    requireSet(props, ["kmsMasterKeyId"], report, "without it messages are stored unencrypted");
    const key = knownString(get(props, "kmsMasterKeyId"));
    if (key !== undefined && key.startsWith("alias/aws/")) {
      report(`kmsMasterKeyId is the AWS-managed key "${key}"; use a customer-managed key`);
    }
  },
});
