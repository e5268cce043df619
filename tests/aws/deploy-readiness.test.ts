import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiPlatform } from "../../components/platform";
import { SecureAiConfigError } from "../../components/errors";
import {
  ACCOUNT_ID,
  DEPLOYER_ARN,
  REGION,
  allows,
  awsArgs,
  buildAws,
  installAwsMocks,
  parsePolicy,
  principalsOf,
  type BuiltAwsPlatform,
} from "../helpers/aws-mocks";

/*
 * Deploy readiness on AWS: the creation rules AWS documents that the platform depends on, checked on the
 * resources the backend builds. Mocks accept anything; each rule here is one AWS would enforce on `pulumi up`.
 */

const KEY = "aws:kms/key:Key";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

let built: BuiltAwsPlatform;
beforeAll(async () => {
  await installAwsMocks();
  built = await buildAws(
    "ready",
    awsArgs({
      models: [
        { name: "served", artifact: "models/served/model.tar.gz" },
        { name: "pending" },
        { name: "chat", serving: "bedrock" },
      ],
    }),
  );
});

describe("AWS creation rules the platform depends on", () => {
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html (RotationPeriodInDays 90-2560)
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html (PendingWindowInDays 7-30)
  it("creates symmetric keys with a rotation period of 90 to 2560 days and a 7 to 30 day deletion window", () => {
    for (const key of built.ofType(KEY)) {
      expect(key.inputs.customerMasterKeySpec).toBe("SYMMETRIC_DEFAULT");
      expect(Number(key.inputs.rotationPeriodInDays)).toBeGreaterThanOrEqual(90);
      expect(Number(key.inputs.rotationPeriodInDays)).toBeLessThanOrEqual(2560);
      expect(Number(key.inputs.deletionWindowInDays)).toBeGreaterThanOrEqual(7);
      expect(Number(key.inputs.deletionWindowInDays)).toBeLessThanOrEqual(30);
    }
  });

  // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html: a key whose policy names no
  // principal able to call PutKeyPolicy becomes unmanageable; KMS rejects principals that do not exist.
  it("names an administrator besides the deployer on every key, and only roles the stack creates", () => {
    const roleArns = new Set(
      built.ofType("aws:iam/role:Role").map((role) => `arn:aws:iam::${ACCOUNT_ID}:role/${role.name}`),
    );
    for (const key of built.ofType(KEY)) {
      const statements = parsePolicy(key.inputs.policy).Statement;
      const admins = statements.filter((s) => allows(s, "kms:PutKeyPolicy")).flatMap(principalsOf);
      expect(admins).toContain(DEPLOYER_ARN);
      expect(admins).toContain(`arn:aws:iam::${ACCOUNT_ID}:role/ready-key-admin-role`);
      for (const principal of statements.flatMap(principalsOf)) {
        if (principal.includes(":role/") && principal !== DEPLOYER_ARN) expect(roleArns).toContain(principal);
      }
    }
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html: CreateModel validates the
  // model data object, so a model is created only for an uploaded artifact its role may read.
  it("creates a SageMaker model only for an uploaded artifact under the model's own readable prefix", () => {
    const models = built.ofType("aws:sagemaker/model:Model");
    expect(models.map((m) => m.name)).toEqual(["ready-served"]);
    expect(models[0]?.inputs.primaryContainer).toMatchObject({
      modelDataUrl: "s3://ready-artifacts/models/served/model.tar.gz",
    });
    const policy = parsePolicy(built.named(ROLE_POLICY, "ready-model-served-policy").inputs.policy);
    expect(
      policy.Statement.some(
        (s) => allows(s, "s3:GetObject") && JSON.stringify(s.Resource).includes("/models/served/*"),
      ),
    ).toBe(true);
    expect(built.control("SAI-MOD-02").note).toMatch(/no endpoint exists yet for SageMaker models pending/);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createmodel-perms
  it("lets the SageMaker execution role pull its image from ECR and write the endpoint's logs", () => {
    const policy = parsePolicy(built.named(ROLE_POLICY, "ready-model-served-policy").inputs.policy);
    for (const action of [
      "ecr:GetAuthorizationToken",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]) {
      expect(
        policy.Statement.some((s) => s.Effect === "Allow" && allows(s, action)),
        action,
      ).toBe(true);
    }
    const pull = policy.Statement.find((s) => s.Sid === "PullModelImage");
    expect(pull?.Resource).toBe(`arn:aws:ecr:${REGION}:763104351884:repository/pytorch-inference`);
  });

  // Uploading with SSE-KMS needs kms:GenerateDataKey on the key (and kms:Decrypt for multipart uploads):
  // https://docs.aws.amazon.com/kms/latest/developerguide/services-s3.html
  it("has a writer that may encrypt artifacts and datasets with their keys through S3, and never read", () => {
    const policy = parsePolicy(built.named(ROLE_POLICY, "ready-publisher-policy").inputs.policy);
    expect(policy.Statement.some((s) => allows(s, "s3:PutObject"))).toBe(true);
    expect(policy.Statement.some((s) => allows(s, "s3:GetObject"))).toBe(false);
    for (const keyName of ["ready-artifacts-key", "ready-datasets-key", "ready-model-served-key"]) {
      const statements = parsePolicy(built.named(KEY, keyName).inputs.policy).Statement;
      const writers = statements.filter((s) => allows(s, "kms:GenerateDataKey")).flatMap(principalsOf);
      expect(writers, keyName).toContain(`arn:aws:iam::${ACCOUNT_ID}:role/ready-publisher-role`);
    }
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html (Image: ECR)
  it("rejects a SageMaker image outside ECR and an artifact outside the model's prefix before any resource", () => {
    const bad = (models: Record<string, unknown>[]) => () =>
      new SecureAiPlatform("ready-bad", awsArgs({ models: models as never }));
    expect(bad([{ name: "m", baseModel: "docker.io/library/python:3" }])).toThrow(SecureAiConfigError);
    expect(bad([{ name: "m", artifact: "models/other/model.tar.gz" }])).toThrow(/models\[0\]\.artifact/);
    expect(bad([{ name: "m", serving: "bedrock", artifact: "models/m/x" }])).toThrow(/only SageMaker models/);
  });
});
