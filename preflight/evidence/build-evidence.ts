import type { ControlDefinition } from "../../components/controls/types";
import type { ControlStatus, Examination, Finding, PolicyInfo, StackRun } from "../model";
import {
  type ComponentControlEntry,
  type ComponentControlStatus,
  readComponentEvidence,
} from "./component-evidence";
import type { WaivableFinding } from "./pack-waivers";
import type { ControlEvidence, EvidenceSource, EvidenceWaiver, StackEvidence } from "./types";
import { findUnexamined, type UnexaminedResource } from "./unexamined";

/** What the evidence of one stack is computed from. */
export interface StackEvidenceInput {
  /** The engine's record of the stack (the update pass's when it ran). */
  run: StackRun;
  /** Every finding the packs reported for the stack, over all passes (waived ones marked). */
  findings: readonly WaivableFinding[];
  /** Every policy of every pack that ran, with its effective enforcement level. */
  policies: readonly PolicyInfo[];
  /** The controls catalog, in catalog order. */
  catalog: readonly ControlDefinition[];
  /**
   * What each policy examined, over all passes. @default [] (nothing examined: no control can be satisfied)
   */
  examinations?: readonly Examination[];
}

/** Which component status wins when several SecureAiPlatform components report the same control. */
const COMPONENT_STATUS_RANK: Record<ComponentControlStatus, number> = {
  gap: 3,
  waived: 2,
  implemented: 1,
  "not-applicable": 0,
};

/**
 * Computes the status of every catalog control for one stack, from what was observed:
 * - `violated`: an enabled policy reported an unwaived finding against it (in any pass);
 * - `waived`: a waiver covers it (the component's `waivers`, or a waived finding);
 * - `gap`: the SecureAiPlatform component reports that the cloud cannot meet it, or no deploy-time check
 *   can exist for it;
 * - `satisfied`: at least one resource of the control's concern was examined by a policy of the control
 *   with every value it read known, and nothing of its concern was left unread;
 * - `unverified`: something it concerns could not be examined (values unknown, a component's claim no policy
 *   examined, remote components whose children may hold what it concerns) — `reasons` says what;
 * - `not-applicable`: the stack holds nothing the control concerns (or the component says so).
 *
 * @param input - the run, its findings and examinations, the policies that ran and the catalog.
 */
export function buildStackEvidence(input: StackEvidenceInput): StackEvidence {
  const componentEntries = readComponentEvidence(input.run);
  const examinations = input.examinations ?? [];
  const unexamined = findUnexamined(input.run.resources, examinations);
  const hasCloudResources = input.run.resources.some(
    (resource) =>
      (resource.custom && !resource.type.startsWith("pulumi:providers:")) || resource.remote === true,
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
      examinations: examinations.filter((examination) => examination.controls.includes(control.id)),
      hasCloudResources,
      unexamined,
      typeOf: new Map(input.run.resources.map((resource) => [resource.urn, resource.type])),
    }),
  );
  return { stack: input.run.stack, controls, hasComponentEvidence: componentEntries.length > 0, unexamined };
}

interface ControlInputs {
  findings: WaivableFinding[];
  entries: ComponentControlEntry[];
  checkedBy: string[];
  examinations: Examination[];
  hasCloudResources: boolean;
  unexamined: readonly UnexaminedResource[];
  typeOf: ReadonlyMap<string, string>;
}

/** URNs examined with values known, and per URN what could not be read (never read in any pass). */
function observed(examinations: readonly Examination[]): { known: string[]; unread: Map<string, string[]> } {
  const knownPairs = new Set<string>();
  const known: string[] = [];
  for (const examination of examinations) {
    if (examination.outcome === "examined") {
      knownPairs.add(`${examination.urn}\u0000${examination.policy}`);
      if (!known.includes(examination.urn)) {
        known.push(examination.urn);
      }
    }
  }
  const unread = new Map<string, string[]>();
  for (const examination of examinations) {
    if (
      examination.outcome === "unknown-inputs" &&
      !knownPairs.has(`${examination.urn}\u0000${examination.policy}`)
    ) {
      const list = unread.get(examination.urn) ?? [];
      list.push(
        `${examination.policy} could not read ${examination.detail || "its inputs"} (${examination.pass})`,
      );
      unread.set(examination.urn, list);
    }
  }
  return { known, unread };
}

function controlEvidence(control: ControlDefinition, inputs: ControlInputs): ControlEvidence {
  const unwaived = inputs.findings.filter((finding) => finding.waived !== true);
  const waivedFindings = inputs.findings.filter((finding) => finding.waived === true);
  const waivers = uniqueWaivers([
    ...inputs.entries.flatMap((entry) => (entry.waiver ? [entry.waiver] : [])),
    ...waivedFindings.map((finding) => findingWaiver(finding, control.id)),
  ]);
  const componentResources = [...new Set(inputs.entries.flatMap((entry) => entry.resources))];
  const notes = [...new Set(inputs.entries.flatMap((entry) => (entry.note ? [entry.note] : [])))];
  const componentStatus = mergedComponentStatus(inputs.entries);
  const { known, unread } = observed(inputs.examinations);
  const findingUrns = unwaived.flatMap((finding) => [
    ...(finding.urn !== undefined ? [finding.urn] : []),
    ...(finding.related ?? []),
  ]);
  const source: EvidenceSource =
    componentStatus !== undefined
      ? inputs.checkedBy.length > 0
        ? "component+policies"
        : "component"
      : inputs.checkedBy.length > 0
        ? "policies"
        : "none";
  const evidence = (
    status: ControlStatus,
    reasons: string[] = [],
    extraNotes: string[] = [],
  ): ControlEvidence => ({
    id: control.id,
    status,
    resources: [...new Set([...known, ...findingUrns])],
    componentResources,
    reasons,
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
  if (componentStatus === "gap") {
    return evidence(
      "gap",
      notes.length > 0 ? [] : ["SecureAiPlatform reports that the cloud cannot meet it."],
    );
  }
  const label = (urn: string) => `${inputs.typeOf.get(urn) ?? "resource"} ${urn.split("::").pop() ?? urn}`;
  if (unread.size > 0) {
    const reasons = [...unread.entries()].map(([urn, details]) => `${label(urn)}: ${details.join("; ")}`);
    return evidence("unverified", reasons);
  }
  if (known.length > 0) {
    const byPolicy = new Set(
      inputs.examinations.filter((examination) => examination.outcome === "examined").map((e) => e.policy),
    );
    const passes = [...new Set(inputs.examinations.map((examination) => examination.pass))].join(" and ");
    return evidence(
      "satisfied",
      [],
      [
        `Examined by ${[...byPolicy].join(", ")} on ${known.length} resource${known.length === 1 ? "" : "s"} (${passes} pass).`,
      ],
    );
  }
  // Nothing of the control's concern was examined.
  if (componentStatus === "not-applicable") {
    return evidence(
      "not-applicable",
      notes.length > 0 ? [] : ["SecureAiPlatform reports nothing it concerns."],
    );
  }
  if (!control.checkableAtDeploy) {
    return evidence("gap", [
      `Not checkable at deploy time: ${(control.notCheckableReason ?? "no deploy-time policy exists").replace(/\.$/, "")}.`,
    ]);
  }
  if (componentStatus === "implemented") {
    return evidence("unverified", [
      componentResources.length > 0
        ? `SecureAiPlatform reports it implemented by ${componentResources.length} resource${componentResources.length === 1 ? "" : "s"}, but no enabled policy examined any of them.`
        : "SecureAiPlatform reports it implemented, but names no resource and no enabled policy examined one.",
    ]);
  }
  if (inputs.checkedBy.length === 0) {
    return inputs.hasCloudResources
      ? evidence("unverified", ["No enabled policy checks this control."])
      : evidence("not-applicable", ["The program registers no cloud resources."]);
  }
  if (!inputs.hasCloudResources) {
    return evidence("not-applicable", ["The program registers no cloud resources."]);
  }
  // A remote component's children may be of any type; nothing can be said without them.
  const remote = inputs.unexamined.filter((entry) => entry.reason === "remote-component");
  if (remote.length > 0) {
    return evidence("unverified", [
      `No resource of a type its policies examine was seen, but the stack holds ${remote.length} remote component${remote.length === 1 ? "" : "s"} whose children an offline run cannot see (${[...new Set(remote.map((entry) => entry.type))].join(", ")}).`,
    ]);
  }
  // Resources of types no policy examines are, by the policies' own declarations, of no control's concern;
  // they are listed as unexamined, and the reason says so.
  const unpoliced = inputs.unexamined.filter((entry) => entry.reason === "no-policy").length;
  const caveat =
    unpoliced > 0
      ? ` ${unpoliced} resource${unpoliced === 1 ? " of a type no policy examines is" : "s of types no policy examines are"} listed as not examined.`
      : "";
  return evidence("not-applicable", [
    `The stack holds no resource of a type its policies (${inputs.checkedBy.join(", ")}) examine.${caveat}`,
  ]);
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
