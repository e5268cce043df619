import type * as authorization from "@pulumi/azure-native/authorization";
import * as storage from "@pulumi/azure-native/storage";
import type * as input from "@pulumi/azure-native/types/input";
import type { ResolvedDataset } from "../spec/resolved";
import { type AzureContext, retainedOpts } from "./context";
import { type WorkloadIdentities, workloadIdentity } from "./identity";
import { type AzureKeys, type DataClass, grantKeyUse } from "./keys";
import { shortHash } from "./names";
import type { PrivateEndpoints } from "./private-endpoints";

/** Storage accounts by the platform's output keys. */
export const STORAGE_CLASSES = ["datasets", "artifacts", "audit-logs"] as const;
/** One storage class. */
export type StorageClass = (typeof STORAGE_CLASSES)[number];

/** The key each storage account is encrypted with. */
const KEY_OF: Readonly<Record<StorageClass, DataClass>> = {
  datasets: "datasets",
  artifacts: "artifacts",
  "audit-logs": "logs",
};

/** Days deleted blobs, versions and containers stay recoverable. */
export const SOFT_DELETE_DAYS = 30;
/** Prefixes per lifecycle rule filter (Azure's limit). */
const PREFIXES_PER_RULE = 10;

/** One storage account with what it needs to be encrypted and private. */
export interface PlatformStorageAccount {
  account: storage.StorageAccount;
  accountName: string;
  /** The role assignment that lets the account's identity use its key (the account depends on it). */
  keyGrant: authorization.RoleAssignment;
  blobService: storage.BlobServiceProperties;
}

/** The platform's storage. */
export interface AzureStorage {
  accounts: Record<StorageClass, PlatformStorageAccount>;
  /** Per-model encryption scopes of the artifacts account. */
  modelScopes: storage.EncryptionScope[];
  /** Containers of model artifacts, one per model. */
  modelContainers: storage.BlobContainer[];
  /** Lifecycle policy deleting personal data, when any dataset holds personal data. */
  lifecycle?: storage.ManagementPolicy;
}

/** Container name of a dataset. */
export function datasetContainerName(dataset: string): string {
  return `ds-${dataset}`;
}

/** Container name of a model's artifacts. */
export function modelContainerName(model: string): string {
  return `model-${model}`;
}

/** Encryption scope name of a model: letters and digits only, unique per model. */
export function modelScopeName(model: string): string {
  return `model${model.replace(/-/g, "")}${shortHash([model], 6)}`;
}

/**
 * Lifecycle rules that delete personal data (current blobs, previous versions and snapshots) when its
 * retention period ends. Datasets with the same retention share a rule, ten container prefixes per rule.
 */
export function personalDataRules(
  datasets: readonly ResolvedDataset[],
): input.storage.ManagementPolicyRuleArgs[] {
  const byRetention = new Map<number, string[]>();
  for (const dataset of datasets) {
    if (!dataset.personalData || dataset.retentionDays === undefined) continue;
    const prefixes = byRetention.get(dataset.retentionDays) ?? [];
    prefixes.push(`${datasetContainerName(dataset.name)}/`);
    byRetention.set(dataset.retentionDays, prefixes);
  }
  const rules: input.storage.ManagementPolicyRuleArgs[] = [];
  for (const [days, prefixes] of [...byRetention.entries()].sort(([a], [b]) => a - b)) {
    for (let start = 0; start < prefixes.length; start += PREFIXES_PER_RULE) {
      rules.push({
        name: `delete-personal-data-${days}d-${start / PREFIXES_PER_RULE}`,
        enabled: true,
        type: "Lifecycle",
        definition: {
          filters: {
            blobTypes: ["blockBlob", "appendBlob"],
            prefixMatch: prefixes.slice(start, start + PREFIXES_PER_RULE),
          },
          actions: {
            baseBlob: { delete: { daysAfterModificationGreaterThan: days } },
            version: { delete: { daysAfterCreationGreaterThan: days } },
            snapshot: { delete: { daysAfterCreationGreaterThan: days } },
          },
        },
      });
    }
  }
  return rules;
}

/**
 * Builds the datasets, artifacts and audit-log storage accounts: each with its own identity granted its
 * key before the account is created, CMK without a key version (rotation is followed), infrastructure
 * encryption, no shared keys, no public access, TLS 1.2 minimum, versioning and soft delete, a private
 * endpoint. Personal data expires by lifecycle rules; only the audit-log account is immutable.
 */
export function buildStorage(
  context: AzureContext,
  keys: AzureKeys,
  identities: WorkloadIdentities,
  privateEndpoints: PrivateEndpoints,
): AzureStorage {
  const { spec, evidence, name, names, resourceGroupName, location, tags } = context;
  const build = (storageClass: StorageClass): PlatformStorageAccount => {
    const identity = workloadIdentity(context, identities, `storage:${storageClass}`);
    const key = keys.keys.get(KEY_OF[storageClass]);
    if (!key) throw new Error(`no key for ${storageClass}`);
    const keyGrant = grantKeyUse(context, keys, KEY_OF[storageClass], {
      label: storageClass,
      principalId: identity.principalId,
    });
    const accountName = names.storageAccount(storageClass);
    const audit = storageClass === "audit-logs";
    const account = new storage.StorageAccount(
      `${name}-${storageClass}`,
      {
        resourceGroupName,
        location,
        accountName,
        kind: "StorageV2",
        sku: { name: "Standard_ZRS" },
        identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
        encryption: {
          keySource: "Microsoft.Keyvault",
          // No keyVersion: the account follows the key's rotated versions automatically.
          keyVaultProperties: { keyName: key.keyName, keyVaultUri: keys.vaultUri },
          encryptionIdentity: { encryptionUserAssignedIdentity: identity.id },
          requireInfrastructureEncryption: true,
          services: {
            blob: { enabled: true, keyType: "Account" },
            file: { enabled: true, keyType: "Account" },
          },
        },
        allowSharedKeyAccess: false,
        defaultToOAuthAuthentication: true,
        allowBlobPublicAccess: false,
        allowCrossTenantReplication: false,
        allowedCopyScope: "PrivateLink",
        isLocalUserEnabled: false,
        isSftpEnabled: false,
        publicNetworkAccess: "Disabled",
        networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
        enableHttpsTrafficOnly: true,
        // TLS 1.3 cannot be required on Azure Storage; 1.2 is the strongest minimum it accepts.
        minimumTlsVersion: "TLS1_2",
        // Audit logs only: every blob is write-once for auditLockDays (version-level immutability, the
        // containers Azure Monitor creates included). Set at creation; it cannot be added later.
        immutableStorageWithVersioning: audit
          ? {
              enabled: true,
              immutabilityPolicy: {
                immutabilityPeriodSinceCreationInDays: spec.logging.auditLockDays,
                allowProtectedAppendWrites: true,
                state: "Unlocked",
              },
            }
          : undefined,
        // The pack's lifecycle policy (SAI-GOV-01) recognises personal-data accounts by this tag.
        tags:
          storageClass === "datasets" && spec.datasets.some((dataset) => dataset.personalData)
            ? { ...tags, "personal-data": "true" }
            : tags,
      },
      retainedOpts(context, [keyGrant]),
    );
    const blobService = new storage.BlobServiceProperties(
      `${name}-${storageClass}-blob`,
      {
        resourceGroupName,
        accountName: account.name,
        blobServicesName: "default",
        isVersioningEnabled: true,
        deleteRetentionPolicy: { enabled: true, days: SOFT_DELETE_DAYS },
        containerDeleteRetentionPolicy: { enabled: true, days: SOFT_DELETE_DAYS },
        changeFeed: { enabled: true },
      },
      // Kept with the account, like the lifecycle policy, containers and scopes: a kept account keeps its
      // versioning and soft delete, and personal data on it keeps expiring.
      retainedOpts(context),
    );
    privateEndpoints.add({
      name: `storage-${storageClass}`,
      resourceId: account.id,
      groupId: "blob",
      zones: ["blob"],
    });
    return { account, accountName, keyGrant, blobService };
  };
  const accounts = {
    datasets: build("datasets"),
    artifacts: build("artifacts"),
    "audit-logs": build("audit-logs"),
  } satisfies Record<StorageClass, PlatformStorageAccount>;

  const datasetContainers = spec.datasets.map(
    (dataset) =>
      new storage.BlobContainer(
        `${name}-dataset-${dataset.name}`,
        {
          resourceGroupName,
          accountName: accounts.datasets.account.name,
          containerName: datasetContainerName(dataset.name),
          publicAccess: "None",
        },
        retainedOpts(context, [accounts.datasets.blobService]),
      ),
  );
  const rules = personalDataRules(spec.datasets);
  const lifecycle =
    rules.length > 0
      ? new storage.ManagementPolicy(
          `${name}-datasets-lifecycle`,
          {
            resourceGroupName,
            accountName: accounts.datasets.account.name,
            managementPolicyName: "default",
            policy: { rules },
          },
          retainedOpts(context, [accounts.datasets.blobService]),
        )
      : undefined;

  const artifactsIdentity = identities.get("storage:artifacts");
  const modelScopes: storage.EncryptionScope[] = [];
  const modelContainers: storage.BlobContainer[] = [];
  for (const model of spec.models) {
    const purpose = `model:${model.name}`;
    const key = keys.keys.get(purpose);
    if (!key || !artifactsIdentity) throw new Error(`no key or identity for ${purpose}`);
    // The artifacts account's identity unwraps each model's key for that model's encryption scope.
    const grant = grantKeyUse(context, keys, purpose, {
      label: "artifacts",
      principalId: artifactsIdentity.principalId,
    });
    const scopeName = modelScopeName(model.name);
    const scope = new storage.EncryptionScope(
      `${name}-artifacts-scope-${model.name}`,
      {
        resourceGroupName,
        accountName: accounts.artifacts.account.name,
        encryptionScopeName: scopeName,
        source: "Microsoft.KeyVault",
        keyVaultProperties: { keyUri: key.versionlessUri },
        requireInfrastructureEncryption: true,
        state: "Enabled",
      },
      retainedOpts(context, [grant]),
    );
    const container = new storage.BlobContainer(
      `${name}-artifacts-${model.name}`,
      {
        resourceGroupName,
        accountName: accounts.artifacts.account.name,
        containerName: modelContainerName(model.name),
        defaultEncryptionScope: scopeName,
        denyEncryptionScopeOverride: true,
        publicAccess: "None",
      },
      retainedOpts(context, [scope, accounts.artifacts.blobService]),
    );
    modelScopes.push(scope);
    modelContainers.push(container);
  }

  const allAccounts = Object.values(accounts).map((entry) => entry.account);
  evidence.implemented(
    "SAI-ENC-01",
    [...allAccounts, ...modelScopes],
    "storage accounts use customer-managed keys through user-assigned identities, with infrastructure (double) encryption",
  );
  evidence.implemented(
    "SAI-NET-02",
    allAccounts,
    "storage: public network access disabled, blob private endpoints",
  );
  evidence.implemented("SAI-TLS-02", allAccounts, "storage: HTTPS only, minimum TLS 1.2");
  evidence.gap(
    "SAI-TLS-02",
    "Azure Storage cannot enforce TLS 1.3 (minimumTlsVersion TLS1_3 is not supported); TLS 1.2 is the enforced minimum",
  );
  evidence.implemented(
    "SAI-MOD-01",
    [accounts.artifacts.account, ...modelScopes, ...modelContainers],
    "each model's artifacts container is pinned to an encryption scope under the model's own key",
  );
  evidence.implemented(
    "SAI-RES-01",
    [...allAccounts, ...Object.values(accounts).map((entry) => entry.blobService)],
    `blob versioning, ${SOFT_DELETE_DAYS}-day soft delete for blobs and containers, accounts and containers retained on destroy (Pulumi retainOnDelete); no CanNotDelete management lock, which would make every destroy fail: add one through your own governance if wanted`,
  );
  evidence.implemented(
    "SAI-LOG-02",
    [accounts["audit-logs"].account],
    `audit-log account: version-level immutability for ${spec.logging.auditLockDays} days (policy unlocked: lock it once validated, locking is irreversible); Log Analytics tables are append-only`,
  );
  evidence.gap(
    "SAI-LOG-02",
    "Azure Monitor produces no signed digest of exported logs, so their integrity cannot be validated cryptographically; the immutability policy is created unlocked, so an account owner can still shorten or remove it until it is locked",
  );
  if (lifecycle) {
    evidence.implemented(
      "SAI-GOV-01",
      [lifecycle, ...datasetContainers],
      `lifecycle rules delete personal data, its versions and snapshots at retention (soft-deleted copies purge ${SOFT_DELETE_DAYS} days later); audit logs live in a separate immutable account`,
    );
  } else {
    evidence.notApplicable("SAI-GOV-01", "no dataset holds personal data");
  }
  return { accounts, modelScopes, modelContainers, lifecycle };
}
