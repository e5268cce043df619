/**
 * The AWS identity policies that observe SAI-IAM-01 and SAI-IAM-03: scoped role permissions, OIDC trust
 * pinned to a subject, no active access keys. Inputs use @pulumi/aws 7.48 property names.
 */
import { describe, expect, it } from "vitest";
import { awsIamAccesskeyDisallowActiveKeys } from "../../policy-packs/secure-ai/policies/aws/iam-accesskey-disallow-active-keys";
import { awsIamRoleRequireOidcSubject } from "../../policy-packs/secure-ai/policies/aws/iam-role-require-oidc-subject";
import { awsIamRolepolicyDisallowWildcardActions } from "../../policy-packs/secure-ai/policies/aws/iam-rolepolicy-disallow-wildcard-actions";
import { describePolicyCase } from "./gcp/case-runner";
import { UNKNOWN, runResourcePolicy } from "./gcp/harness";
import { describeResourcePasses } from "./passes";

const ROLE = "aws:iam/role:Role";
const GITHUB = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";

const document = (...Statement: Record<string, unknown>[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement });
const federated = (condition: Record<string, unknown> | undefined, principal = GITHUB) =>
  document({
    Effect: "Allow",
    Principal: { Federated: principal },
    Action: "sts:AssumeRoleWithWebIdentity",
    ...(condition === undefined ? {} : { Condition: condition }),
  });
const pinned = federated({
  StringEquals: {
    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    "token.actions.githubusercontent.com:sub": "repo:octo-org/models:environment:prod",
  },
});
const serviceTrust = document({
  Effect: "Allow",
  Principal: { Service: "sagemaker.amazonaws.com" },
  Action: "sts:AssumeRole",
  Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
});

describe("AWS identity policies", () => {
  describePolicyCase({
    policy: awsIamRoleRequireOidcSubject,
    type: ROLE,
    baseline: { assumeRolePolicy: pinned, maxSessionDuration: 3600 },
    negatives: [
      [
        "assumeRolePolicy",
        federated({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }),
      ],
      ["assumeRolePolicy", federated({ StringLike: { "token.actions.githubusercontent.com:sub": "*" } })],
      [
        "assumeRolePolicy",
        federated({ StringNotEquals: { "token.actions.githubusercontent.com:sub": "repo:x/y:*" } }),
      ],
      ["assumeRolePolicy", federated(undefined)],
      ["assumeRolePolicy", federated(undefined, "cognito-identity.amazonaws.com")],
    ],
    passes: [
      ["assumeRolePolicy", serviceTrust],
      [
        "assumeRolePolicy",
        federated({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:octo-org/models:*" } }),
      ],
      [
        "assumeRolePolicy",
        federated(
          { StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:pool" } },
          "cognito-identity.amazonaws.com",
        ),
      ],
    ],
  });

  describePolicyCase({
    policy: awsIamRolepolicyDisallowWildcardActions,
    type: "aws:iam/rolePolicy:RolePolicy",
    alsoTypes: ["aws:iam/policy:Policy"],
    baseline: {
      role: "model-role",
      policy: document({
        Effect: "Allow",
        Action: ["s3:GetObject", "kms:Decrypt"],
        Resource: "arn:aws:s3:::a/*",
      }),
    },
    negatives: [
      ["policy", document({ Effect: "Allow", Action: "*", Resource: "*" })],
      [
        "policy",
        document({ Effect: "Allow", Action: ["s3:GetObject", "s3:*"], Resource: "arn:aws:s3:::a/*" }),
      ],
      ["policy", document({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })],
    ],
    passes: [
      ["policy", document({ Effect: "Deny", Action: "*", Resource: "*" })],
      ["policy", document({ Effect: "Allow", Action: "bedrock:Converse*", Resource: "*" })],
    ],
  });

  describePolicyCase({
    policy: awsIamAccesskeyDisallowActiveKeys,
    type: "aws:iam/accessKey:AccessKey",
    baseline: { user: "legacy-integration", status: "Inactive" },
    negatives: [
      ["status", "Active"],
      ["status", undefined],
    ],
  });
});

describe("aws-iam-rolepolicy-disallow-wildcard-actions on roles and attachments", () => {
  const policy = awsIamRolepolicyDisallowWildcardActions;
  it("reads role inline policies and managed policy ARNs", async () => {
    const result = await runResourcePolicy(policy, {
      type: ROLE,
      props: {
        assumeRolePolicy: serviceTrust,
        inlinePolicies: [
          { name: "ok", policy: document({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) },
          { name: "wide", policy: document({ Effect: "Allow", Action: "sagemaker:*", Resource: "*" }) },
        ],
        managedPolicyArns: [
          "arn:aws:iam::aws:policy/AmazonS3FullAccess",
          "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        ],
      },
    });
    expect(result.violations).toEqual([
      expect.stringContaining("inlinePolicies[1].policy statement 0 allows sagemaker:*"),
      expect.stringContaining("AmazonS3FullAccess"),
    ]);
  });

  it("reports an administrator attachment and honours widePolicies", async () => {
    const attach = (policyArn: string, config = {}) =>
      runResourcePolicy(
        policy,
        { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", props: { role: "r", policyArn } },
        config,
      );
    expect((await attach("arn:aws:iam::aws:policy/AdministratorAccess")).violations).toHaveLength(1);
    expect(
      (await attach("arn:aws:iam::aws:policy/service-role/AmazonSageMakerFullAccess")).violations,
    ).toHaveLength(1);
    expect((await attach("arn:aws:iam::111122223333:policy/AdministratorAccess")).violations).toEqual([]);
    expect(
      (await attach("arn:aws:iam::aws:policy/ReadOnlyAccess", { widePolicies: ["ReadOnlyAccess"] }))
        .violations,
    ).toHaveLength(1);
  });

  it("an absent policy document still violates nothing it cannot see, and is not a crash", async () => {
    const result = await runResourcePolicy(policy, {
      type: "aws:iam/rolePolicy:RolePolicy",
      props: { role: "r" },
    });
    expect(result.violations).toEqual([]);
  });
});

describe("AWS identity policies in preview and update", () => {
  describeResourcePasses(
    awsIamRoleRequireOidcSubject,
    ROLE,
    { assumeRolePolicy: pinned },
    "assumeRolePolicy",
  );
  describeResourcePasses(
    awsIamRolepolicyDisallowWildcardActions,
    "aws:iam/rolePolicy:RolePolicy",
    { role: "r", policy: document({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) },
    "policy",
  );
  describeResourcePasses(
    awsIamAccesskeyDisallowActiveKeys,
    "aws:iam/accessKey:AccessKey",
    { user: "u", status: "Inactive" },
    "status",
  );

  it("an access key with no status is a violation at preview even when the user is unknown", async () => {
    const result = await runResourcePolicy(awsIamAccesskeyDisallowActiveKeys, {
      type: "aws:iam/accessKey:AccessKey",
      props: { user: UNKNOWN },
    });
    expect(result.violations).toEqual([expect.stringContaining("long-lived credential")]);
  });

  it("an OIDC trust without a subject is a mandatory violation at preview even when other inputs are unknown", async () => {
    const result = await runResourcePolicy(awsIamRoleRequireOidcSubject, {
      type: ROLE,
      props: { assumeRolePolicy: federated(undefined), name: UNKNOWN },
    });
    expect(awsIamRoleRequireOidcSubject.enforcementLevel).toBe("mandatory");
    expect(result.violations).toEqual([expect.stringContaining("token.actions.githubusercontent.com:sub")]);
  });
});
