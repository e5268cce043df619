/**
 * The GCP fact table (one row per resource type) and the policies built from it. Adding a type: one row in
 * the file of its service family; the policies, their docs row and their test cases follow from it.
 */
import { buildFactPolicies, type ResourceFacts } from "../../lib/facts";
import type { SecureAiResourcePolicy } from "../../lib";
import { GCP_SQL_FACTS } from "./sql";
import { GCP_BIGQUERY_FACTS } from "./bigquery";
import { GCP_COMPUTE_FACTS } from "./compute";
import { GCP_CONTAINER_FACTS } from "./container";
import { GCP_SERVERLESS_FACTS } from "./serverless";
import { GCP_ARTIFACTS_SECRETS_FACTS } from "./artifacts-secrets";
import { GCP_REDIS_FILESTORE_FACTS } from "./redis-filestore";
import { GCP_DATAPROC_FACTS } from "./dataproc";
import { GCP_PUBSUB_FACTS } from "./pubsub";

/** Every GCP row, in the order of the pack's policies. */
export const GCP_FACTS: readonly ResourceFacts[] = [
  ...GCP_SQL_FACTS,
  ...GCP_BIGQUERY_FACTS,
  ...GCP_COMPUTE_FACTS,
  ...GCP_CONTAINER_FACTS,
  ...GCP_SERVERLESS_FACTS,
  ...GCP_ARTIFACTS_SECRETS_FACTS,
  ...GCP_REDIS_FILESTORE_FACTS,
  ...GCP_DATAPROC_FACTS,
  ...GCP_PUBSUB_FACTS,
];

/** The policies of the GCP fact table. */
export const gcpFactPolicies: readonly SecureAiResourcePolicy[] = buildFactPolicies("gcp", GCP_FACTS);

/** One policy of the GCP fact table by name (throws for an unknown name). */
export function gcpFactPolicy(name: string): SecureAiResourcePolicy {
  const policy = gcpFactPolicies.find((candidate) => candidate.name === name);
  if (policy === undefined) {
    throw new Error(`no GCP fact policy named ${name}`);
  }
  return policy;
}
