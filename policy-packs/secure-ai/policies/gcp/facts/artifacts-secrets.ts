/**
 * GCP Artifact Registry repositories and Secret Manager secrets. Property names verified in
 * node_modules/@pulumi/gcp 9.37 (`<module>/<resource>.d.ts`, `types/input.d.ts`).
 */
import { isSet, type ResourceFacts } from "../../lib/facts";
import { get } from "../../lib/values";
import { KEY, CMEK } from "./common";

/** The key of a secret's replication, automatic or per replica. */
function secretKeyProblem(replication: unknown): string | undefined {
  const auto = get(replication, "auto");
  if (auto !== undefined) {
    return get(auto, "customerManagedEncryption", "kmsKeyName") === undefined
      ? "has no auto.customerManagedEncryption.kmsKeyName"
      : undefined;
  }
  const replicas = get(replication, "userManaged", "replicas");
  const list = Array.isArray(replicas) ? replicas : [];
  if (list.length === 0) {
    return "names neither automatic nor user-managed replication with a key";
  }
  const missing = list.findIndex(
    (replica) => get(replica, "customerManagedEncryption", "kmsKeyName") === undefined,
  );
  return missing < 0
    ? undefined
    : `has no userManaged.replicas[${missing}].customerManagedEncryption.kmsKeyName`;
}

/** Artifact Registry repositories and Secret Manager secrets. */
export const GCP_ARTIFACTS_SECRETS_FACTS: readonly ResourceFacts[] = [
  {
    type: "gcp:artifactregistry/repository:Repository",
    service: "artifactregistry",
    resource: "repository",
    title: "Artifact Registry repositories",
    baseline: { location: "europe-west4", repositoryId: "models", format: "DOCKER", kmsKeyName: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [isSet("kmsKeyName", CMEK, "https://cloud.google.com/artifact-registry/docs/cmek")],
      },
    ],
  },
  {
    type: "gcp:secretmanager/secret:Secret",
    service: "secretmanager",
    resource: "secret",
    title: "Secret Manager secrets",
    baseline: {
      secretId: "api-key",
      replication: { auto: { customerManagedEncryption: { kmsKeyName: KEY } } },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          {
            path: "replication",
            expect: {
              kind: "custom",
              describe: "replicated with customerManagedEncryption.kmsKeyName on every replica",
              test: secretKeyProblem,
            },
            why: CMEK,
            doc: "https://cloud.google.com/secret-manager/docs/cmek",
            negative: { auto: {} },
          },
        ],
      },
    ],
  },
];
