/**
 * Nothing lost, GCP: every stateful resource the backend creates (key ring, crypto keys, Cloud Storage
 * buckets, the locked audit log bucket, the BigQuery dataset of model request-response logs) and its
 * protection, as the controls catalog promises (SAI-ENC-07, SAI-RES-01).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Inventory, NOTHING_LOST_WORKLOADS, inventoryOf } from "./support/inventory";

const KEY_RING = "gcp:kms/keyRing:KeyRing";
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const BUCKET = "gcp:storage/bucket:Bucket";
const LOG_BUCKET = "gcp:logging/projectBucketConfig:ProjectBucketConfig";
const DATASET = "gcp:bigquery/dataset:Dataset";
/** Types that hold data or key material; any of them in a build must be covered below. */
const STATEFUL =
  /^gcp:(kms\/(keyRing|cryptoKey):|storage\/bucket:|logging\/(project)?BucketConfig|bigquery\/dataset:|vertex\/ai(Dataset|FeatureStore|Index|Tensorboard|MetadataStore):|sql\/|spanner\/|firestore\/)/;

let platform: Inventory;

beforeAll(async () => {
  platform = await inventoryOf("nl", {
    cloud: "gcp",
    gcp: { project: "nothing-lost", region: "europe-west4" },
    ...NOTHING_LOST_WORKLOADS,
  });
}, 300_000);

const stateful = () => platform.resources.filter((resource) => STATEFUL.test(resource.type));
const bucket = (name: string) => platform.ofType(BUCKET).find((candidate) => candidate.name === name);
const dataBuckets = () => platform.ofType(BUCKET).filter((bucket) => bucket.name !== "nl-audit-logs");

describe("GCP nothing lost", () => {
  it("lists every stateful resource: key ring, keys, buckets, the audit log bucket and the inference-log dataset", () => {
    const covered = new Set([KEY_RING, KEY, BUCKET, LOG_BUCKET, DATASET]);
    expect(stateful().filter((resource) => !covered.has(resource.type))).toEqual([]);
    expect(platform.ofType(KEY_RING)).toHaveLength(1);
    expect(platform.ofType(KEY).map((key) => key.name)).toEqual(
      expect.arrayContaining(["nl-artifacts", "nl-datasets", "nl-logs", "nl-model-chat"]),
    );
    expect(platform.ofType(BUCKET).map((bucket) => bucket.name)).toEqual(
      expect.arrayContaining(["nl-artifacts", "nl-audit-logs", "nl-datasets"]),
    );
    expect(platform.ofType(LOG_BUCKET)).toHaveLength(1);
    expect(platform.ofType(DATASET).map((dataset) => dataset.name)).toEqual(["nl-inference-logs"]);
  });

  it("key ring and keys are kept on destroy; keys refuse deletion and keep destroyed versions for a window", () => {
    expect(platform.ofType(KEY_RING)[0]?.options.retainOnDelete).toBe(true);
    for (const key of platform.ofType(KEY)) {
      expect(key.options.retainOnDelete, key.name).toBe(true);
      expect(key.inputs.deletionPolicy, key.name).toBe("PREVENT");
      expect(key.inputs.destroyScheduledDuration, key.name).toMatch(/^\d+s$/);
      expect(
        Number.parseInt(String(key.inputs.destroyScheduledDuration), 10),
        key.name,
      ).toBeGreaterThanOrEqual(30 * 86_400);
    }
  });

  it("data buckets: deletion prevented, never force-destroyed, versioning on", () => {
    for (const bucket of dataBuckets()) {
      expect(bucket.inputs, bucket.name).toMatchObject({
        deletionPolicy: "PREVENT",
        forceDestroy: false,
        versioning: { enabled: true },
      });
    }
  });

  it("audit-log bucket: a locked retention policy of logging.auditLockDays (GCS allows no versioning beside it)", () => {
    expect(bucket("nl-audit-logs")?.inputs).toMatchObject({
      deletionPolicy: "PREVENT",
      forceDestroy: false,
      retentionPolicy: { isLocked: true, retentionPeriod: String(500 * 86_400) },
    });
  });

  it("the audit log bucket of Cloud Logging is locked for logging.retentionDays", () => {
    expect(platform.ofType(LOG_BUCKET)[0]?.inputs).toMatchObject({ locked: true, retentionDays: 400 });
  });

  it("personal data expires: the dataset bucket deletes objects and old versions under its prefix", () => {
    const rules = bucket("nl-datasets")?.inputs.lifecycleRules as {
      condition: Record<string, unknown>;
    }[];
    expect(rules.map((rule) => rule.condition)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ age: 30, matchesPrefixes: ["people/"] }),
        expect.objectContaining({ daysSinceNoncurrentTime: 1, matchesPrefixes: ["people/"] }),
      ]),
    );
  });

  it("buckets carry Pulumi protect or retainOnDelete (SAI-RES-01)", () => {
    for (const bucket of platform.ofType(BUCKET)) {
      expect(bucket.options.protect || bucket.options.retainOnDelete, bucket.name).toBe(true);
    }
  });

  it("the locked Cloud Logging bucket is kept on destroy (it cannot be deleted while locked)", () => {
    expect(platform.ofType(LOG_BUCKET)[0]?.options.retainOnDelete).toBe(true);
  });

  it("buckets set a soft-delete policy (SAI-RES-01)", () => {
    for (const bucket of platform.ofType(BUCKET)) {
      expect(bucket.inputs.softDeletePolicy, bucket.name).toBeDefined();
    }
  });

  it("soft delete keeps deleted objects restorable for 7 days, the locked audit archive included", () => {
    for (const bucket of platform.ofType(BUCKET)) {
      expect(bucket.inputs.softDeletePolicy, bucket.name).toEqual({ retentionDurationSeconds: 7 * 86_400 });
    }
    expect(bucket("nl-audit-logs")?.inputs.retentionPolicy).toMatchObject({ isLocked: true });
  });

  it("the inference-log dataset is kept on destroy, refuses deletion and never drops its tables with it", () => {
    const [dataset] = platform.ofType(DATASET);
    expect(dataset?.options.retainOnDelete).toBe(true);
    expect(dataset?.inputs).toMatchObject({
      deletionPolicy: "PREVENT",
      deleteContentsOnDestroy: false,
      maxTimeTravelHours: "168",
    });
  });

  it("inference-log partitions expire at logging.retentionDays; no default expiry deletes whole tables", () => {
    const [dataset] = platform.ofType(DATASET);
    expect(dataset?.inputs.defaultPartitionExpirationMs).toBe(400 * 86_400_000);
    expect(dataset?.inputs).not.toHaveProperty("defaultTableExpirationMs");
  });
});
