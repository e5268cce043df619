import type { ControlDefinition } from "../../components/controls/types";
import type { ControlEvidence } from "../evidence/types";
import { TARGET_STATUS } from "./finding-status";
import type { OscalFinding, OscalOrigin, OscalProperty } from "./oscal-types";
import { frameworkProps, saiProp } from "./properties";
import { stableUuid } from "./uuid";

/** What {@link buildFinding} needs besides the control. */
export interface FindingContext {
  /** URN of the stack the finding is about. */
  stackUrn: string;
  /** UUIDs of the observations that are evidence for each control ID. */
  observationsByControl: ReadonlyMap<string, readonly string[]>;
  /** Who made the finding (the tool). */
  origin: OscalOrigin;
}

function bullets(title: string, lines: readonly string[]): string[] {
  return lines.length > 0
    ? [`${title}:`, ...lines.map((line) => `- ${line.replace(/\s+/g, " ").trim()}`)]
    : [];
}

function waiverLines(evidence: ControlEvidence): string[] {
  return evidence.waivers.map(
    (waiver) =>
      `${waiver.reason} (declared in ${waiver.source === "component" ? "the SecureAiPlatform component" : "the policy configuration"}` +
      `${waiver.expires !== undefined ? `, until ${waiver.expires}` : ""}${waiver.urn !== undefined ? `, on ${waiver.urn}` : ""})`,
  );
}

function remarksOf(evidence: ControlEvidence): string {
  const sections = [
    bullets("Reasons", evidence.reasons),
    bullets(
      "Violations",
      evidence.findings.map(
        (finding) => `${finding.policy} on ${finding.urn ?? "the stack"}: ${finding.message}`,
      ),
    ),
    bullets("Waivers", waiverLines(evidence)),
    bullets("Notes", evidence.notes),
  ].filter((section) => section.length > 0);
  return [TARGET_STATUS[evidence.status].meaning, ...sections.map((section) => section.join("\n"))].join(
    "\n\n",
  );
}

function describe(control: ControlDefinition, evidence: ControlEvidence, observations: number): string {
  const checkedBy =
    evidence.checkedBy.length > 0
      ? `checked by ${evidence.checkedBy.join(", ")}`
      : "checked by no enabled policy";
  return (
    `${control.id} (${control.title}) is ${evidence.status} in this stack: ${checkedBy}; ` +
    `${evidence.resources.length} resource${evidence.resources.length === 1 ? "" : "s"} examined or named by a finding; ` +
    `${observations} related observation${observations === 1 ? "" : "s"}.`
  );
}

function evidenceProps(control: ControlDefinition, evidence: ControlEvidence): OscalProperty[] {
  return [
    ...saiProp("evidence-status", evidence.status),
    ...saiProp("evidence-source", evidence.source),
    ...saiProp("severity", control.severity),
    ...saiProp("domain", control.domain),
    ...evidence.checkedBy.flatMap((policy) => saiProp("checked-by", policy)),
    ...evidence.reasons.flatMap((reason) => saiProp("status-reason", reason)),
    ...evidence.componentResources.flatMap((urn) => saiProp("component-resource", urn)),
    ...frameworkProps(control),
  ];
}

/**
 * The finding for one control in one stack: its evidence status as the target's objective state (see
 * `TARGET_STATUS`: only `satisfied` is satisfied), the status, reasons, violations, waivers and notes in
 * props and remarks, the control's framework clauses as props, and the observations that are its evidence.
 *
 * @param control - the catalog control.
 * @param evidence - the control's evidence in the stack.
 * @param context - the stack's URN, the observations per control and the origin.
 */
export function buildFinding(
  control: ControlDefinition,
  evidence: ControlEvidence,
  context: FindingContext,
): OscalFinding {
  const status = TARGET_STATUS[evidence.status];
  const observations = context.observationsByControl.get(control.id) ?? [];
  const remarks = remarksOf(evidence);
  return {
    uuid: stableUuid("finding", context.stackUrn, control.id),
    title: `${control.id}: ${evidence.status}`,
    description: describe(control, evidence, observations.length),
    props: evidenceProps(control, evidence),
    origins: [context.origin],
    target: {
      type: "objective-id",
      "target-id": control.id,
      title: control.title,
      props: saiProp("evidence-status", evidence.status),
      status: { state: status.state, reason: status.reason, remarks: status.meaning },
      ...(status.implementationState !== undefined
        ? {
            "implementation-status": {
              state: status.implementationState,
              remarks: evidence.reasons.join(" ") || status.meaning,
            },
          }
        : {}),
      remarks,
    },
    ...(observations.length > 0
      ? { "related-observations": observations.map((uuid) => ({ "observation-uuid": uuid })) }
      : {}),
  };
}
