/** Pure defaults of Azure OpenAI serving (no SDK import: checkAzureSpec uses them before any resource). */

/** Model deployed when `baseModel` is not given, with its version. */
export const DEFAULT_OPENAI_MODEL = { name: "gpt-4o-mini", version: "2024-07-18" } as const;

/**
 * Regions whose regional Standard deployment offers the default model and version, from Microsoft's "Standard
 * model availability" table (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/models#standard-deployment-model-availability,
 * revision of 2025-08-12). Elsewhere a model needs `baseModel` (checkAzureSpec says so), because Standard keeps
 * processing in the account's region and a model the region does not offer fails the deployment.
 */
export const DEFAULT_OPENAI_MODEL_REGIONS = [
  "eastus",
  "eastus2",
  "northcentralus",
  "southcentralus",
  "swedencentral",
  "westus",
  "westus3",
] as const;

/** `baseModel` of an Azure OpenAI model: `<model>` or `<model>:<version>`. */
export function openAiModel(baseModel: string | undefined): { name: string; version?: string } {
  if (baseModel === undefined) return { ...DEFAULT_OPENAI_MODEL };
  const [name, version] = baseModel.split(":");
  return { name: name as string, ...(version ? { version } : {}) };
}
