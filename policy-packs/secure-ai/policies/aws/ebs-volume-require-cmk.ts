import { defineResourcePolicy, requireBoolean, requireSet } from "../lib";
import { AWS } from "./types";

/** EBS volumes are encrypted with a customer-managed key. */
export const awsEbsVolumeRequireCmk = defineResourcePolicy({
  name: "aws-ebs-volume-require-cmk",
  cloud: "aws",
  controls: ["SAI-ENC-01"],
  description: "EBS volumes are encrypted (encrypted: true) with a customer-managed KMS key (kmsKeyId set).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.ebsVolume],
  tags: ["ebs", "encryption"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["encrypted"], true, false, report);
    requireSet(props, ["kmsKeyId"], report, "without it the volume uses the AWS-managed aws/ebs key");
  },
});
