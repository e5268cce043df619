/**
 * Judging an Azure OpenAI RAI (content filter) policy for SAI-MOD-03, from its `properties`
 * (azure-native cognitiveservices RaiPolicyProperties: mode, contentFilters[name, source, enabled, blocking,
 * action, severityThreshold]). Filter names and sources as the RAI policy REST API documents them
 * (https://learn.microsoft.com/en-us/rest/api/aiservices/accountmanagement/rai-policies/create-or-update);
 * Prompt Shields are the "Jailbreak" (user prompt attacks) and "Indirect Attack" (document attacks) filters
 * (https://learn.microsoft.com/en-us/azure/ai-services/openai/concepts/content-filter-prompt-shields).
 * An unknown value is never taken as weak: it is noted by the readers of `../lib` instead.
 */
import { get, isUnknown, knownArray, knownBoolean, knownString } from "../lib";

/** The Prompt Shields filters, by normalised name, with the name the API uses. */
export const PROMPT_SHIELDS: Readonly<Record<string, string>> = {
  jailbreak: "Jailbreak",
  indirectattack: "Indirect Attack",
};

/** The harm categories, by normalised name. */
const HARM_CATEGORIES = ["hate", "sexual", "violence", "selfharm"];

/** Modes that return content before it is filtered (`Deferred` was renamed `Asynchronous_filter`). */
const NON_BLOCKING_MODES = ["deferred", "asynchronous_filter"];

/** "Indirect Attack", "indirect_attack" and "IndirectAttack" all become `indirectattack`. */
export function normalisedFilterName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, "");
}

function describe(filter: unknown): string {
  const name = knownString(get(filter, "name")) ?? "?";
  const source = knownString(get(filter, "source"));
  return source === undefined ? `"${name}"` : `"${name}" on ${source}`;
}

/** Why an enabled-or-not filter does not block: `undefined` when it is on and blocking (or unknown). */
function filterWeakness(filter: unknown): string | undefined {
  const enabled = get(filter, "enabled");
  if (!isUnknown(enabled) && knownBoolean(enabled) !== true) {
    return `${describe(filter)} is off`;
  }
  const action = get(filter, "action");
  const actionText = knownString(action);
  if (actionText !== undefined && actionText.toUpperCase() !== "BLOCKING") {
    return `${describe(filter)} has action ${actionText}, not BLOCKING`;
  }
  if (actionText?.toUpperCase() === "BLOCKING" || isUnknown(action)) {
    return undefined;
  }
  const blocking = get(filter, "blocking");
  if (!isUnknown(blocking) && knownBoolean(blocking) !== true) {
    return `${describe(filter)} annotates without blocking (blocking is not true)`;
  }
  return undefined;
}

function filtersOf(policyProps: unknown): readonly unknown[] {
  return knownArray(get(policyProps, "properties", "contentFilters"));
}

/** The policy's mode problem, if it returns completions before they are filtered. */
export function modeWeakness(policyProps: unknown): string | undefined {
  const mode = knownString(get(policyProps, "properties", "mode"));
  return mode !== undefined && NON_BLOCKING_MODES.includes(mode.toLowerCase())
    ? `mode ${mode} returns content before it is filtered`
    : undefined;
}

/** Prompt Shields problems: Jailbreak and Indirect Attack must be present, on and blocking. */
export function promptShieldWeaknesses(policyProps: unknown): string[] {
  const filters = filtersOf(policyProps);
  const contentFilters = get(policyProps, "properties", "contentFilters");
  if (isUnknown(contentFilters)) {
    return [];
  }
  return Object.entries(PROMPT_SHIELDS).flatMap(([key, name]) => {
    const matching = filters.filter(
      (filter) => normalisedFilterName(knownString(get(filter, "name")) ?? "") === key,
    );
    if (matching.length === 0) {
      return [`Prompt Shields filter "${name}" is not configured`];
    }
    return matching.map(filterWeakness).filter((problem): problem is string => problem !== undefined);
  });
}

/** Content-filter problems: a harm-category filter (hate, sexual, violence, self-harm) that is off or does not block. */
export function harmFilterWeaknesses(policyProps: unknown): string[] {
  return filtersOf(policyProps)
    .filter((filter) =>
      HARM_CATEGORIES.includes(normalisedFilterName(knownString(get(filter, "name")) ?? "")),
    )
    .map(filterWeakness)
    .filter((problem): problem is string => problem !== undefined);
}
