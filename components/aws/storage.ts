import type * as pulumi from "@pulumi/pulumi";
import * as s3 from "@pulumi/aws/s3";
import { type AwsContext, retainedOpts } from "./context";
import { AWS_DEFAULTS } from "./defaults";
import type { PlatformKey } from "./keys";
import { childName } from "./naming";
import { type Statement, bucketTransportStatements, policyDocument, policyJson } from "./policy-documents";

/** The data classes stored in their own bucket. */
export type DataClass = "datasets" | "artifacts" | "audit-logs";

/** A bucket and the resources that harden it. */
export interface PlatformBucket {
  bucket: s3.Bucket;
  encryption: s3.BucketServerSideEncryptionConfiguration;
  publicAccessBlock: s3.BucketPublicAccessBlock;
  ownership: s3.BucketOwnershipControls;
  versioning: s3.BucketVersioning;
  lifecycle: s3.BucketLifecycleConfiguration;
  /** Set once `attachBucketPolicy` ran. */
  policy?: s3.BucketPolicy;
  objectLock?: s3.BucketObjectLockConfiguration;
}

/** The platform's buckets. */
export interface AwsStorage {
  datasets: PlatformBucket;
  artifacts: PlatformBucket;
  auditLogs: PlatformBucket;
}

function lifecycleRules(ctx: AwsContext, dataClass: DataClass): s3.BucketLifecycleConfigurationArgs["rules"] {
  const common = {
    id: "abort-incomplete-uploads",
    status: "Enabled",
    filter: { prefix: "" },
    abortIncompleteMultipartUpload: { daysAfterInitiation: AWS_DEFAULTS.abortMultipartDays },
  };
  if (dataClass === "audit-logs") return [common];
  const retention =
    dataClass === "datasets"
      ? ctx.spec.datasets
          .filter((d) => d.retentionDays !== undefined)
          .map((d) => ({
            id: `expire-${d.name}`,
            status: "Enabled",
            filter: { prefix: `${d.name}/` },
            expiration: { days: d.retentionDays },
            // Versioning would otherwise keep the erased data as noncurrent versions.
            noncurrentVersionExpiration: {
              noncurrentDays: d.personalData
                ? AWS_DEFAULTS.personalDataNoncurrentDays
                : AWS_DEFAULTS.noncurrentVersionDays,
            },
          }))
      : [];
  const others = {
    id: "expire-noncurrent-versions",
    status: "Enabled",
    filter: { prefix: "" },
    noncurrentVersionExpiration: { noncurrentDays: AWS_DEFAULTS.noncurrentVersionDays },
    expiration: { expiredObjectDeleteMarker: true },
  };
  return [common, ...retention, others];
}

/** Tag that marks a store holding personal data; the pack's lifecycle policy (SAI-GOV-01) then checks it. */
export const PERSONAL_DATA_TAG = { "personal-data": "true" } as const;

/** The personal-data tag for the datasets bucket when any dataset holds personal data. */
function personalDataTag(ctx: AwsContext, dataClass: DataClass): Partial<typeof PERSONAL_DATA_TAG> {
  return dataClass === "datasets" && ctx.spec.datasets.some((d) => d.personalData) ? PERSONAL_DATA_TAG : {};
}

function createBucket(ctx: AwsContext, dataClass: DataClass, key: PlatformKey): PlatformBucket {
  const { name, region, tags } = ctx;
  const auditLogs = dataClass === "audit-logs";
  const bucket = new s3.Bucket(
    childName(name, dataClass),
    {
      // Never delete a bucket that still holds objects (nothing lost); object lock is only possible at creation.
      forceDestroy: false,
      objectLockEnabled: auditLogs,
      region,
      tags: { ...tags, "data-class": dataClass, ...personalDataTag(ctx, dataClass) },
    },
    retainedOpts(ctx),
  );
  // The settings that guard the bucket's data are retained with it: deleting them would suspend versioning,
  // drop the public access block and stop the lifecycle rules that expire personal data on a kept bucket.
  const opts = retainedOpts(ctx);
  const encryption = new s3.BucketServerSideEncryptionConfiguration(
    childName(name, dataClass, "encryption"),
    {
      bucket: bucket.id,
      region,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.key.arn },
          bucketKeyEnabled: true,
          blockedEncryptionTypes: ["SSE-C"],
        },
      ],
    },
    opts,
  );
  const publicAccessBlock = new s3.BucketPublicAccessBlock(
    childName(name, dataClass, "public-access-block"),
    {
      bucket: bucket.id,
      region,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    opts,
  );
  const ownership = new s3.BucketOwnershipControls(
    childName(name, dataClass, "ownership"),
    { bucket: bucket.id, region, rule: { objectOwnership: "BucketOwnerEnforced" } },
    opts,
  );
  const versioning = new s3.BucketVersioning(
    childName(name, dataClass, "versioning"),
    { bucket: bucket.id, region, versioningConfiguration: { status: "Enabled" } },
    opts,
  );
  const lifecycle = new s3.BucketLifecycleConfiguration(
    childName(name, dataClass, "lifecycle"),
    { bucket: bucket.id, region, rules: lifecycleRules(ctx, dataClass) },
    retainedOpts(ctx, { dependsOn: [versioning] }),
  );
  const objectLock = auditLogs
    ? new s3.BucketObjectLockConfiguration(
        childName(name, dataClass, "object-lock"),
        {
          bucket: bucket.id,
          region,
          rule: { defaultRetention: { mode: "COMPLIANCE", days: ctx.spec.logging.auditLockDays } },
        },
        retainedOpts(ctx, { dependsOn: [versioning] }),
      )
    : undefined;
  return { bucket, encryption, publicAccessBlock, ownership, versioning, lifecycle, objectLock };
}

/** Creates the datasets, artifacts and audit-log buckets, each under its data class key. */
export function createStorage(
  ctx: AwsContext,
  keys: { datasets: PlatformKey; artifacts: PlatformKey; logs: PlatformKey },
): AwsStorage {
  return {
    datasets: createBucket(ctx, "datasets", keys.datasets),
    artifacts: createBucket(ctx, "artifacts", keys.artifacts),
    auditLogs: createBucket(ctx, "audit-logs", keys.logs),
  };
}

/** Attaches the bucket policy: the transport rules plus any statements the bucket's writers need. */
export function attachBucketPolicy(
  ctx: AwsContext,
  dataClass: DataClass,
  target: PlatformBucket,
  extraStatements: (bucketArn: pulumi.Output<string>) => Statement[] = () => [],
): s3.BucketPolicy {
  const arn = target.bucket.arn;
  target.policy = new s3.BucketPolicy(
    childName(ctx.name, dataClass, "policy"),
    {
      bucket: target.bucket.id,
      region: ctx.region,
      policy: policyJson(policyDocument([...bucketTransportStatements(arn), ...extraStatements(arn)])),
    },
    // The public access block must exist first, so the policy is evaluated against it. Retained with the bucket.
    retainedOpts(ctx, { dependsOn: [target.publicAccessBlock] }),
  );
  return target.policy;
}

/** Records the storage controls (SAI-ENC-01, SAI-TLS-02, SAI-GOV-01, SAI-RES-01, SAI-LOG-02, SAI-MOD-01). */
export function recordStorageEvidence(ctx: AwsContext, storage: AwsStorage): void {
  const { evidence, spec } = ctx;
  const buckets = [storage.datasets, storage.artifacts, storage.auditLogs];
  evidence.implemented(
    "SAI-ENC-01",
    buckets.flatMap((b) => [b.bucket, b.encryption]),
    "SSE-KMS with the data class key and bucket keys; SSE-C uploads blocked",
  );
  evidence.gap(
    "SAI-TLS-02",
    "S3 buckets deny non-TLS requests and TLS older than 1.2, the strongest minimum safe for every path (S3 PrivateLink and AWS service writers do not guarantee TLS 1.3); SageMaker, Bedrock and KMS APIs offer no server-side TLS minimum setting (they require 1.2 and negotiate 1.3)",
    buckets.map((b) => b.policy),
  );
  evidence.implemented(
    "SAI-RES-01",
    buckets.flatMap((b) => [b.bucket, b.versioning, b.objectLock]),
    "versioning on every bucket, forceDestroy off, compliance-mode object lock on audit logs, buckets and their settings retained on destroy (Pulumi retainOnDelete)",
  );
  evidence.implemented(
    "SAI-MOD-01",
    [storage.artifacts.bucket, storage.artifacts.encryption, storage.artifacts.publicAccessBlock],
    "artifacts bucket is private (public access block, bucket-owner objects); each model reads only models/<model>/ and decrypts only with its own key",
  );
  const expiring = spec.datasets.filter((d) => d.personalData);
  if (expiring.length > 0) {
    evidence.implemented(
      "SAI-GOV-01",
      [storage.datasets.lifecycle],
      `lifecycle rules expire personal data (${expiring.map((d) => `${d.name}: ${d.retentionDays} days`).join(", ")}) including noncurrent versions; audit logs live in a separate locked bucket`,
    );
  } else {
    evidence.notApplicable("SAI-GOV-01", "no dataset is marked personalData");
  }
}
