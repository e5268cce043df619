/**
 * Nothing lost, AWS: every stateful resource the backend creates (KMS keys, S3 buckets, CloudWatch log
 * groups) and the protection it carries against deletion and overwrite, as the controls catalog promises
 * (SAI-ENC-07, SAI-RES-01).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RecordedResource } from "../../preflight/model";
import { type Inventory, NOTHING_LOST_WORKLOADS, inventoryOf } from "./support/inventory";

const KEY = "aws:kms/key:Key";
const BUCKET = "aws:s3/bucket:Bucket";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
/** Types that hold data or key material; any of them in a build must be covered below. */
const STATEFUL =
  /^aws:(kms\/key|s3\/bucket|cloudwatch\/logGroup|dynamodb|rds|efs|ebs|sagemaker\/notebookInstance|sagemaker\/domain|kinesis|sqs)[:/]/;

let platform: Inventory;

beforeAll(async () => {
  platform = await inventoryOf("nl", {
    cloud: "aws",
    aws: { region: "eu-west-1" },
    ...NOTHING_LOST_WORKLOADS,
  });
}, 300_000);

const stateful = () => platform.resources.filter((resource) => STATEFUL.test(resource.type));
const bucketNamed = (suffix: string) => platform.named(`nl-${suffix}`);
const companion = (bucket: RecordedResource, type: string) => platform.named(`${bucket.name}-${type}`);

describe("AWS nothing lost", () => {
  it("lists every stateful resource: one key per data class and model, three buckets, two log groups", () => {
    expect(
      stateful()
        .map((resource) => `${resource.type} ${resource.name}`)
        .sort(),
    ).toEqual(
      [
        `${BUCKET} nl-artifacts`,
        `${BUCKET} nl-audit-logs`,
        `${BUCKET} nl-datasets`,
        `${LOG_GROUP} nl-cloudtrail-logs`,
        `${LOG_GROUP} nl-vpc-flow-logs`,
        ...platform.ofType(KEY).map((key) => `${KEY} ${key.name}`),
      ].sort(),
    );
    expect(
      platform
        .ofType(KEY)
        .map((key) => key.name)
        .sort(),
    ).toEqual(
      expect.arrayContaining(["nl-artifacts-key", "nl-datasets-key", "nl-logs-key", "nl-model-chat-key"]),
    );
  });

  it("keys: the longest deletion window (30 days) and automatic rotation", () => {
    for (const key of platform.ofType(KEY)) {
      expect(key.inputs, key.name).toMatchObject({ deletionWindowInDays: 30, enableKeyRotation: true });
      expect(key.inputs.bypassPolicyLockoutSafetyCheck, key.name).not.toBe(true);
    }
  });

  it("buckets: never force-destroyed, versioning enabled on each", () => {
    for (const bucket of platform.ofType(BUCKET)) {
      expect(bucket.inputs.forceDestroy, bucket.name).toBe(false);
      expect(companion(bucket, "versioning").inputs.versioningConfiguration, bucket.name).toEqual({
        status: "Enabled",
      });
      expect(companion(bucket, "versioning").propertyDependencies.bucket).toEqual([bucket.urn]);
    }
  });

  it("audit-log bucket: object lock in COMPLIANCE mode for logging.auditLockDays", () => {
    const audit = bucketNamed("audit-logs");
    expect(audit.inputs.objectLockEnabled).toBe(true);
    expect(companion(audit, "object-lock").inputs.rule).toEqual({
      defaultRetention: { days: 500, mode: "COMPLIANCE" },
    });
  });

  it("dataset and artifact buckets have no object lock, so personal data can still be erased", () => {
    expect(bucketNamed("datasets").inputs.objectLockEnabled).toBe(false);
    expect(bucketNamed("artifacts").inputs.objectLockEnabled).toBe(false);
  });

  it("log groups keep entries at least logging.retentionDays", () => {
    for (const group of platform.ofType(LOG_GROUP)) {
      expect(group.inputs.retentionInDays as number, group.name).toBeGreaterThanOrEqual(400);
    }
  });

  it("keys carry Pulumi protect or retainOnDelete (SAI-ENC-07)", () => {
    for (const key of platform.ofType(KEY)) {
      expect(key.options.protect || key.options.retainOnDelete, key.name).toBe(true);
    }
  });

  it("buckets carry Pulumi protect or retainOnDelete (SAI-RES-01)", () => {
    for (const bucket of platform.ofType(BUCKET)) {
      expect(bucket.options.protect || bucket.options.retainOnDelete, bucket.name).toBe(true);
    }
  });

  it("the settings that guard a kept bucket's data are kept with it (versioning, access block, lifecycle)", () => {
    for (const bucket of platform.ofType(BUCKET)) {
      for (const setting of ["versioning", "public-access-block", "lifecycle", "encryption", "policy"]) {
        expect(companion(bucket, setting).options.retainOnDelete, `${bucket.name} ${setting}`).toBe(true);
      }
    }
    expect(companion(bucketNamed("audit-logs"), "object-lock").options.retainOnDelete).toBe(true);
  });

  it("log groups set deletionProtectionEnabled (SAI-RES-01)", () => {
    for (const group of platform.ofType(LOG_GROUP)) {
      expect(group.inputs.deletionProtectionEnabled, group.name).toBe(true);
    }
  });
});
