import { describe, expect, it } from "vitest";
import {
  GLOBAL_SERVICE_ACTIONS,
  guardrailStatements,
  KEY_PROTECTION_ACTIONS,
  packScpDocuments,
  SCP_MAX_CHARACTERS,
  SECURITY_SERVICE_ACTIONS,
} from "../../components/guardrails/aws-scp-documents";
import { SAGEMAKER_CONDITION_KEYS } from "../../components/guardrails/known-ids";
import type { ResolvedAwsGuardrails } from "../../components/guardrails/resolved";
import { SecureAiConfigError } from "../../components/errors";
import { denyingStatements, namedActions, type ScpRequest } from "./scp-evaluator";

const BREAK_GLASS = "arn:aws:iam::*:role/BreakGlass";
const DEPLOYER = "arn:aws:iam::111122223333:role/platform-deployer";
const BREAK_GLASS_SESSION_ROLE = "arn:aws:iam::111122223333:role/BreakGlass";

function spec(overrides: Partial<ResolvedAwsGuardrails> = {}): ResolvedAwsGuardrails {
  return {
    targetIds: ["ou-ab12-cd34ef56"],
    breakGlassRoleArns: [BREAK_GLASS],
    denyKeyDeletion: true,
    environmentAccounts: [],
    ...overrides,
  };
}

const documents = packScpDocuments(
  guardrailStatements(spec({ allowedRegions: ["eu-west-1", "eu-central-1"] })),
);
const contents = documents.map((d) => d.content);
const denied = (request: ScpRequest) => denyingStatements(contents, request);
const asDeployer = (action: string, context?: ScpRequest["context"]): ScpRequest => ({
  action,
  principalArn: DEPLOYER,
  context: { "aws:RequestedRegion": "eu-west-1", ...context },
});

describe("the SCP documents", () => {
  it("parse as JSON, deny only, and stay within the SCP size limit as AWS counts it", () => {
    expect(documents.length).toBeGreaterThan(0);
    for (const content of contents) {
      const parsed = JSON.parse(content) as {
        Version: string;
        Statement: { Effect: string; Resource: string }[];
      };
      expect(parsed.Version).toBe("2012-10-17");
      expect(parsed.Statement.every((s) => s.Effect === "Deny" && s.Resource === "*")).toBe(true);
      expect(JSON.stringify(parsed)).toBe(content); // sent minified
      expect(Buffer.byteLength(content, "utf8")).toBeLessThanOrEqual(SCP_MAX_CHARACTERS);
    }
  });

  it("hold every statement exactly once, with unique Sids", () => {
    const sids = documents.flatMap((d) => d.sids);
    expect(new Set(sids).size).toBe(sids.length);
    expect(sids).toEqual([
      "ProtectCloudTrail",
      "ProtectGuardDuty",
      "ProtectSecurityHub",
      "ProtectConfig",
      "ProtectKmsKeys",
      "SageMakerRequireVpcOrIsolation",
      "SageMakerNotebookRequireVpc",
      "SageMakerNotebookNoInternet",
      "SageMakerNotebookNoRoot",
      "SageMakerDomainVpcOnly",
      "SageMakerRequireVolumeKey",
      "SageMakerRequireOutputKey",
      "S3DenyNonKmsUploads",
      "DenyLeaveOrganization",
      "DenyOtherRegions",
    ]);
  });

  it("name exactly the intended actions", () => {
    expect(namedActions(contents).sort()).toEqual(
      [
        ...Object.values(SECURITY_SERVICE_ACTIONS).flat(),
        ...KEY_PROTECTION_ACTIONS,
        "sagemaker:CreateHyperParameterTuningJob",
        "sagemaker:CreateModel",
        "sagemaker:CreateProcessingJob",
        "sagemaker:CreateTrainingJob",
        "sagemaker:CreateNotebookInstance",
        "sagemaker:CreateNotebookInstance",
        "sagemaker:CreateNotebookInstance",
        "sagemaker:CreateDomain",
        "sagemaker:CreateDomain",
        "sagemaker:CreateNotebookInstance",
        "sagemaker:CreateHyperParameterTuningJob",
        "sagemaker:CreateProcessingJob",
        "sagemaker:CreateTrainingJob",
        "s3:PutObject",
        "organizations:LeaveOrganization",
      ].sort(),
    );
  });

  it("use each SageMaker condition key only with actions that offer it", () => {
    for (const content of contents) {
      for (const statement of (
        JSON.parse(content) as { Statement: { Action?: string[]; Condition?: object }[] }
      ).Statement) {
        for (const keys of Object.values(statement.Condition ?? {}) as Record<string, unknown>[]) {
          for (const key of Object.keys(keys).filter((k) => k.startsWith("sagemaker:"))) {
            const offering = SAGEMAKER_CONDITION_KEYS[key];
            expect(offering, key).toBeDefined();
            for (const action of statement.Action ?? []) {
              expect(offering, `${action} with ${key}`).toContain(action.replace("sagemaker:", ""));
            }
          }
        }
      }
    }
  });
});

describe("what the SCPs deny", () => {
  it("stopping or deleting CloudTrail, GuardDuty, Security Hub and Config, except to the break-glass role", () => {
    for (const action of [
      "cloudtrail:StopLogging",
      "guardduty:DeleteDetector",
      "securityhub:DisableSecurityHub",
      "config:StopConfigurationRecorder",
    ]) {
      expect(denied(asDeployer(action)), action).toHaveLength(1);
      expect(denied({ ...asDeployer(action), principalArn: BREAK_GLASS_SESSION_ROLE }), action).toEqual([]);
    }
    // Creating the services stays allowed: the platform turns them on.
    expect(denied(asDeployer("cloudtrail:CreateTrail"))).toEqual([]);
    expect(denied(asDeployer("guardduty:CreateDetector"))).toEqual([]);
  });

  it("deleting or disabling KMS keys, except to the break-glass role; using keys stays allowed", () => {
    expect(denied(asDeployer("kms:ScheduleKeyDeletion"))).toEqual(["ProtectKmsKeys"]);
    expect(denied(asDeployer("kms:DisableKey"))).toEqual(["ProtectKmsKeys"]);
    expect(
      denied({ ...asDeployer("kms:ScheduleKeyDeletion"), principalArn: BREAK_GLASS_SESSION_ROLE }),
    ).toEqual([]);
    expect(denied(asDeployer("kms:Decrypt"))).toEqual([]);
    expect(denied(asDeployer("kms:CreateKey"))).toEqual([]);
    expect(denied(asDeployer("kms:EnableKeyRotation"))).toEqual([]);
  });

  it("SageMaker models and training jobs outside a VPC unless network-isolated", () => {
    const outputKey = { "sagemaker:OutputKmsKey": "arn:aws:kms:eu-west-1:111122223333:key/k" };
    expect(denied(asDeployer("sagemaker:CreateModel"))).toEqual(["SageMakerRequireVpcOrIsolation"]);
    expect(denied(asDeployer("sagemaker:CreateModel", { "sagemaker:VpcSubnets": "subnet-1" }))).toEqual([]);
    expect(denied(asDeployer("sagemaker:CreateModel", { "sagemaker:NetworkIsolation": true }))).toEqual([]);
    expect(denied(asDeployer("sagemaker:CreateModel", { "sagemaker:NetworkIsolation": false }))).toEqual([
      "SageMakerRequireVpcOrIsolation",
    ]);
    expect(denied(asDeployer("sagemaker:CreateTrainingJob", { "sagemaker:VpcSubnets": "subnet-1" }))).toEqual(
      ["SageMakerRequireOutputKey"],
    );
    expect(
      denied(asDeployer("sagemaker:CreateTrainingJob", { "sagemaker:VpcSubnets": "subnet-1", ...outputKey })),
    ).toEqual([]);
  });

  it("notebooks without VPC, with direct internet or root access, or without a volume key", () => {
    const compliant = {
      "sagemaker:VpcSubnets": "subnet-1",
      "sagemaker:DirectInternetAccess": "Disabled",
      "sagemaker:RootAccess": "Disabled",
      "sagemaker:VolumeKmsKey": "arn:aws:kms:eu-west-1:111122223333:key/k",
    };
    expect(denied(asDeployer("sagemaker:CreateNotebookInstance", compliant))).toEqual([]);
    expect(denied(asDeployer("sagemaker:CreateNotebookInstance")).sort()).toEqual([
      "SageMakerNotebookNoInternet",
      "SageMakerNotebookNoRoot",
      "SageMakerNotebookRequireVpc",
      "SageMakerRequireVolumeKey",
    ]);
    expect(
      denied(
        asDeployer("sagemaker:CreateNotebookInstance", {
          ...compliant,
          "sagemaker:DirectInternetAccess": "Enabled",
        }),
      ),
    ).toEqual(["SageMakerNotebookNoInternet"]);
  });

  it("Studio domains that are not VPC-only", () => {
    const key = { "sagemaker:VolumeKmsKey": "arn:aws:kms:eu-west-1:111122223333:key/k" };
    expect(denied(asDeployer("sagemaker:CreateDomain", key))).toEqual(["SageMakerDomainVpcOnly"]);
    expect(
      denied(
        asDeployer("sagemaker:CreateDomain", {
          ...key,
          "sagemaker:AppNetworkAccessType": "PublicInternetOnly",
        }),
      ),
    ).toEqual(["SageMakerDomainVpcOnly"]);
    expect(
      denied(asDeployer("sagemaker:CreateDomain", { ...key, "sagemaker:AppNetworkAccessType": "VpcOnly" })),
    ).toEqual([]);
  });

  it("S3 uploads that ask for non-KMS encryption, not uploads that rely on the bucket default", () => {
    const header = "s3:x-amz-server-side-encryption";
    expect(denied(asDeployer("s3:PutObject", { [header]: "AES256" }))).toEqual(["S3DenyNonKmsUploads"]);
    expect(denied(asDeployer("s3:PutObject", { [header]: "aws:kms" }))).toEqual([]);
    expect(denied(asDeployer("s3:PutObject", { [header]: "aws:kms:dsse" }))).toEqual([]);
    expect(denied(asDeployer("s3:PutObject"))).toEqual([]);
    expect(denied(asDeployer("s3:GetObject", { [header]: "AES256" }))).toEqual([]);
  });

  it("leaving the organization, to everyone", () => {
    expect(denied(asDeployer("organizations:LeaveOrganization"))).toEqual(["DenyLeaveOrganization"]);
    expect(
      denied({ ...asDeployer("organizations:LeaveOrganization"), principalArn: BREAK_GLASS_SESSION_ROLE }),
    ).toEqual(["DenyLeaveOrganization"]);
  });

  it("regional calls outside the allow-list, but not global services", () => {
    const inUsEast1 = { "aws:RequestedRegion": "us-east-1" };
    expect(denied(asDeployer("s3:CreateBucket", inUsEast1))).toEqual(["DenyOtherRegions"]);
    expect(denied(asDeployer("sagemaker:ListModels", { "aws:RequestedRegion": "ap-south-1" }))).toEqual([
      "DenyOtherRegions",
    ]);
    expect(denied(asDeployer("s3:CreateBucket", { "aws:RequestedRegion": "eu-central-1" }))).toEqual([]);
    for (const global of [
      "iam:CreateRole",
      "sts:AssumeRole",
      "organizations:DescribeOrganization",
      "cloudfront:CreateDistribution",
      "route53:ChangeResourceRecordSets",
    ]) {
      expect(denied(asDeployer(global, inUsEast1)), global).toEqual([]);
    }
    expect(GLOBAL_SERVICE_ACTIONS.every((action) => action.endsWith(":*"))).toBe(true);
  });
});

describe("options and limits", () => {
  it("leave out key protection and the region statement when they are off", () => {
    const sids = packScpDocuments(
      guardrailStatements(spec({ denyKeyDeletion: false, breakGlassRoleArns: [] })),
    ).flatMap((d) => d.sids);
    expect(sids).not.toContain("ProtectKmsKeys");
    expect(sids).not.toContain("DenyOtherRegions");
    const contentsWithoutKeys = packScpDocuments(
      guardrailStatements(spec({ denyKeyDeletion: false, breakGlassRoleArns: [] })),
    ).map((d) => d.content);
    expect(denyingStatements(contentsWithoutKeys, asDeployer("kms:ScheduleKeyDeletion"))).toEqual([]);
    // With no break-glass role, nobody is exempt from the security-service statements.
    expect(
      denyingStatements(contentsWithoutKeys, {
        ...asDeployer("cloudtrail:StopLogging"),
        principalArn: BREAK_GLASS_SESSION_ROLE,
      }),
    ).toEqual(["ProtectCloudTrail"]);
  });

  it("split into more documents as exception lists grow, each within the limit", () => {
    const roles = Array.from(
      { length: 20 },
      (_, i) => `arn:aws:iam::${String(100000000000 + i)}:role/security/BreakGlass`,
    );
    const packed = packScpDocuments(guardrailStatements(spec({ breakGlassRoleArns: roles })));
    expect(packed.length).toBeGreaterThan(documents.length);
    for (const document of packed) expect(document.content.length).toBeLessThanOrEqual(SCP_MAX_CHARACTERS);
    expect(packed.map((d) => d.suffix)).toEqual(packed.map((_, i) => `guardrails-${i + 1}`));
  });

  it("refuse exception lists that no longer fit the SCPs a target can take", () => {
    const roles = Array.from(
      { length: 120 },
      (_, i) => `arn:aws:iam::${String(100000000000 + i)}:role/security/BreakGlass`,
    );
    expect(() => packScpDocuments(guardrailStatements(spec({ breakGlassRoleArns: roles })))).toThrow(
      SecureAiConfigError,
    );
  });
});
