import * as kms from "@pulumi/gcp/kms";
import type { ServiceAgents } from "./agents";
import type { GcpScope } from "./scope";

/** Role that lets a service agent encrypt and decrypt with a key, and nothing else. */
export const ENCRYPTER_DECRYPTER = "roles/cloudkms.cryptoKeyEncrypterDecrypter";
/** Role of break-glass administrators: manage keys, never use them. */
export const KEY_ADMIN = "roles/cloudkms.admin";
/** Days a destroyed key version stays recoverable before it is gone (the maximum Cloud KMS allows is 120). */
export const DESTROY_SCHEDULED_DAYS = 90;

/** Data classes that get their own key, besides one key per model. */
export const DATA_CLASSES = ["datasets", "artifacts", "logs"] as const;
/** One data class. */
export type DataClass = (typeof DATA_CLASSES)[number];

/** Which service agents need each data class's key. */
const AGENTS_BY_DATA_CLASS: Readonly<Record<DataClass, readonly (keyof Omit<ServiceAgents, "resources">)[]>> =
  {
    datasets: ["storage"],
    artifacts: ["storage"],
    // Audit-log archive bucket (Storage), findings and SIEM topics (Pub/Sub), the locked log bucket (Logging),
    // the dataset of the model endpoints' request-response logs (BigQuery).
    logs: ["storage", "pubsub", "logging", "bigquery"],
  };

/** Service agents that need each model's key: Vertex AI for the endpoint, Storage for the model's artifacts. */
const AGENTS_FOR_MODEL_KEYS = ["vertex", "storage"] as const;

/** A CryptoKey with the IAM grants that must exist before any resource uses it. */
export interface GrantedKey {
  key: kms.CryptoKey;
  /** Grants by service agent; a CMEK resource `dependsOn` the grant of the agent that uses the key. */
  grants: Partial<Record<keyof Omit<ServiceAgents, "resources">, kms.CryptoKeyIAMMember>>;
}

/** The platform's keys. */
export interface PlatformKeys {
  keyRing: kms.KeyRing;
  /** One key per model, by model name. */
  models: Record<string, GrantedKey>;
  /** One key per data class. */
  dataClasses: Record<DataClass, GrantedKey>;
  /** Key held outside Google Cloud (Cloud EKM over VPC), when `encryption.externalKeyStore` is set. */
  external?: kms.CryptoKey;
  /** Break-glass key administrators (on the key ring). */
  breakGlass: kms.KeyRingIAMMember[];
}

/** Rotation period in the form Cloud KMS wants: seconds (validation keeps it above one day). */
export function rotationPeriod(days: number): string {
  return `${days * 86_400}s`;
}

/**
 * Builds the key ring and its keys: one per model and one per data class, rotating at the configured period,
 * HSM-backed for the high tier, protected from deletion, each usable by exactly the service agents that need it.
 */
export function buildKeys(scope: GcpScope, agents: ServiceAgents): PlatformKeys {
  const { name, spec } = scope;
  // Key rings cannot be deleted: a stable name, and Pulumi forgets rather than deletes it.
  const keyRing = new kms.KeyRing(
    `${name}-keyring`,
    { name: `${name}-keyring`, location: scope.region, project: scope.project },
    { parent: scope.parent, retainOnDelete: true },
  );

  const makeKey = (
    suffix: string,
    hsm: boolean,
    agentNames: readonly (keyof Omit<ServiceAgents, "resources">)[],
  ): GrantedKey => {
    const key = new kms.CryptoKey(
      `${name}-${suffix}`,
      {
        name: `${name}-${suffix}`,
        keyRing: keyRing.id,
        purpose: "ENCRYPT_DECRYPT",
        rotationPeriod: rotationPeriod(spec.encryption.rotationDays),
        versionTemplate: {
          algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION",
          protectionLevel: hsm ? "HSM" : "SOFTWARE",
        },
        destroyScheduledDuration: `${DESTROY_SCHEDULED_DAYS * 86_400}s`,
        deletionPolicy: "PREVENT",
        // The pack's HSM policy (SAI-ENC-04) recognises high-sensitivity keys by this label.
        labels: hsm ? { ...scope.labels, sensitivity: "high" } : scope.labels,
      },
      { parent: scope.parent, retainOnDelete: true },
    );
    const grants: GrantedKey["grants"] = {};
    for (const agent of agentNames) {
      grants[agent] = new kms.CryptoKeyIAMMember(
        `${name}-${suffix}-${agent}-use`,
        { cryptoKeyId: key.id, role: ENCRYPTER_DECRYPTER, member: agents[agent] },
        { parent: scope.parent },
      );
    }
    return { key, grants };
  };

  const models: Record<string, GrantedKey> = {};
  for (const model of spec.models) {
    models[model.name] = makeKey(`model-${model.name}`, model.hsm, AGENTS_FOR_MODEL_KEYS);
  }
  // Data classes that high-sensitivity models use are HSM-backed as well; logs only with `hsm: "all"`.
  const hsmAll = spec.encryption.hsm === "all";
  const dataClasses = {
    datasets: makeKey("datasets", spec.anyHsm, AGENTS_BY_DATA_CLASS.datasets),
    artifacts: makeKey("artifacts", spec.anyHsm, AGENTS_BY_DATA_CLASS.artifacts),
    logs: makeKey("logs", hsmAll, AGENTS_BY_DATA_CLASS.logs),
  };

  const external = spec.encryption.externalKeyStore
    ? new kms.CryptoKey(
        `${name}-external`,
        {
          name: `${name}-external`,
          keyRing: keyRing.id,
          purpose: "ENCRYPT_DECRYPT",
          cryptoKeyBackend: spec.encryption.externalKeyStore,
          // External keys are created empty: their versions point at key material in the external manager.
          skipInitialVersionCreation: true,
          versionTemplate: { algorithm: "EXTERNAL_SYMMETRIC_ENCRYPTION", protectionLevel: "EXTERNAL_VPC" },
          destroyScheduledDuration: `${DESTROY_SCHEDULED_DAYS * 86_400}s`,
          deletionPolicy: "PREVENT",
          labels: scope.labels,
        },
        { parent: scope.parent, retainOnDelete: true },
      )
    : undefined;

  const breakGlass = spec.encryption.breakGlassPrincipals.map(
    (principal, index) =>
      new kms.KeyRingIAMMember(
        `${name}-break-glass-${index}`,
        { keyRingId: keyRing.id, role: KEY_ADMIN, member: principal },
        { parent: scope.parent },
      ),
  );

  recordKeyEvidence(scope, { keyRing, models, dataClasses, external, breakGlass });
  return { keyRing, models, dataClasses, external, breakGlass };
}

function allKeys(keys: PlatformKeys): GrantedKey[] {
  return [...Object.values(keys.models), ...Object.values(keys.dataClasses)];
}

function recordKeyEvidence(scope: GcpScope, keys: PlatformKeys): void {
  const { evidence, spec } = scope;
  const granted = allKeys(keys);
  const cryptoKeys = granted.map((k) => k.key);
  const grants = granted.flatMap((k) => Object.values(k.grants));
  evidence.implemented(
    "SAI-ENC-01",
    [keys.keyRing, ...cryptoKeys],
    "Cloud KMS keys per model and data class",
  );
  evidence.implemented(
    "SAI-ENC-02",
    Object.values(keys.models).map((k) => k.key),
    "one CryptoKey per model (endpoint and the model's artifacts bucket)",
  );
  evidence.implemented(
    "SAI-ENC-03",
    cryptoKeys,
    `rotationPeriod ${rotationPeriod(spec.encryption.rotationDays)} (${spec.encryption.rotationDays} days) on every key, HSM keys included`,
  );
  const hsmKeys = [
    ...spec.models.filter((m) => m.hsm).map((m) => keys.models[m.name].key),
    ...(spec.anyHsm ? [keys.dataClasses.datasets.key, keys.dataClasses.artifacts.key] : []),
    ...(spec.encryption.hsm === "all" ? [keys.dataClasses.logs.key] : []),
  ];
  if (hsmKeys.length > 0) {
    evidence.implemented(
      "SAI-ENC-04",
      hsmKeys,
      "protectionLevel HSM (Cloud HSM); HSM keys rotate automatically like software keys",
    );
  } else {
    evidence.notApplicable("SAI-ENC-04", 'no high-sensitivity model and encryption.hsm is not "all"');
  }
  evidence.implemented(
    "SAI-ENC-05",
    [...grants, ...keys.breakGlass],
    "cryptoKeyEncrypterDecrypter only for the service agents of Storage, Vertex AI, Pub/Sub, Logging and BigQuery on their keys; " +
      "break-glass principals hold cloudkms.admin on the key ring, which cannot encrypt or decrypt",
  );
  evidence.implemented(
    "SAI-ENC-07",
    [keys.keyRing, ...cryptoKeys],
    `keys have deletionPolicy PREVENT and are retained on stack deletion; destroyed versions stay recoverable for ${DESTROY_SCHEDULED_DAYS} days; key rings cannot be deleted`,
  );
  if (keys.external) {
    evidence.implemented(
      "SAI-ENC-08",
      [keys.external],
      "EXTERNAL_VPC key backed by the Cloud EKM connection; its versions are created and rotated in the external key manager",
    );
  } else {
    evidence.notApplicable(
      "SAI-ENC-08",
      "no external key store configured; set encryption.externalKeyStore to a Cloud EKM connection for local data",
    );
  }
}
