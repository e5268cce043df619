import { controlCatalog, getControl } from "../controls/catalog";
import type { ControlId } from "../controls/ids";

/*
 * The guardrails' view of the controls catalog: which guardrail enforces which control is recorded once, in
 * `CloudImplementation.guardrails`, and the builders read it from here to decide which resources each
 * control's evidence cites.
 */

/** A cloud SecureAiGuardrails builds for. */
export type GuardrailCloud = "aws" | "gcp" | "azure";

/** The control every guardrail serves first: no single credential may weaken production. */
export const FIRST_GUARDRAIL_CONTROL: ControlId = "SAI-IAM-05";

/**
 * The identifiers of the guardrails that enforce a control on a cloud (statement Sids on AWS, constraint
 * names on GCP, built-in definition GUIDs on Azure), as the catalog lists them; empty when none does.
 */
export function guardrailsEnforcing(control: ControlId, cloud: GuardrailCloud): readonly string[] {
  return getControl(control).clouds[cloud].guardrails ?? [];
}

/** The controls a guardrail enforces on a cloud: SAI-IAM-05 first, then in catalog order. */
export function controlsEnforcedBy(cloud: GuardrailCloud, guardrail: string): ControlId[] {
  const controls = controlCatalog
    .filter((control) => (control.clouds[cloud].guardrails ?? []).includes(guardrail))
    .map((control) => control.id);
  return [
    ...controls.filter((id) => id === FIRST_GUARDRAIL_CONTROL),
    ...controls.filter((id) => id !== FIRST_GUARDRAIL_CONTROL),
  ];
}

/** The controls at least one guardrail enforces on a cloud, in catalog order. */
export function controlsWithGuardrails(cloud: GuardrailCloud): ControlId[] {
  return controlCatalog
    .filter((control) => (control.clouds[cloud].guardrails ?? []).length > 0)
    .map((control) => control.id);
}
