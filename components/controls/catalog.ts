import { encryptionControls } from "./catalog-encryption";
import { transportControls } from "./catalog-transport";
import { networkControls } from "./catalog-network";
import { identityControls } from "./catalog-identity";
import { loggingControls } from "./catalog-logging";
import { detectionControls } from "./catalog-detection";
import { modelControls } from "./catalog-model";
import { governanceControls } from "./catalog-governance";
import { infrastructureAiMappings } from "./ai-mappings-infrastructure";
import { operationsAiMappings } from "./ai-mappings-operations";
import { CONTROL_IDS, isControlId, type ControlId } from "./ids";
import {
  CONTROL_DOMAINS,
  type AiFrameworkMapping,
  type ControlDefinition,
  type ControlDomain,
  type ControlDraft,
} from "./types";

/** Recursively freezes a plain data value so that no consumer can change the shared catalog. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The generative-AI mappings of every control, from the `ai-mappings-*.ts` files. */
const AI_MAPPINGS: Readonly<Partial<Record<ControlId, AiFrameworkMapping>>> = {
  ...infrastructureAiMappings,
  ...operationsAiMappings,
};

/**
 * Puts the per-domain lists into CONTROL_IDS order and merges each control's generative-AI mappings into its
 * `frameworks`; fails loudly if an ID is missing, defined twice, or has no generative-AI mapping.
 */
function assemble(parts: readonly (readonly ControlDraft[])[]): readonly ControlDefinition[] {
  const byId = new Map<ControlId, ControlDraft>();
  for (const control of parts.flat()) {
    if (byId.has(control.id)) throw new Error(`controls catalog: ${control.id} is defined twice`);
    byId.set(control.id, control);
  }
  return deepFreeze(
    CONTROL_IDS.map((id): ControlDefinition => {
      const control = byId.get(id);
      if (control === undefined) throw new Error(`controls catalog: ${id} has no definition`);
      const ai = AI_MAPPINGS[id];
      if (ai === undefined) throw new Error(`controls catalog: ${id} has no generative-AI framework mapping`);
      return { ...control, frameworks: { ...control.frameworks, ...ai } };
    }),
  );
}

/** Every control of `../shared/controls.md`, one per ID, in CONTROL_IDS order. Deeply frozen. */
export const controlCatalog: readonly ControlDefinition[] = assemble([
  encryptionControls,
  transportControls,
  networkControls,
  identityControls,
  loggingControls,
  detectionControls,
  modelControls,
  governanceControls,
]);

const catalogById: ReadonlyMap<string, ControlDefinition> = new Map(controlCatalog.map((c) => [c.id, c]));

/**
 * The definition of one control.
 * @throws RangeError when `id` is not a control ID of the catalog.
 */
export function getControl(id: string): ControlDefinition {
  const control = isControlId(id) ? catalogById.get(id) : undefined;
  if (control === undefined) {
    throw new RangeError(
      `unknown control ID ${JSON.stringify(id)}; expected one of ${CONTROL_IDS[0]} … ${CONTROL_IDS[CONTROL_IDS.length - 1]}`,
    );
  }
  return control;
}

/** The catalog grouped by domain: every domain is present (possibly empty), controls in catalog order. */
export function controlsByDomain(): Readonly<Record<ControlDomain, readonly ControlDefinition[]>> {
  const groups = Object.fromEntries(CONTROL_DOMAINS.map((d) => [d, [] as ControlDefinition[]])) as Record<
    ControlDomain,
    ControlDefinition[]
  >;
  for (const control of controlCatalog) groups[control.domain].push(control);
  return groups;
}
