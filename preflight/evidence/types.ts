import type { ControlId } from "../../components/controls/ids";
import type { ControlStatus, Finding } from "../model";
import type { UnexaminedResource } from "./unexamined";

/** A reasoned exception to a control, as the evidence shows it. */
export interface EvidenceWaiver {
  /** The control waived. */
  control: string;
  /** Why the control is weakened. */
  reason: string;
  /** ISO date after which the waiver no longer applies, when it has one. */
  expires?: string;
  /** Where the waiver was declared: a SecureAiPlatform's `waivers` argument, or the pack's configuration. */
  source: "component" | "policy-config";
  /** URN of the component or resource the waiver belongs to, when known. */
  urn?: string;
}

/** Where the status of a control came from. */
export type EvidenceSource = "component" | "policies" | "component+policies" | "none";

/** The evidence for one control in one stack. */
export interface ControlEvidence {
  /** Control ID, e.g. `SAI-ENC-01`. */
  id: ControlId;
  status: ControlStatus;
  /**
   * URNs of the resources of the control's concern that a policy examined with every value it read known
   * (never empty when `satisfied`), plus those a finding names.
   */
  resources: string[];
  /** URNs a SecureAiPlatform component lists as implementing the control (its own claim). */
  componentResources: string[];
  /** Why the control is `unverified`, `not-applicable` or a `gap`: what could not be examined, or is absent. */
  reasons: string[];
  /** Unwaived findings against the control. */
  findings: Finding[];
  /** Findings against the control that a waiver covers. */
  waivedFindings: Finding[];
  /** Waivers that apply to the control. */
  waivers: EvidenceWaiver[];
  /** Names of the enabled policies that check the control. */
  checkedBy: string[];
  /** Human-readable explanations: the component's notes, gap reasons, why not applicable. */
  notes: string[];
  source: EvidenceSource;
}

/** The evidence for every catalog control in one stack. */
export interface StackEvidence {
  stack: string;
  /** One entry per catalog control, in catalog order. */
  controls: ControlEvidence[];
  /** Whether a SecureAiPlatform component in the stack reported its own evidence. */
  hasComponentEvidence: boolean;
  /** Resources the preflight could not examine, with the reason. */
  unexamined: UnexaminedResource[];
}
