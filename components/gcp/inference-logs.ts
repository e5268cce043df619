import * as pulumi from "@pulumi/pulumi";
import * as bigquery from "@pulumi/gcp/bigquery";
import type { GrantedKey } from "./keys";
import { inferenceLogDatasetId, inferenceLogTableId } from "./names";
import type { GcpScope } from "./scope";

/** Fraction of prediction requests a Vertex AI endpoint logs: all of them, as SAI-LOG-01 asks for every call. */
export const INFERENCE_LOG_SAMPLING_RATE = 1;

/** Hours BigQuery keeps changed or deleted table data restorable (time travel): the maximum it allows. */
export const TIME_TRAVEL_HOURS = 168;

/** Milliseconds in a day, for BigQuery's expiration settings. */
const DAY_MS = 86_400_000;

/**
 * Dataset-level access (authoritative): project owners administer the dataset and project editors may write to
 * it; project viewers, the creator's personal grant and any public member (allUsers, allAuthenticatedUsers) are
 * left out, so prompts and responses are read only through IAM roles granted on purpose.
 */
export const INFERENCE_LOG_ACCESS = [
  { role: "OWNER", specialGroup: "projectOwners" },
  { role: "WRITER", specialGroup: "projectWriters" },
] as const;

/** Where the platform's model endpoints log their requests and responses. */
export interface InferenceLogs {
  dataset: bigquery.Dataset;
  /** The BigQuery destination of one model endpoint's log table: `bq://<project>.<dataset>.<table>`. */
  destination(model: string): pulumi.Output<string>;
}

/**
 * Builds the BigQuery dataset that receives the request-response logs (prompts and responses) of every Vertex AI
 * endpoint of the platform: in the platform's region, encrypted by default with the logs key, private, and kept
 * on destroy. Each endpoint logs to its own table, which Vertex AI creates in the dataset.
 */
export function buildInferenceLogs(scope: GcpScope, logsKey: GrantedKey): InferenceLogs {
  const { name, project, region, spec } = scope;
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
      accesses: INFERENCE_LOG_ACCESS.map((access) => ({ ...access })),
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
    destination: (model) =>
      pulumi.interpolate`bq://${project}.${dataset.datasetId}.${inferenceLogTableId(model)}`,
  };
}
