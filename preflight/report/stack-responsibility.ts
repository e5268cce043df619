import { type ResponsibilityTable, responsibilityTable } from "../../components/controls/responsibility";
import type { ControlDefinition } from "../../components/controls/types";
import { CLOUDS, type CloudName } from "../../components/spec/resolved";
import { MODEL_SCOPES, type ModelScope } from "../../components/spec/scopes";
import { PLATFORM_COMPONENT_TYPE } from "../evidence/component-evidence";
import type { StackEvidence } from "../evidence/types";
import type { RecordedValue, StackRun } from "../model";

/** The shared-responsibility table of one SecureAiPlatform of a stack, with the preflight's statuses. */
export interface ReportResponsibility extends ResponsibilityTable {
  /** URN of the SecureAiPlatform component the table belongs to. */
  component: string;
  /** The component's name. */
  name: string;
}

/** Strips secret wrappers (a parent's secrecy can propagate to the output). */
function unwrap(value: RecordedValue | undefined): RecordedValue | undefined {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "$secret" in value) {
    return unwrap(value.$secret as RecordedValue);
  }
  return value;
}

function field(value: RecordedValue | undefined, key: string): RecordedValue | undefined {
  const record = unwrap(value);
  if (record === null || record === undefined || typeof record !== "object" || Array.isArray(record)) {
    return undefined;
  }
  return unwrap((record as Record<string, RecordedValue>)[key]);
}

/** The cloud and the models' scopes a component's `responsibility` output names, or undefined if unreadable. */
function readScopes(
  output: RecordedValue | undefined,
): { cloud: CloudName; models: { name: string; scope: ModelScope }[] } | undefined {
  const cloud = field(output, "cloud");
  const models = field(output, "models");
  if (typeof cloud !== "string" || !(CLOUDS as readonly string[]).includes(cloud) || !Array.isArray(models)) {
    return undefined;
  }
  const entries = models.flatMap((item) => {
    const name = field(item, "model");
    const scope = field(item, "scope");
    return typeof name === "string" &&
      typeof scope === "string" &&
      (MODEL_SCOPES as readonly string[]).includes(scope)
      ? [{ name, scope: scope as ModelScope }]
      : [];
  });
  return { cloud: cloud as CloudName, models: entries };
}

/**
 * The shared-responsibility table of every SecureAiPlatform in a stack run: the cloud and model scopes come from
 * the component's `responsibility` output, the controls' statuses from the preflight's evidence for the stack
 * (what the policies and the component showed, not the component's claim alone). Empty when the stack has no
 * such component or the engine recorded no component outputs.
 *
 * @param run - the engine's record of one stack.
 * @param evidence - the preflight's evidence for the stack.
 * @param catalog - the controls catalog.
 */
export function stackResponsibility(
  run: StackRun,
  evidence: StackEvidence,
  catalog: readonly ControlDefinition[],
): ReportResponsibility[] {
  const outputs = run.resourceOutputs;
  if (outputs === undefined) return [];
  const status = new Map<string, string>(evidence.controls.map((control) => [control.id, control.status]));
  return run.resources.flatMap((resource): ReportResponsibility[] => {
    if (resource.type !== PLATFORM_COMPONENT_TYPE) return [];
    const scopes = readScopes(outputs[resource.urn]?.["responsibility"]);
    if (scopes === undefined) return [];
    const table = responsibilityTable(scopes.cloud, scopes.models, (id) => status.get(id), catalog);
    return [{ component: resource.urn, name: resource.name, ...table }];
  });
}
