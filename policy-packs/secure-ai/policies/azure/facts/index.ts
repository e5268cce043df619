/**
 * The Azure fact table (one row per resource type) and the policies built from it. Adding a type: one row in
 * the file of its service family; the policies, their docs row and their test cases follow from it.
 */
import type { SecureAiResourcePolicy } from "../../lib";
import { buildFactPolicies, type ResourceFacts } from "../../lib/facts";
import { AZURE_COMPUTE_WEB_FACTS } from "./compute-web";
import { AZURE_SQL_FACTS } from "./sql";
import { AZURE_COSMOSDB_REDIS_FACTS } from "./cosmosdb-redis";
import { AZURE_EVENTHUB_SERVICEBUS_FACTS } from "./eventhub-servicebus";
import { AZURE_FLEXIBLE_SERVER_FACTS } from "./flexible-servers";
import { AZURE_SEARCH_FACTS } from "./search";
import { AZURE_DATAFACTORY_SYNAPSE_FACTS } from "./datafactory-synapse";

/** Every Azure row, in the order of the pack's policies. */
export const AZURE_FACTS: readonly ResourceFacts[] = [
  ...AZURE_SQL_FACTS,
  ...AZURE_COSMOSDB_REDIS_FACTS,
  ...AZURE_EVENTHUB_SERVICEBUS_FACTS,
  ...AZURE_FLEXIBLE_SERVER_FACTS,
  ...AZURE_SEARCH_FACTS,
  ...AZURE_DATAFACTORY_SYNAPSE_FACTS,
  ...AZURE_COMPUTE_WEB_FACTS,
];

/** The policies of the Azure fact table. */
export const azureFactPolicies: readonly SecureAiResourcePolicy[] = buildFactPolicies("azure", AZURE_FACTS);
