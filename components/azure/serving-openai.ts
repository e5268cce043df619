import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import type * as keyvault from "@pulumi/azure-native/keyvault";
import type * as input from "@pulumi/azure-native/types/input";
import type { GuardrailStrength, ResolvedModel } from "../spec/resolved";
import { modelTags } from "../spec/scopes";
import { type AzureContext, dependingOn } from "./context";
import { type OpenAiKeys, grantOpenAiKeyAccess, keyVersion } from "./openai-keys";
import type { PrivateEndpoints } from "./private-endpoints";
import type { ServedModel } from "./serving-types";
import { openAiModel } from "./openai-defaults";

export { DEFAULT_OPENAI_MODEL, DEFAULT_OPENAI_MODEL_REGIONS, openAiModel } from "./openai-defaults";

/** Deployment SKU: regional Standard keeps processing in the account's region (GlobalStandard would not). */
export const OPENAI_DEPLOYMENT_SKU = { name: "Standard", capacity: 10 } as const;

const HARM_CATEGORIES = ["Hate", "Sexual", "Violence", "Selfharm"] as const;

/*
 * Values the RaiPolicy API checks (SAI-MOD-03):
 * - severityThreshold is the lowest severity filtered: "Low" filters low, medium and high (the strictest
 *   setting), "Medium" is Microsoft's default, "High" filters only high severity; all three are configurable
 *   without approval on prompts and completions:
 *   https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/content-filters
 * - Prompt Shields: "Jailbreak" (user prompt attacks) and "Indirect Attack" (document attacks), both on the
 *   prompt: https://learn.microsoft.com/en-us/azure/ai-services/openai/concepts/content-filter-prompt-shields
 * - filter names, sources (Prompt | Completion), blocking/enabled and the policy's mode:
 *   https://learn.microsoft.com/en-us/rest/api/aiservices/accountmanagement/rai-policies/create-or-update
 * - mode "Default" buffers streamed completions and filters them before they are returned; the alternative,
 *   "Asynchronous_filter", returns content before it is filtered:
 *   https://learn.microsoft.com/en-us/azure/foundry/openai/concepts/content-streaming
 */

/** The RAI policy's severity threshold for each guardrail strength of the spec (lowest severity filtered). */
export const AZURE_SEVERITY_THRESHOLD: Readonly<Record<GuardrailStrength, string>> = {
  high: "Low",
  medium: "Medium",
  low: "High",
};

/** RAI policy mode: synchronous filtering, so no unfiltered completion is returned. */
export const RAI_POLICY_MODE = "Default";

/**
 * The content filter of every deployment: harm categories blocked on prompts and completions from the
 * strength's severity threshold, Prompt Shields (user prompt and document attacks) and protected-material
 * detection blocking.
 */
export function contentFilters(
  strength: GuardrailStrength = "high",
): input.cognitiveservices.RaiPolicyContentFilterArgs[] {
  const harms = HARM_CATEGORIES.flatMap((category) =>
    (["Prompt", "Completion"] as const).map((source) => ({
      name: category,
      source,
      enabled: true,
      blocking: true,
      severityThreshold: AZURE_SEVERITY_THRESHOLD[strength],
    })),
  );
  return [
    ...harms,
    { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
    { name: "Indirect Attack", source: "Prompt", enabled: true, blocking: true },
    { name: "Protected Material Text", source: "Completion", enabled: true, blocking: true },
    { name: "Protected Material Code", source: "Completion", enabled: true, blocking: true },
  ];
}

/**
 * Azure OpenAI for one model: local keys off, no public network access, outbound restricted, reachable through a
 * private endpoint; a content-filter policy and the model deployment. Its customer-managed key follows
 * Microsoft's rules (see openai-keys.ts): the account's system-assigned identity gets get, wrap and unwrap on the
 * model's RSA 2048 key in the access-policy vault. That identity exists only once the account does, so the
 * model's first `pulumi up` (`encryptionStage: "bootstrap"`) creates the account with Microsoft-managed keys and
 * then the access policy; later runs (`"customer-managed"`) read the identity of the existing account, grant it
 * first and switch the account to the key, pinned to the key's current version (Azure OpenAI does not follow
 * rotation: "you must update the Azure OpenAI resource to use the new key URI").
 */
export function buildOpenAiModel(
  context: AzureContext,
  model: ResolvedModel,
  openAiKeys: OpenAiKeys,
  privateEndpoints: PrivateEndpoints,
  identity: ServedModel["identity"],
): ServedModel {
  const { name, names, resourceGroupName, location, opts } = context;
  const tags = modelTags(context.tags, model);
  const key = openAiKeys.keys.get(model.name);
  if (!key) throw new Error(`no OpenAI key for ${model.name}`);
  const subdomain = names.customSubDomain(model.name);
  const encrypted = model.encryptionStage !== "bootstrap";
  let grant: keyvault.AccessPolicy | undefined;
  if (encrypted) {
    const existing = cognitiveservices.getAccountOutput(
      { resourceGroupName, accountName: subdomain },
      { parent: context.parent },
    );
    grant = grantOpenAiKeyAccess(
      context,
      openAiKeys,
      model.name,
      existing.apply((account) => account.identity?.principalId ?? ""),
      opts,
    );
  }
  const account = new cognitiveservices.Account(
    `${name}-model-${model.name}`,
    {
      resourceGroupName,
      location,
      accountName: subdomain,
      kind: "OpenAI",
      sku: { name: "S0" },
      identity: { type: "SystemAssigned" },
      properties: {
        customSubDomainName: subdomain,
        disableLocalAuth: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", bypass: "None", ipRules: [], virtualNetworkRules: [] },
        restrictOutboundNetworkAccess: true,
        allowedFqdnList: [],
        encryption: encrypted
          ? {
              keySource: "Microsoft.KeyVault",
              keyVaultProperties: {
                keyName: key.keyName,
                keyVaultUri: openAiKeys.vaultUri,
                keyVersion: keyVersion(key.resource.keyUriWithVersion),
              },
            }
          : { keySource: "Microsoft.CognitiveServices" },
      },
      tags,
    },
    dependingOn(context, [grant, key.resource]),
  );
  if (!encrypted) {
    grant = grantOpenAiKeyAccess(
      context,
      openAiKeys,
      model.name,
      account.identity.apply((value) => value?.principalId ?? ""),
      opts,
    );
  }
  const filter = new cognitiveservices.RaiPolicy(
    `${name}-model-${model.name}-filter`,
    {
      resourceGroupName,
      accountName: account.name,
      raiPolicyName: "secure-ai-filter",
      properties: {
        basePolicyName: "Microsoft.DefaultV2",
        mode: RAI_POLICY_MODE,
        contentFilters: contentFilters(model.guardrailStrength),
      },
      tags,
    },
    opts,
  );
  const base = openAiModel(model.baseModel);
  const deployment = new cognitiveservices.Deployment(
    `${name}-model-${model.name}-deployment`,
    {
      resourceGroupName,
      accountName: account.name,
      deploymentName: model.name,
      sku: { ...OPENAI_DEPLOYMENT_SKU },
      properties: {
        model: { format: "OpenAI", name: base.name, version: base.version },
        raiPolicyName: filter.name,
        versionUpgradeOption: "OnceNewDefaultVersionAvailable",
      },
      tags,
    },
    dependingOn(context, [filter]),
  );
  const endpoint = privateEndpoints.add({
    name: `model-${model.name}`,
    resourceId: account.id,
    groupId: "account",
    zones: ["openai"],
  });
  return {
    model,
    identity,
    keyGrant: grant,
    encryptedWithModelKey: encrypted,
    service: account,
    serviceId: account.id,
    endpoint: `https://${subdomain}.openai.azure.com/openai/deployments/${model.name}`,
    backendHost: `${subdomain}.openai.azure.com`,
    resources: [account, filter, deployment, endpoint],
    contentFilter: filter,
    versionPinned: encrypted,
  };
}
