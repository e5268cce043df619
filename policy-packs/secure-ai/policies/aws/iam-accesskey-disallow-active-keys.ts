import { defineResourcePolicy, get, isUnknown, knownString } from "../lib";
import { AWS_EXTRA } from "./types-extra";

/**
 * Workloads use roles, not long-lived access keys: an `aws.iam.AccessKey` is a permanent credential of an IAM
 * user that must be stored and rotated by hand. AWS recommends temporary credentials from roles for workloads
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles). A key whose
 * `status` is `Inactive` cannot sign requests (the API default is `Active`:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html).
 */
export const awsIamAccesskeyDisallowActiveKeys = defineResourcePolicy({
  name: "aws-iam-accesskey-disallow-active-keys",
  cloud: "aws",
  controls: ["SAI-IAM-03"],
  description:
    "The stack creates no active IAM user access keys (aws.iam.AccessKey with status absent or Active); workloads assume roles and external workloads federate. Advisory, since some third-party integrations still need a key: waive those with a reason.",
  enforcementLevel: "advisory",
  resourceTypes: [AWS_EXTRA.iamAccessKey],
  tags: ["iam", "credentials"],
  validate: ({ props }, { report }) => {
    const status = get(props, "status");
    if (isUnknown(status) || knownString(status) === "Inactive") {
      return;
    }
    report(
      `an active access key for IAM user ${knownString(get(props, "user")) ?? "(unknown)"} is a long-lived credential; give the workload a role (or OIDC federation) instead`,
    );
  },
});
