import type { ReportData, ReportStack } from "../report/report-data";
import { resourceLabel, resourceSubject } from "./inventory";
import { inlineCode } from "./markdown";
import type { OscalObservation, OscalOrigin } from "./oscal-types";
import { saiProp } from "./properties";
import { stableUuid } from "./uuid";

/** An observation that a resource could not be examined, and the controls it leaves unverified. */
export interface UnreadObservation {
  observation: OscalObservation;
  /** IDs of the `unverified` controls of the stack whose policies could not read the resource. */
  controls: string[];
}

/** The policies an `unknown-inputs` detail names (`<policy> could not read <what>; …`). */
function policiesIn(detail: string | undefined): string[] {
  return [
    ...new Set(
      (detail ?? "")
        .split("; ")
        .map((part) => part.split(" could not read ")[0]?.trim() ?? "")
        .filter((name) => name !== ""),
    ),
  ];
}

/**
 * One observation per resource whose policies could not read values they needed in any pass (the evidence's
 * `unknown-inputs` entries), related to the `unverified` controls of those policies: it records what was
 * looked at and not seen, so an unverified finding shows why it is not satisfied.
 *
 * @param stack - one stack of the report.
 * @param packs - the packs that ran, for the policies' controls.
 * @param context - timestamp and origin.
 */
export function unreadObservations(
  stack: ReportStack,
  packs: ReportData["packs"],
  context: { collected: string; origin: (packs: readonly string[]) => OscalOrigin },
): UnreadObservation[] {
  const policies = new Map(
    packs.flatMap((pack) =>
      pack.policies.map((policy) => [policy.name, { controls: policy.controls, pack: pack.name }] as const),
    ),
  );
  const unverified = new Set(
    stack.evidence.controls.filter((control) => control.status === "unverified").map((control) => control.id),
  );
  return stack.evidence.unexamined
    .filter((entry) => entry.reason === "unknown-inputs")
    .map((entry) => {
      const resource = stack.resources.find((candidate) => candidate.urn === entry.urn);
      const names = policiesIn(entry.detail);
      const controls = stack.evidence.controls
        .map((control) => control.id)
        .filter(
          (id) => unverified.has(id) && names.some((name) => policies.get(name)?.controls.includes(id)),
        );
      const packNames = [...new Set(names.flatMap((name) => policies.get(name)?.pack ?? []))];
      return {
        controls,
        observation: {
          uuid: stableUuid("observation-unread", stack.stackUrn, entry.urn),
          title: `Not examined: ${resourceLabel(entry.urn, resource)}`,
          description:
            `Policies looked at ${resourceLabel(entry.urn, resource)} (${inlineCode(entry.urn)}) but could not read ` +
            `values they needed, in every pass that ran: ${entry.detail ?? "no detail"}. This is no evidence ` +
            "that a control is met.",
          props: [
            ...names.flatMap((name) => saiProp("policy", name)),
            ...packNames.flatMap((pack) => saiProp("policy-pack", pack)),
            ...controls.flatMap((control) => saiProp("control", control)),
            ...saiProp("result", "not-examined"),
            ...saiProp("not-examined-reason", entry.reason),
          ],
          methods: ["EXAMINE"],
          types: ["control-objective"],
          origins: [context.origin(packNames)],
          subjects: [resourceSubject(entry.urn, resource)],
          collected: context.collected,
        },
      };
    });
}
