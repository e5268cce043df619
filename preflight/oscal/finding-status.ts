import type { ControlStatus } from "../model";
import type { OscalFindingTarget } from "./oscal-types";

/** How one evidence status is stated in an OSCAL finding target. */
export interface TargetStatus {
  /** OSCAL's objective state: `satisfied` only for a satisfied control. */
  state: OscalFindingTarget["status"]["state"];
  /** `pass` (satisfied), `fail` (violated) or `other` (every status that is neither). */
  reason: NonNullable<OscalFindingTarget["status"]["reason"]>;
  /** What the status means, for the target's status remarks. */
  meaning: string;
  /** OSCAL implementation state, when the evidence says one (only `not-applicable`). */
  implementationState?: "not-applicable";
}

/**
 * The mapping of evidence statuses to OSCAL objective states. Only `satisfied` is `satisfied`: OSCAL has two
 * states, and nothing the preflight did not observe to be met may be called satisfied, so a gap, a waiver,
 * an unverified control and a not-applicable one are all `not-satisfied` with reason `other`, and the
 * finding says which through its `evidence-status` prop and remarks.
 */
export const TARGET_STATUS: Readonly<Record<ControlStatus, TargetStatus>> = {
  satisfied: {
    state: "satisfied",
    reason: "pass",
    meaning:
      "Satisfied: a policy of the control examined its resources with every value it read known, and none violated it.",
  },
  violated: {
    state: "not-satisfied",
    reason: "fail",
    meaning: "Violated: an enabled policy reported an unwaived finding against the control.",
  },
  waived: {
    state: "not-satisfied",
    reason: "other",
    meaning:
      "Waived: a recorded waiver accepts that the control is weakened; it is not met as written. The waivers are in the remarks.",
  },
  gap: {
    state: "not-satisfied",
    reason: "other",
    meaning:
      "Gap: the cloud cannot fully meet the control, or no deploy-time check can exist for it. It was not observed to be met.",
  },
  "not-applicable": {
    state: "not-satisfied",
    reason: "other",
    meaning:
      "Not applicable: the stack holds nothing the control concerns. Nothing was observed, so it is not reported as satisfied.",
    implementationState: "not-applicable",
  },
  unverified: {
    state: "not-satisfied",
    reason: "other",
    meaning:
      "Unverified: something the control concerns could not be examined (values unknown, a claim no policy checked). It was not observed to be met.",
  },
};
