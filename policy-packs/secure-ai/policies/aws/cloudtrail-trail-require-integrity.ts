import { defineResourcePolicy, get, requireBoolean, requireSet } from "../lib";
import { AWS } from "./types";

/** CloudTrail trails are multi-region, integrity-validated and encrypted with a customer-managed key. */
export const awsCloudtrailTrailRequireIntegrity = defineResourcePolicy({
  name: "aws-cloudtrail-trail-require-integrity",
  cloud: "aws",
  controls: ["SAI-LOG-01", "SAI-LOG-02", "SAI-ENC-01"],
  description:
    "CloudTrail trails set enableLogFileValidation and isMultiRegionTrail to true and encrypt log files with a customer-managed KMS key (kmsKeyId set).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.cloudtrailTrail],
  tags: ["cloudtrail", "logging"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["enableLogFileValidation"], true, false, report);
    requireBoolean(props, ["isMultiRegionTrail"], true, false, report);
    requireSet(props, ["kmsKeyId"], report, "log files are then encrypted with an S3-managed key");
  },
  remediate: ({ props }) =>
    get(props, "enableLogFileValidation") === true && get(props, "isMultiRegionTrail") === true
      ? undefined
      : { enableLogFileValidation: true, isMultiRegionTrail: true },
});
