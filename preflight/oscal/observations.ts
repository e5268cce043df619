import type { Finding } from "../model";
import type { ReportResource, ReportStack } from "../report/report-data";
import type { ExaminedPair, PolicyAttribution } from "./examined-pairs";
import { resourceLabel, resourceSubject } from "./inventory";
import { codeBlock, inlineCode } from "./markdown";
import type { OscalObservation, OscalOrigin } from "./oscal-types";
import { saiProp } from "./properties";
import { stableUuid } from "./uuid";

/** What {@link buildObservation} needs besides the pair. */
export interface ObservationContext {
  /** The stack the examined resource belongs to. */
  stack: ReportStack;
  /** The report's timestamp: when the values were collected. */
  collected: string;
  /** Who made the observation: the tool and the packs of the policies. */
  origin: (packs: readonly string[]) => OscalOrigin;
  /** Whether to include the resource's masked inputs as relevant evidence. */
  includeInputs: boolean;
}

/**
 * The UUID of the observation of one examined pair.
 *
 * @param stackUrn - the stack's URN.
 * @param pair - the resource and policies.
 */
export function observationUuid(stackUrn: string, pair: Pick<ExaminedPair, "urn" | "policies">): string {
  return stableUuid("observation", stackUrn, pair.urn, ...pair.policies);
}

const ATTRIBUTION_TEXT: Record<PolicyAttribution, string> = {
  finding: "The policy reported a finding on this resource.",
  "examines-type": "The policy declares that it examines resources of this type.",
  "only-policy": "It is the only enabled policy of these controls that examines resources of this type.",
  "one-of":
    "The report records that a policy of these controls examined the resource with every value it read " +
    "known, not which one; any of the listed policies may have.",
};

function whoExamined(pair: ExaminedPair): string {
  if (pair.policies.length === 0) {
    return "A policy";
  }
  if (pair.policies.length === 1) {
    return `The policy ${inlineCode(pair.policies[0] ?? "")}`;
  }
  return `One or more of the policies ${pair.policies.map(inlineCode).join(", ")}`;
}

function findingLines(findings: readonly Finding[], waived: boolean): string[] {
  return findings.map(
    (finding) =>
      `- ${waived ? "waived " : ""}${finding.enforcementLevel} ${finding.severity}: ${finding.message.replace(/\s+/g, " ").trim()}`,
  );
}

function describe(pair: ExaminedPair, resource: ReportResource | undefined): string {
  const subject = `${whoExamined(pair)} examined ${resourceLabel(pair.urn, resource)} (${inlineCode(pair.urn)}) for ${pair.controls.join(", ")}.`;
  if (pair.findings.length === 0 && pair.waivedFindings.length === 0) {
    return `${subject} It reported no violation on this resource.`;
  }
  const count = pair.findings.length + pair.waivedFindings.length;
  return [
    `${subject} It reported ${count} violation${count === 1 ? "" : "s"}:`,
    "",
    ...findingLines(pair.findings, false),
    ...findingLines(pair.waivedFindings, true),
  ].join("\n");
}

function outcome(pair: ExaminedPair): "violation" | "waived-violation" | "no-violation" {
  return pair.findings.length > 0
    ? "violation"
    : pair.waivedFindings.length > 0
      ? "waived-violation"
      : "no-violation";
}

function inputsEvidence(resource: ReportResource | undefined): OscalObservation["relevant-evidence"] {
  if (resource === undefined || Object.keys(resource.inputs).length === 0) {
    return undefined;
  }
  return [
    {
      description:
        "The resource's inputs as the preflight recorded them and the policy read them, masked: values not " +
        'known at preview are "[unknown]" and secrets are "[secret]".\n\n' +
        codeBlock(JSON.stringify(resource.inputs, null, 2)),
      props: saiProp("evidence-kind", "masked-inputs"),
    },
  ];
}

/**
 * The observation of one examined pair: method `EXAMINE` (a policy read the resource's declared
 * configuration; nothing was exercised), type `finding` when a violation was reported and `control-objective`
 * otherwise, the resource as subject, the policies, controls and outcome as props, the violations in the
 * description and the masked inputs as relevant evidence.
 *
 * @param pair - the resource and policies.
 * @param context - the stack, timestamp and origin.
 */
export function buildObservation(pair: ExaminedPair, context: ObservationContext): OscalObservation {
  const resource = context.stack.resources.find((entry) => entry.urn === pair.urn);
  const result = outcome(pair);
  const evidence = context.includeInputs ? inputsEvidence(resource) : undefined;
  return {
    uuid: observationUuid(context.stack.stackUrn, pair),
    title: `${pair.policies.length > 0 ? pair.policies.join(" / ") : "policy"} on ${resourceLabel(pair.urn, resource)}`,
    description: describe(pair, resource),
    props: [
      ...pair.policies.flatMap((policy) => saiProp("policy", policy)),
      ...pair.packs.flatMap((pack) => saiProp("policy-pack", pack)),
      ...pair.controls.flatMap((control) => saiProp("control", control)),
      ...saiProp("result", result),
      ...saiProp("policy-attribution", pair.attribution, ATTRIBUTION_TEXT[pair.attribution]),
    ],
    methods: ["EXAMINE"],
    types: [result === "no-violation" ? "control-objective" : "finding"],
    origins: [context.origin(pair.packs)],
    subjects: [resourceSubject(pair.urn, resource)],
    ...(evidence !== undefined ? { "relevant-evidence": evidence } : {}),
    collected: context.collected,
    ...(pair.waivedFindings.length > 0
      ? { remarks: "A waiver covers the waived violations; the finding of each control names the waiver." }
      : {}),
  };
}
