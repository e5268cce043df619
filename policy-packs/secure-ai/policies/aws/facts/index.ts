/**
 * The AWS fact table (one row per resource type) and the policies built from it. Adding a type: one row in
 * the file of its domain; the policies, their docs row and their test cases follow from it.
 */
import { buildFactPolicies, type ResourceFacts } from "../../lib/facts";
import type { SecureAiResourcePolicy } from "../../lib";
import { AWS_COMPUTE_EDGE_FACTS } from "./compute-edge";
import { AWS_DATA_STORE_FACTS } from "./data-stores";
import { AWS_MESSAGING_ANALYTICS_FACTS } from "./messaging-analytics";

/** Every AWS row. */
export const AWS_FACTS: readonly ResourceFacts[] = [
  ...AWS_DATA_STORE_FACTS,
  ...AWS_MESSAGING_ANALYTICS_FACTS,
  ...AWS_COMPUTE_EDGE_FACTS,
];

/** The policies of the AWS fact table. */
export const awsFactPolicies: readonly SecureAiResourcePolicy[] = buildFactPolicies("aws", AWS_FACTS);

/** One policy of the AWS fact table by name (throws for an unknown name). */
export function awsFactPolicy(name: string): SecureAiResourcePolicy {
  const policy = awsFactPolicies.find((candidate) => candidate.name === name);
  if (policy === undefined) {
    throw new Error(`no AWS fact policy named ${name}`);
  }
  return policy;
}
