/**
 * SAI-IAM-02 (data scientists have read-only access to datasets) on each cloud: the platform's own reader
 * grants pass, a write, delete or admin grant to the same designated principal is reported, and the
 * designation follows the policies' config.
 */
import { describe, expect, it } from "vitest";
import { checkStackOutcome, UNKNOWN, type TestResource } from "./harness";
import { stackPolicy } from "./pack";

function doc(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

const DATASETS = "arn:aws:s3:::platform-datasets";
const role: TestResource = {
  type: "aws:iam/role:Role",
  name: "platform-data-scientist-role",
  props: { name: "platform-data-scientist-role-1a2b3c", assumeRolePolicy: doc() },
};
/** The platform's data-scientist policy: read, decrypt through S3, and an explicit deny of every write. */
const platformPolicy = doc(
  {
    Sid: "ReadDatasets",
    Effect: "Allow",
    Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:GetBucketLocation"],
    Resource: [DATASETS, `${DATASETS}/*`],
  },
  {
    Sid: "DecryptDatasetsOnlyThroughS3",
    Effect: "Allow",
    Action: "kms:Decrypt",
    Resource: "arn:aws:kms:eu-west-1:111122223333:key/k",
    Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
  },
  {
    Sid: "NeverWriteDatasets",
    Effect: "Deny",
    Action: ["s3:PutObject*", "s3:DeleteObject*", "s3:PutBucket*", "s3:DeleteBucket*", "s3:RestoreObject"],
    Resource: [DATASETS, `${DATASETS}/*`],
  },
);

function rolePolicy(name: string, policy: string): TestResource {
  return {
    type: "aws:iam/rolePolicy:RolePolicy",
    name,
    props: { role: UNKNOWN, policy },
    dependsOn: { role: ["platform-data-scientist-role"] },
  };
}

describe("aws-iam-role-disallow-data-scientist-write", () => {
  const policy = stackPolicy("aws-iam-role-disallow-data-scientist-write");

  it("passes the platform's read-only policy", async () => {
    const outcome = await checkStackOutcome(policy, [role, rolePolicy("ds-policy", platformPolicy)]);
    expect(outcome).toEqual({ findings: [] });
  });

  it("flags s3:Put*, s3:DeleteObject and kms:Encrypt granted to the data-scientist role", async () => {
    const writes = doc({
      Effect: "Allow",
      Action: ["s3:Put*", "s3:DeleteObject", "kms:Encrypt"],
      Resource: [`${DATASETS}/*`, "arn:aws:kms:eu-west-1:111122223333:key/k"],
    });
    const { findings } = await checkStackOutcome(policy, [role, rolePolicy("ds-writes", writes)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.urn).toBe("urn:pulumi:test::secure-ai::aws:iam/rolePolicy:RolePolicy::ds-writes");
    expect(findings[0]?.message).toContain("s3:PutObject");
    expect(findings[0]?.message).toContain("s3:DeleteObject");
    expect(findings[0]?.message).toContain("kms:Encrypt");
  });

  it("flags an attached AmazonS3FullAccess, by a role name that matches outside the stack too", async () => {
    const { findings } = await checkStackOutcome(policy, [
      {
        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        name: "ds-s3-full",
        props: { role: "team-data-scientist", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" },
      },
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining("everything AmazonS3FullAccess allows"),
    ]);
  });

  it("reads a customer-managed policy attached to the role", async () => {
    const { findings } = await checkStackOutcome(policy, [
      role,
      {
        type: "aws:iam/policy:Policy",
        name: "scratch-writer",
        props: {
          arn: "arn:aws:iam::111122223333:policy/scratch",
          policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }),
        },
      },
      {
        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        name: "ds-scratch",
        props: { role: UNKNOWN, policyArn: "arn:aws:iam::111122223333:policy/scratch" },
        dependsOn: { role: ["platform-data-scientist-role"] },
      },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('policy "scratch-writer"');
  });

  it("ignores roles that are not designated, and follows the dataScientistRoles option", async () => {
    const analyst = { ...role, name: "analyst-role", props: { name: "analyst" } };
    const writes = doc({ Effect: "Allow", Action: "s3:PutObject", Resource: `${DATASETS}/*` });
    const resources = [
      analyst,
      { ...rolePolicy("analyst-writes", writes), dependsOn: { role: ["analyst-role"] } },
    ];
    expect((await checkStackOutcome(policy, resources)).findings).toEqual([]);
    const configured = await checkStackOutcome(policy, resources, { dataScientistRoles: ["analyst*"] });
    expect(configured.findings).toHaveLength(1);
  });

  it("signals the unknown policy document in preview", async () => {
    const outcome = await checkStackOutcome(policy, [role, rolePolicy("ds-policy", UNKNOWN)]);
    expect(outcome).toEqual({
      findings: [],
      notApplicable:
        "unknown-inputs: urn:pulumi:test::secure-ai::aws:iam/rolePolicy:RolePolicy::ds-policy.policy",
    });
  });
});

describe("gcp-storage-bucketiammember-disallow-data-scientist-write", () => {
  const policy = stackPolicy("gcp-storage-bucketiammember-disallow-data-scientist-write");
  const member = "group:data-scientists@example.com";
  /** The platform's reader grants, named <platform>-data-scientist-<n>-datasets / -vertex. */
  const readers: TestResource[] = [
    {
      type: "gcp:storage/bucketIAMMember:BucketIAMMember",
      name: "platform-data-scientist-0-datasets",
      props: { bucket: UNKNOWN, role: "roles/storage.objectViewer", member },
    },
    {
      type: "gcp:projects/iAMMember:IAMMember",
      name: "platform-data-scientist-0-vertex",
      props: { project: "p", role: "roles/aiplatform.viewer", member },
    },
  ];

  it("passes the platform's viewer grants (the bucket, unknown at preview, is not needed)", async () => {
    expect(await checkStackOutcome(policy, readers)).toEqual({ findings: [] });
  });

  it("flags objectAdmin on a bucket and a binding with storage.admin for the same member", async () => {
    const { findings } = await checkStackOutcome(policy, [
      ...readers,
      {
        type: "gcp:storage/bucketIAMMember:BucketIAMMember",
        name: "extra-write",
        props: { bucket: "datasets", role: "roles/storage.objectAdmin", member },
      },
      {
        type: "gcp:storage/bucketIAMBinding:BucketIAMBinding",
        name: "admins",
        props: { bucket: "datasets", role: "roles/storage.admin", members: ["user:a@example.com", member] },
      },
    ]);
    expect(findings.map((finding) => finding.urn?.split("::").pop())).toEqual(["extra-write", "admins"]);
    expect(findings[0]?.message).toContain(
      `roles/storage.objectAdmin is granted to data-science reader ${member}`,
    );
  });

  it("recognises members listed in dataScientistMembers", async () => {
    const grant: TestResource = {
      type: "gcp:projects/iAMMember:IAMMember",
      name: "editor",
      props: { project: "p", role: "roles/editor", member: "user:ada@example.com" },
    };
    expect((await checkStackOutcome(policy, [grant])).findings).toEqual([]);
    const configured = await checkStackOutcome(policy, [grant], {
      dataScientistMembers: ["user:*@example.com"],
    });
    expect(configured.findings).toHaveLength(1);
  });
});

describe("azure-authorization-roleassignment-disallow-data-scientist-write", () => {
  const policy = stackPolicy("azure-authorization-roleassignment-disallow-data-scientist-write");
  const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
  const ACCOUNT = `${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/datasets`;
  const role = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
  const principalId = "11111111-2222-3333-4444-555555555555";
  const reader: TestResource = {
    type: "azure-native:authorization:RoleAssignment",
    name: "platform-dataset-reader-0",
    props: { scope: ACCOUNT, principalId, roleDefinitionId: role("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1") },
  };

  it("passes the platform's Storage Blob Data Reader assignment", async () => {
    expect(await checkStackOutcome(policy, [reader])).toEqual({ findings: [] });
  });

  it("flags Storage Blob Data Contributor on the account and Contributor on its subscription", async () => {
    const { findings } = await checkStackOutcome(policy, [
      reader,
      {
        type: "azure-native:authorization:RoleAssignment",
        name: "ds-contributor",
        props: {
          scope: ACCOUNT,
          principalId,
          roleDefinitionId: role("ba92f5b4-2d11-453d-a403-e96b0029c9fe"),
        },
      },
      {
        type: "azure-native:authorization:RoleAssignment",
        name: "ds-subscription",
        props: { scope: SUB, principalId, roleDefinitionId: role("b24988ac-6180-42a0-ab88-20f7382dd24c") },
      },
      {
        type: "azure-native:authorization:RoleAssignment",
        name: "ds-elsewhere",
        props: {
          scope: `${SUB}/resourceGroups/sandbox`,
          principalId,
          roleDefinitionId: role("b24988ac-6180-42a0-ab88-20f7382dd24c"),
        },
      },
    ]);
    expect(findings.map((finding) => finding.urn?.split("::").pop())).toEqual([
      "ds-contributor",
      "ds-subscription",
    ]);
    expect(findings[0]?.message).toContain(
      "ba92f5b4-2d11-453d-a403-e96b0029c9fe is assigned to data-science reader",
    );
  });
});
