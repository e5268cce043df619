import type { CloudImplementation, ControlDefinition } from "../../components/controls/types";
import type { OscalImplementedRequirement, OscalProperty } from "./oscal-types";
import { frameworkProps, saiProp } from "./properties";
import { stableUuid } from "./uuid";

/** The clouds SecureAiPlatform builds on, each a component of the component definition. */
export type PlatformCloud = "aws" | "gcp" | "azure";

/**
 * How completely a cloud implements a control, in OSCAL's implementation-status vocabulary:
 * `implemented` when the catalog names no limitation; `partial` when it names one, whether it always
 * applies (the evidence reports a `gap`) or only under a condition (a `gap` when the condition holds).
 */
export type ImplementationState = "implemented" | "partial";

/**
 * The implementation state of a control on one cloud.
 *
 * @param implementation - the catalog's entry for the cloud.
 */
export function implementationState(implementation: CloudImplementation): ImplementationState {
  return implementation.limitation === undefined ? "implemented" : "partial";
}

/**
 * The description of a control on a cloud: what the component builds, then the limitation and when it
 * applies, so the gap is stated where the implementation is.
 */
function describe(implementation: CloudImplementation): string {
  if (implementation.limitation === undefined) {
    return implementation.implementation;
  }
  const when =
    implementation.limitationCondition !== undefined
      ? `Limitation, when ${implementation.limitationCondition}`
      : "Limitation (always applies: a gap on this cloud)";
  return `${implementation.implementation}\n\n${when}: ${implementation.limitation}`;
}

function limitationProps(implementation: CloudImplementation): OscalProperty[] {
  if (implementation.limitation === undefined) {
    return [];
  }
  return [
    ...saiProp(
      "limitation-applies",
      implementation.limitationCondition !== undefined ? "conditionally" : "always",
    ),
    ...(implementation.limitationCondition !== undefined
      ? saiProp("limitation-condition", implementation.limitationCondition)
      : []),
  ];
}

/**
 * The implemented requirement of one catalog control for the component of one cloud: the catalog's
 * implementation text as the description, the limitation (a gap) stated in it and in props, and props for
 * the implementation status, whether a deploy-time policy can check it, the preventive guardrails and the
 * framework clauses.
 *
 * @param control - a catalog control.
 * @param cloud - the cloud whose component implements it.
 */
export function implementedRequirement(
  control: ControlDefinition,
  cloud: PlatformCloud,
): OscalImplementedRequirement {
  const implementation = control.clouds[cloud];
  const props: OscalProperty[] = [
    ...saiProp("implementation-status", implementationState(implementation)),
    ...limitationProps(implementation),
    ...saiProp("checkable-at-deploy", String(control.checkableAtDeploy)),
    ...saiProp("control-title", control.title),
    ...saiProp("domain", control.domain),
    ...saiProp("severity", control.severity),
    ...(implementation.guardrails ?? []).flatMap((guardrail) => saiProp("guardrail", guardrail)),
    ...frameworkProps(control),
  ];
  const remarks = [
    ...(control.checkableAtDeploy
      ? []
      : [
          `No deploy-time policy can check this control: ${control.notCheckableReason ?? "no reason recorded"}`,
        ]),
  ];
  return {
    uuid: stableUuid("implemented-requirement", cloud, control.id),
    "control-id": control.id,
    description: describe(implementation),
    props,
    ...(remarks.length > 0 ? { remarks: remarks.join("\n\n") } : {}),
  };
}
