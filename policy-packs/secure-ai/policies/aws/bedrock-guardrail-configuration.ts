/**
 * Reading a Bedrock guardrail configuration (`{ guardrailIdentifier, guardrailVersion }`, the shape of an
 * agent's `guardrailConfigurations` entries and of a flow node's `guardrailConfiguration`) for the SAI-MOD-03
 * policies. Values are read through `../lib` so an unknown identifier is noted, never taken as present.
 */
import { get, isSet, knownArray, type Value } from "../lib";

/** What is missing from one guardrail configuration: `[]` when it names a guardrail and a version. */
export function guardrailGaps(configuration: Value): string[] {
  if (!isSet(configuration)) {
    return ["no guardrailConfiguration"];
  }
  const gaps: string[] = [];
  if (!isSet(get(configuration, "guardrailIdentifier"))) gaps.push("guardrailIdentifier is not set");
  if (!isSet(get(configuration, "guardrailVersion"))) gaps.push("guardrailVersion is not set");
  return gaps;
}

/** Whether an agent's `guardrailConfigurations` list names a guardrail and version (unknown parts count as set). */
export function agentHasGuardrail(agentProps: unknown): boolean {
  const configurations = get(agentProps, "guardrailConfigurations");
  if (!isSet(configurations)) {
    return false;
  }
  const entries = knownArray(configurations);
  return entries.length === 0 || entries.some((entry) => guardrailGaps(entry).length === 0);
}

/** The nodes of a flow that invoke a model: knowledge-base nodes (retrieve and generate) and prompt nodes. */
export function modelNodesOf(flowProps: unknown): { name: string; kind: string; configuration: Value }[] {
  return knownArray(get(flowProps, "definition", "nodes")).flatMap((node, index) => {
    const name = String(get(node, "name") ?? `#${index}`);
    return (["knowledgeBase", "prompt"] as const)
      .map((kind) => ({ name, kind, configuration: get(node, "configuration", kind) }))
      .filter((entry) => isSet(entry.configuration));
  });
}
