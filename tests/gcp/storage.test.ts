import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

const BUCKET = "gcp:storage/bucket:Bucket";
const BUCKET_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";

let built: BuiltPlatform;

beforeAll(async () => {
  await installGcpMocks();
  built = await buildGcp(
    "data",
    gcpArgs({
      datasets: [{ name: "patients", personalData: true, retentionDays: 30 }, { name: "manuals" }],
      identity: { dataScientists: ["group:ds@example.com"] },
      logging: { auditLockDays: 400 },
    }),
  );
});

describe("GCP buckets", () => {
  it("labels the datasets bucket personal-data=true (it holds a personal dataset), for the pack's lifecycle policy", () => {
    const labels = (name: string) =>
      built.ofType(BUCKET).find((bucket) => bucket.name === name)?.inputs.labels as
        Record<string, string> | undefined;
    expect(labels("data-datasets")?.["personal-data"]).toBe("true");
    for (const other of ["data-artifacts", "data-audit-logs", "data-model-chat"]) {
      expect(labels(other)?.["personal-data"], other).toBeUndefined();
    }
  });

  it("creates the datasets, artifacts, audit-log and per-model buckets, all CMEK-only, private and protected", () => {
    const buckets = built.ofType(BUCKET);
    expect(buckets.map((b) => b.name).sort()).toEqual(
      ["data-artifacts", "data-audit-logs", "data-datasets", "data-model-chat"].sort(),
    );
    for (const bucket of buckets) {
      expect(bucket.inputs).toMatchObject({
        project: "acme-ai-prod",
        location: "europe-west4",
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        forceDestroy: false,
        deletionPolicy: "PREVENT",
        softDeletePolicy: { retentionDurationSeconds: 7 * 86_400 },
        encryption: {
          defaultKmsKeyName: expect.stringMatching(/\/cryptoKeys\/data-/),
          googleManagedEncryptionEnforcementConfig: { restrictionMode: "FullyRestricted" },
          customerSuppliedEncryptionEnforcementConfig: { restrictionMode: "FullyRestricted" },
        },
      });
      // Restricting customer-managed encryption would forbid CMEK itself.
      expect(
        (bucket.inputs.encryption as Record<string, unknown>).customerManagedEncryptionEnforcementConfig,
      ).toBeUndefined();
    }
  });

  it("versions datasets and artifacts, and locks a retention policy on the audit archive only", () => {
    for (const name of ["data-datasets", "data-artifacts", "data-model-chat"]) {
      const bucket = built.named(BUCKET, name);
      expect(bucket.inputs.versioning).toEqual({ enabled: true });
      expect(bucket.inputs.retentionPolicy).toBeUndefined();
    }
    const audit = built.named(BUCKET, "data-audit-logs");
    expect(audit.inputs.retentionPolicy).toEqual({ retentionPeriod: String(400 * 86400), isLocked: true });
  });

  it("deletes personal data, and its old versions, when its retention period ends", () => {
    expect(built.named(BUCKET, "data-datasets").inputs.lifecycleRules).toEqual([
      { action: { type: "Delete" }, condition: { age: 30, matchesPrefixes: ["patients/"] } },
      {
        action: { type: "Delete" },
        condition: { daysSinceNoncurrentTime: 1, matchesPrefixes: ["patients/"] },
      },
    ]);
    expect(built.named(BUCKET, "data-artifacts").inputs.lifecycleRules).toBeUndefined();
  });

  it("gives data scientists read-only access to the datasets bucket and nothing else in storage", () => {
    const scientist = built.ofType(BUCKET_MEMBER).filter((m) => m.inputs.member === "group:ds@example.com");
    expect(scientist.map((m) => [m.inputs.bucket, m.inputs.role])).toEqual([
      [built.outputs.storage.datasets, "roles/storage.objectViewer"],
    ]);
  });

  it("names buckets globally uniquely from platform, purpose and project", () => {
    expect(built.outputs.storage.datasets).toMatch(/^data-datasets-[0-9a-f]{8}$/);
    expect(Object.keys(built.outputs.storage).sort()).toEqual([
      "artifacts",
      "artifacts:chat",
      "audit-logs",
      "datasets",
    ]);
  });
});
