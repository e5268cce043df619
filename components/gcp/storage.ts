import * as storage from "@pulumi/gcp/storage";
import type * as kms from "@pulumi/gcp/kms";
import type * as inputs from "@pulumi/gcp/types/input";
import type { ResolvedDataset } from "../spec/resolved";
import type { GrantedKey, PlatformKeys } from "./keys";
import { bucketName } from "./names";
import type { GcpScope } from "./scope";

/** The platform's buckets. */
export interface PlatformBuckets {
  datasets: storage.Bucket;
  /** Shared artifacts (pipelines, evaluations), under the artifacts key. */
  artifacts: storage.Bucket;
  /** Audit-log archive, under the logs key, with a locked retention policy. */
  auditLogs: storage.Bucket;
  /** Each model's artifacts and checkpoints, under the model's own key, by model name. */
  modelArtifacts: Record<string, storage.Bucket>;
}

/** Object prefix of a dataset inside the datasets bucket. */
export function datasetPrefix(dataset: string): string {
  return `${dataset}/`;
}

/** Days a noncurrent version of personal data survives after it was deleted or replaced. */
export const PERSONAL_NONCURRENT_DAYS = 1;

/**
 * Lifecycle rules that delete personal data when its retention period ends (GDPR storage limitation): live
 * objects at their age, then the noncurrent versions versioning keeps.
 */
export function personalDataLifecycle(
  datasets: readonly ResolvedDataset[],
): inputs.storage.BucketLifecycleRule[] {
  return datasets
    .filter((d) => d.personalData && d.retentionDays !== undefined)
    .flatMap((d) => [
      {
        action: { type: "Delete" },
        condition: { age: d.retentionDays, matchesPrefixes: [datasetPrefix(d.name)] },
      },
      {
        action: { type: "Delete" },
        condition: {
          daysSinceNoncurrentTime: PERSONAL_NONCURRENT_DAYS,
          matchesPrefixes: [datasetPrefix(d.name)],
        },
      },
    ]);
}

/**
 * Days a deleted or overwritten object (or a deleted bucket) stays restorable under the bucket's soft-delete
 * policy, 7 being the shortest Cloud Storage accepts. Personal data deleted by the lifecycle rules is therefore
 * still restorable (and billed) for this long before it is gone for good; Bucket Lock on the audit archive is
 * compatible with soft delete and applies first.
 */
export const SOFT_DELETE_DAYS = 7;

/** Bucket settings every platform bucket shares: CMEK only, private, uniform access, protected from deletion. */
function secureBucketArgs(scope: GcpScope, key: kms.CryptoKey, physicalName: string): storage.BucketArgs {
  return {
    name: physicalName,
    project: scope.project,
    location: scope.region,
    uniformBucketLevelAccess: true,
    publicAccessPrevention: "enforced",
    encryption: {
      defaultKmsKeyName: key.id,
      // CMEK enforcement: objects may not be written with Google-managed or customer-supplied keys.
      // (customerManagedEncryptionEnforcementConfig would do the opposite: forbid CMEK.)
      googleManagedEncryptionEnforcementConfig: { restrictionMode: "FullyRestricted" },
      customerSuppliedEncryptionEnforcementConfig: { restrictionMode: "FullyRestricted" },
    },
    forceDestroy: false,
    deletionPolicy: "PREVENT",
    softDeletePolicy: { retentionDurationSeconds: SOFT_DELETE_DAYS * 86_400 },
    labels: scope.labels,
  };
}

/** Builds the datasets, artifacts, per-model artifacts and audit-log buckets. */
export function buildBuckets(scope: GcpScope, keys: PlatformKeys): PlatformBuckets {
  const { name, project, spec } = scope;
  const bucket = (suffix: string, granted: GrantedKey, extra: Partial<storage.BucketArgs>): storage.Bucket =>
    new storage.Bucket(
      `${name}-${suffix}`,
      { ...secureBucketArgs(scope, granted.key, bucketName(project, [name, suffix])), ...extra },
      // The Storage agent must hold the key before the bucket names it as default key. Retained: a destroy or
      // replacement leaves the bucket and its objects in place and Pulumi forgets it (nothing lost), as with
      // the key ring and keys. Not `protect`, which would make every destroy of the platform fail: that stays
      // the user's call through the platform's own options.
      {
        parent: scope.parent,
        dependsOn: granted.grants.storage ? [granted.grants.storage] : [],
        retainOnDelete: true,
      },
    );

  const lifecycleRules = personalDataLifecycle(spec.datasets);
  const datasets = bucket("datasets", keys.dataClasses.datasets, {
    versioning: { enabled: true },
    ...(lifecycleRules.length > 0 ? { lifecycleRules } : {}),
    // The pack's lifecycle policy (SAI-GOV-01) recognises personal-data buckets by this label.
    ...(spec.datasets.some((d) => d.personalData)
      ? { labels: { ...scope.labels, "personal-data": "true" } }
      : {}),
  });
  const artifacts = bucket("artifacts", keys.dataClasses.artifacts, { versioning: { enabled: true } });
  const modelArtifacts: Record<string, storage.Bucket> = {};
  for (const model of spec.models) {
    modelArtifacts[model.name] = bucket(`model-${model.name}`, keys.models[model.name], {
      versioning: { enabled: true },
    });
  }
  // Retention policies and object versioning exclude each other on Cloud Storage: the audit archive relies on
  // a locked retention policy (write once, read many) instead of versions.
  const auditLogs = bucket("audit-logs", keys.dataClasses.logs, {
    retentionPolicy: { retentionPeriod: String(spec.logging.auditLockDays * 86_400), isLocked: true },
  });

  recordStorageEvidence(scope, { datasets, artifacts, auditLogs, modelArtifacts });
  return { datasets, artifacts, auditLogs, modelArtifacts };
}

function recordStorageEvidence(scope: GcpScope, buckets: PlatformBuckets): void {
  const { evidence, spec } = scope;
  const models = Object.values(buckets.modelArtifacts);
  const all = [buckets.datasets, buckets.artifacts, buckets.auditLogs, ...models];
  evidence.implemented(
    "SAI-ENC-01",
    all,
    "buckets default to CMEK and refuse Google-managed and customer-supplied encryption",
  );
  evidence.implemented(
    "SAI-MOD-01",
    models,
    "each model's artifacts bucket is encrypted with the model's key, private (public access prevention, uniform access)",
  );
  evidence.implemented("SAI-NET-02", all, "buckets enforce public access prevention");
  evidence.implemented(
    "SAI-RES-01",
    all,
    `versioning on datasets and artifacts, a locked retention policy on the audit archive, deletionPolicy PREVENT, a ${SOFT_DELETE_DAYS}-day soft-delete policy and Pulumi retainOnDelete on every bucket`,
  );
  const personal = spec.datasets.filter((d) => d.personalData);
  if (personal.length > 0) {
    evidence.implemented(
      "SAI-GOV-01",
      [buckets.datasets, buckets.auditLogs],
      `lifecycle rules delete ${personal.map((d) => datasetPrefix(d.name)).join(", ")} at their retention period and ` +
        `their noncurrent versions ${PERSONAL_NONCURRENT_DAYS} day later (restorable under soft delete for ${SOFT_DELETE_DAYS} more days); audit logs are kept in a separate locked bucket`,
    );
  } else {
    evidence.notApplicable("SAI-GOV-01", "no dataset holds personal data");
  }
}
