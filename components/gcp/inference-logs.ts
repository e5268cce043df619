import * as pulumi from "@pulumi/pulumi";
import * as bigquery from "@pulumi/gcp/bigquery";
import * as serviceaccount from "@pulumi/gcp/serviceaccount";
import type { GrantedKey } from "./keys";
import { inferenceLogDatasetId, inferenceLogTableId, serviceAccountId } from "./names";
import type { GcpScope } from "./scope";

/** Fraction of prediction requests a Vertex AI endpoint logs: all of them, as SAI-LOG-01 asks for every call. */
export const INFERENCE_LOG_SAMPLING_RATE = 1;

/** Hours BigQuery keeps changed or deleted table data restorable (time travel): the maximum it allows. */
export const TIME_TRAVEL_HOURS = 168;

/** Milliseconds in a day, for BigQuery's expiration settings. */
const DAY_MS = 86_400_000;

/**
 * Dataset-level access (authoritative). Without `accesses`, BigQuery grants OWNER to project owners and the
 * creator, WRITER to project editors and READER to project viewers
 * (https://cloud.google.com/bigquery/docs/access-control-basic-roles#dataset-basic-roles): every holder of a basic
 * role could read prompts and responses. The platform lists exactly two entries instead: OWNER to a dedicated
 * service account nobody can impersonate by default (a dataset must keep one OWNER, same page), and WRITER to the
 * Vertex AI service agent, which writes the endpoints' request-response logs. Readers are granted on purpose.
 */
export function inferenceLogAccess(
  ownerEmail: pulumi.Input<string>,
  vertexAgentMember: pulumi.Input<string>,
): bigquery.DatasetArgs["accesses"] {
  return [
    { role: "OWNER", userByEmail: ownerEmail },
    { role: "WRITER", iamMember: vertexAgentMember },
  ];
}

/** Where the platform's model endpoints log their requests and responses. */
export interface InferenceLogs {
  dataset: bigquery.Dataset;
  /** The dataset's sole OWNER (a dataset must have one). */
  owner: serviceaccount.Account;
  /** The BigQuery destination of one model endpoint's log table: `bq://<project>.<dataset>.<table>`. */
  destination(model: string): pulumi.Output<string>;
}

/**
 * Builds the BigQuery dataset that receives the request-response logs (prompts and responses) of every Vertex AI
 * endpoint of the platform: in the platform's region, encrypted by default with the logs key, private, and kept
 * on destroy. Each endpoint logs to its own table, which Vertex AI creates in the dataset.
 */
export function buildInferenceLogs(
  scope: GcpScope,
  logsKey: GrantedKey,
  vertexAgentMember: pulumi.Input<string>,
): InferenceLogs {
  const { name, project, region, spec } = scope;
  const owner = new serviceaccount.Account(
    `${name}-logs-owner`,
    {
      accountId: serviceAccountId(name, "logs-owner"),
      project,
      displayName: `${name} logs-owner`,
      description: `Owner of the ${name} inference-log dataset; holds no keys and is impersonated by nobody by default`,
    },
    { parent: scope.parent },
  );
  const dataset = new bigquery.Dataset(
    `${name}-inference-logs`,
    {
      datasetId: inferenceLogDatasetId(name),
      project,
      location: region,
      friendlyName: `${name} inference logs`,
      description: `Request-response logs (prompts and responses) of the ${name} platform's Vertex AI endpoints`,
      defaultEncryptionConfiguration: { kmsKeyName: logsKey.key.id },
      // Partitions expire at the logging retention. Not defaultTableExpirationMs: that would delete each whole
      // log table, recent entries included, once it is that old, and the endpoint's logging with it.
      defaultPartitionExpirationMs: spec.logging.retentionDays * DAY_MS,
      maxTimeTravelHours: String(TIME_TRAVEL_HOURS),
      accesses: inferenceLogAccess(owner.email, vertexAgentMember),
      deleteContentsOnDestroy: false,
      deletionPolicy: "PREVENT",
      labels: scope.labels,
    },
    // BigQuery's encryption account must hold the key before the dataset names it as default key. Retained like
    // the buckets: a destroy or replacement leaves the dataset and its tables in place and Pulumi forgets it.
    {
      parent: scope.parent,
      dependsOn: logsKey.grants.bigquery ? [logsKey.grants.bigquery] : [],
      retainOnDelete: true,
    },
  );

  scope.evidence.implemented(
    "SAI-ENC-01",
    [dataset],
    "the BigQuery dataset of model request-response logs defaults to the logs key",
  );
  scope.evidence.implemented(
    "SAI-RES-01",
    [dataset],
    `the BigQuery dataset of model request-response logs has deletionPolicy PREVENT, never deletes its contents on destroy, keeps ${TIME_TRAVEL_HOURS} hours of time travel and is retained on stack deletion`,
  );

  return {
    dataset,
    owner,
    destination: (model) =>
      pulumi.interpolate`bq://${project}.${dataset.datasetId}.${inferenceLogTableId(model)}`,
  };
}
