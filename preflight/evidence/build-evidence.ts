import type { ControlDefinition } from "../../components/controls/types";
import type { ControlStatus, Finding, PolicyInfo, StackRun } from "../model";
import {
  type ComponentControlEntry,
  type ComponentControlStatus,
  readComponentEvidence,
} from "./component-evidence";
import type { WaivableFinding } from "./pack-waivers";
import type { ControlEvidence, EvidenceSource, EvidenceWaiver, StackEvidence } from "./types";

/** What the evidence of one stack is computed from. */
export interface StackEvidenceInput {
  /** The engine's record of the stack. */
  run: StackRun;
  /** Every finding the packs reported for the stack (waived ones marked, see `withPackWaiver`). */
  findings: readonly WaivableFinding[];
  /** Every policy of every pack that ran, with its effective enforcement level. */
  policies: readonly PolicyInfo[];
  /** The controls catalog, in catalog order. */
  catalog: readonly ControlDefinition[];
}

/** Which component status wins when several SecureAiPlatform components report the same control. */
const COMPONENT_STATUS_RANK: Record<ComponentControlStatus, number> = {
  gap: 3,
  waived: 2,
  implemented: 1,
  "not-applicable": 0,
};

const STATUS_FROM_COMPONENT: Record<ComponentControlStatus, ControlStatus> = {
  gap: "gap",
  waived: "waived",
  implemented: "satisfied",
  "not-applicable": "not-applicable",
};

/**
 * Computes the status of every catalog control for one stack:
 * - `violated` when an enabled policy reported an unwaived finding against it;
 * - `waived` when a waiver covers it (the component's `waivers`, or a waived finding);
 * - otherwise the SecureAiPlatform component's own evidence when the program uses it (`implemented` becomes
 *   `satisfied`; `gap` and `not-applicable` stay);
 * - without component evidence: `not-applicable` when the program registers no cloud resource, `satisfied`
 *   when an enabled policy checks the control and found nothing, `gap` when nothing checks it.
 *
 * @param input - the run, its findings, the policies that ran and the catalog.
 */
export function buildStackEvidence(input: StackEvidenceInput): StackEvidence {
  const componentEntries = readComponentEvidence(input.run);
  const hasComponentEvidence = componentEntries.length > 0;
  const hasCloudResources = input.run.resources.some(
    (resource) => resource.custom && !resource.type.startsWith("pulumi:providers:"),
  );
  const controls = input.catalog.map((control) =>
    controlEvidence(control, {
      findings: input.findings.filter(
        (finding) => finding.enforcementLevel !== "disabled" && finding.controls.includes(control.id),
      ),
      entries: componentEntries.filter((entry) => entry.id === control.id),
      checkedBy: input.policies
        .filter((policy) => policy.enforcementLevel !== "disabled" && policy.controls.includes(control.id))
        .map((policy) => policy.name),
      hasComponentEvidence,
      hasCloudResources,
    }),
  );
  return { stack: input.run.stack, controls, hasComponentEvidence };
}

interface ControlInputs {
  findings: WaivableFinding[];
  entries: ComponentControlEntry[];
  checkedBy: string[];
  hasComponentEvidence: boolean;
  hasCloudResources: boolean;
}

function controlEvidence(control: ControlDefinition, inputs: ControlInputs): ControlEvidence {
  const unwaived = inputs.findings.filter((finding) => finding.waived !== true);
  const waivedFindings = inputs.findings.filter((finding) => finding.waived === true);
  const waivers = uniqueWaivers([
    ...inputs.entries.flatMap((entry) => (entry.waiver ? [entry.waiver] : [])),
    ...waivedFindings.map((finding) => findingWaiver(finding, control.id)),
  ]);
  const resources = [...new Set(inputs.entries.flatMap((entry) => entry.resources))];
  const notes = [...new Set(inputs.entries.flatMap((entry) => (entry.note ? [entry.note] : [])))];
  const componentStatus = mergedComponentStatus(inputs.entries);
  const source: EvidenceSource =
    componentStatus !== undefined
      ? inputs.checkedBy.length > 0
        ? "component+policies"
        : "component"
      : inputs.checkedBy.length > 0
        ? "policies"
        : "none";
  const evidence = (status: ControlStatus, extraNotes: string[] = []): ControlEvidence => ({
    id: control.id,
    status,
    resources,
    findings: unwaived,
    waivedFindings,
    waivers,
    checkedBy: inputs.checkedBy,
    notes: [...notes, ...extraNotes],
    source,
  });

  if (unwaived.length > 0) {
    return evidence("violated");
  }
  if (componentStatus === "waived" || waivedFindings.length > 0) {
    return evidence("waived");
  }
  if (componentStatus !== undefined) {
    return evidence(STATUS_FROM_COMPONENT[componentStatus]);
  }
  if (!inputs.hasCloudResources) {
    return evidence("not-applicable", ["The program registers no cloud resources."]);
  }
  if (inputs.checkedBy.length > 0) {
    const scope = inputs.hasComponentEvidence ? "" : " (no SecureAiPlatform evidence: policy results only)";
    return evidence("satisfied", [`No violation reported by ${inputs.checkedBy.join(", ")}${scope}.`]);
  }
  const reason = control.checkableAtDeploy
    ? "No enabled policy checks this control and no component reported evidence for it."
    : `Not checkable at deploy time: ${(control.notCheckableReason ?? "no deploy-time policy exists").replace(/\.$/, "")}.`;
  return evidence("gap", [reason]);
}

function mergedComponentStatus(
  entries: readonly ComponentControlEntry[],
): ComponentControlStatus | undefined {
  let merged: ComponentControlStatus | undefined;
  for (const entry of entries) {
    if (merged === undefined || COMPONENT_STATUS_RANK[entry.status] > COMPONENT_STATUS_RANK[merged]) {
      merged = entry.status;
    }
  }
  return merged;
}

function findingWaiver(finding: WaivableFinding, control: string): EvidenceWaiver {
  return {
    control,
    reason: finding.waiver?.reason ?? `waived in the configuration of ${finding.policy}`,
    ...(finding.waiver?.expires !== undefined ? { expires: finding.waiver.expires } : {}),
    source: "policy-config",
    ...(finding.urn !== undefined ? { urn: finding.urn } : {}),
  };
}

function uniqueWaivers(waivers: readonly EvidenceWaiver[]): EvidenceWaiver[] {
  const seen = new Set<string>();
  return waivers.filter((waiver) => {
    const key = JSON.stringify([waiver.source, waiver.urn, waiver.reason, waiver.expires]);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/**
 * Mandatory violations among findings: mandatory enforcement and not covered by a waiver. These decide
 * exit code 1.
 *
 * @param findings - the findings of one or more stacks.
 */
export function countMandatoryViolations(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.enforcementLevel === "mandatory" && finding.waived !== true)
    .length;
}
