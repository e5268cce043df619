import {
  allowsAction,
  actionMatches,
  defineStackPolicy,
  statementsOf,
  stringListOption,
  type Statement,
} from "../lib";
import { dataScientistRoles, grantsOf, type Grant } from "./data-scientist-roles";
import { AWS } from "./types";

/**
 * Actions that change or delete datasets or their keys, each standing for its family: an Allow whose pattern
 * matches one of them (`s3:*`, `s3:Put*`, `*`, `kms:Encrypt`) grants a write.
 */
const WRITE_ACTIONS = [
  "s3:PutObject",
  "s3:PutObjectAcl",
  "s3:PutObjectRetention",
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:RestoreObject",
  "s3:ReplicateObject",
  "s3:BypassGovernanceRetention",
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketAcl",
  "s3:PutBucketVersioning",
  "s3:PutLifecycleConfiguration",
  "s3:PutEncryptionConfiguration",
  "s3:DeleteBucket",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:ReEncryptTo",
  "kms:CreateGrant",
  "kms:PutKeyPolicy",
  "kms:DisableKey",
  "kms:ScheduleKeyDeletion",
];

/** AWS-managed policies that write to S3 or administer KMS keys. */
const WRITING_MANAGED_POLICIES = [
  "AdministratorAccess",
  "PowerUserAccess",
  "AmazonS3FullAccess",
  "AWSKeyManagementServicePowerUser",
  "AmazonSageMakerFullAccess",
];

/** Whether a statement's resources reach S3 or KMS resources (`*`, an S3 or KMS ARN). */
function reachesData(statement: Statement, action: string): boolean {
  const service = action.split(":")[0];
  return statement.resources.some(
    (resource) => resource === "*" || new RegExp(`^arn:[^:]*:${service}:`).test(resource),
  );
}

/** Whether some Deny statement removes `action` again for every resource the Allow names. */
function denied(action: string, allow: Statement, denies: readonly Statement[]): boolean {
  return denies.some(
    (deny) =>
      deny.actions.some((pattern) => actionMatches(pattern, action)) &&
      !deny.notActions &&
      Object.keys(deny.conditions).length === 0 &&
      (deny.resources.includes("*") ||
        allow.resources.every((resource) => deny.resources.includes(resource))),
  );
}

/** The write actions a grant allows, after the role's Deny statements. */
function writesOf(grant: Grant, statements: readonly Statement[], denies: readonly Statement[]): string[] {
  if (grant.managedPolicyArn !== undefined) {
    const name = grant.managedPolicyArn.split("/").pop() ?? "";
    return /^arn:[^:]+:iam::aws:policy\//.test(grant.managedPolicyArn) &&
      WRITING_MANAGED_POLICIES.includes(name)
      ? [`everything ${name} allows`]
      : [];
  }
  const writes = new Set<string>();
  for (const statement of statements) {
    for (const action of WRITE_ACTIONS) {
      if (
        allowsAction(statement, action) &&
        reachesData(statement, action) &&
        !denied(action, statement, denies)
      ) {
        writes.add(action);
      }
    }
  }
  return [...writes];
}

/** The roles the platform designates as data-science readers never gain write, delete or key-admin rights. */
export const awsIamRoleDisallowDataScientistWrite = defineStackPolicy({
  name: "aws-iam-role-disallow-data-scientist-write",
  cloud: "aws",
  controls: ["SAI-IAM-02"],
  description:
    "IAM roles designated as data-science readers (dataScientistRoles) have no role policy, inline policy or attached policy that allows writing, deleting or reconfiguring S3 data (s3:Put*, s3:Delete*, s3:RestoreObject...) or encrypting with or administering KMS keys (kms:Encrypt, kms:GenerateDataKey, kms:CreateGrant...), unless a Deny statement of the role removes it again.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.iamRole, AWS.iamRolePolicy, AWS.iamRolePolicyAttachment, AWS.iamPolicy],
  tags: ["iam", "s3", "kms"],
  config: {
    dataScientistRoles: stringListOption({
      default: ["*data-scientist*"],
      description:
        "Globs matched against IAM role resource names and role names: the roles that give data scientists read-only access to datasets (SecureAiPlatform names its role <platform>-data-scientist-role).",
    }),
  },
  validate: (stack, { config, report }) => {
    const patterns = config.dataScientistRoles;
    const roles = dataScientistRoles(stack, patterns);
    const grants = grantsOf(stack, roles, patterns);
    const parsed = grants.map((grant) => statementsOf(grant.document) ?? []);
    const denies = parsed.flat().filter((statement) => statement.effect === "Deny");
    for (const [index, grant] of grants.entries()) {
      const writes = writesOf(grant, parsed[index] ?? [], denies);
      if (writes.length > 0) {
        report(
          `${grant.label} of data-science reader "${grant.resource.name}" allows ${writes.join(", ")}: data scientists have read-only access to datasets (SAI-IAM-02)`,
          grant.resource,
        );
      }
    }
  },
});
