import * as pulumi from "@pulumi/pulumi";
import * as bigquery from "@pulumi/gcp/bigquery";
import * as logging from "@pulumi/gcp/logging";
import * as projects from "@pulumi/gcp/projects";
import * as storage from "@pulumi/gcp/storage";
import type { GcpScope } from "./scope";

/**
 * The Google-managed service agents that encrypt and decrypt with the platform's keys. Each must hold
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on its keys before the resource that uses the key exists,
 * and agents are created lazily by Google, so they are provisioned explicitly here.
 */
export interface ServiceAgents {
  /** Cloud Storage agent (`service-<n>@gs-project-accounts`), as an IAM member. */
  storage: pulumi.Output<string>;
  /** Vertex AI agent (`service-<n>@gcp-sa-aiplatform`), as an IAM member. */
  vertex: pulumi.Output<string>;
  /** Pub/Sub agent (`service-<n>@gcp-sa-pubsub`), as an IAM member. */
  pubsub: pulumi.Output<string>;
  /** Cloud Logging's service account for CMEK-protected log buckets, as an IAM member. */
  logging: pulumi.Output<string>;
  /** BigQuery's encryption service account (`bq-<n>@bigquery-encryption`), as an IAM member. */
  bigquery: pulumi.Output<string>;
  /** The service identity resources, for evidence. */
  resources: pulumi.Resource[];
}

/** Provisions (or looks up) the service agents of Storage, Vertex AI, Pub/Sub, Logging and BigQuery. */
export function buildServiceAgents(scope: GcpScope): ServiceAgents {
  const opts = { parent: scope.parent };
  const identity = (service: string, suffix: string) =>
    new projects.ServiceIdentity(`${scope.name}-${suffix}-agent`, { project: scope.project, service }, opts);
  const vertex = identity("aiplatform.googleapis.com", "vertex");
  const pubsub = identity("pubsub.googleapis.com", "pubsub");
  // The Storage agent is created on demand by this lookup (the provider's documented way to get it).
  const storageAgent = storage.getProjectServiceAccountOutput({ project: scope.project }, opts);
  // Logging's CMEK service account, created on demand by the lookup as well.
  const loggingSettings = logging.getProjectCmekSettingsOutput({ project: scope.project }, opts);
  // BigQuery's per-project encryption account, which encrypts the tables of a CMEK dataset (created on demand).
  const bigqueryAgent = bigquery.getDefaultServiceAccountOutput({ project: scope.project }, opts);
  return {
    storage: storageAgent.member,
    vertex: vertex.member,
    pubsub: pubsub.member,
    logging: pulumi.interpolate`serviceAccount:${loggingSettings.serviceAccountId}`,
    bigquery: bigqueryAgent.member,
    resources: [vertex, pubsub],
  };
}
