/**
 * AWS file and block storage: EFS file systems and EBS volumes. Property names verified in
 * node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { is, isSet, type ResourceFacts } from "../../lib/facts";
import { KEY, encrypted, cmk } from "./common";

/** EFS file systems and EBS volumes. */
export const AWS_EFS_EBS_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:efs/fileSystem:FileSystem",
    service: "efs",
    resource: "filesystem",
    title: "EFS file systems",
    baseline: { encrypted: true, kmsKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [
          encrypted("encrypted", "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"),
          cmk("kmsKeyId", "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"),
        ],
      },
    ],
  },
  {
    type: "aws:ebs/volume:Volume",
    service: "ebs",
    resource: "volume",
    title: "EBS volumes",
    baseline: { availabilityZone: "eu-west-1a", size: 100, encrypted: true, kmsKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        description:
          "EBS volumes are encrypted (encrypted: true) with a customer-managed KMS key (kmsKeyId set).",
        facts: [
          is(
            "encrypted",
            true,
            false,
            "the volume is unencrypted",
            "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
          ),
          isSet(
            "kmsKeyId",
            "without it the volume uses the AWS-managed aws/ebs key",
            "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
          ),
        ],
      },
    ],
  },
];
