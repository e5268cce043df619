/**
 * The Azure fact table (one row per resource type) and the policies built from it. Adding a type: one row in
 * the file of its domain; the policies, their docs row and their test cases follow from it.
 */
import type { SecureAiResourcePolicy } from "../../lib";
import { buildFactPolicies, type ResourceFacts } from "../../lib/facts";
import { AZURE_COMPUTE_WEB_FACTS } from "./compute-web";
import { AZURE_DATA_FACTS } from "./data";

/** Every Azure row. */
export const AZURE_FACTS: readonly ResourceFacts[] = [...AZURE_DATA_FACTS, ...AZURE_COMPUTE_WEB_FACTS];

/** The policies of the Azure fact table. */
export const azureFactPolicies: readonly SecureAiResourcePolicy[] = buildFactPolicies("azure", AZURE_FACTS);
