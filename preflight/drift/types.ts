import type { ControlStatus } from "../model";

/** What happened to one finding between the baseline report and this run. */
export type DriftChange = "new" | "fixed" | "open" | "newly-waived" | "waiver-ended";

/** One finding (one resource and policy) compared with the baseline. */
export interface DriftFinding {
  change: DriftChange;
  /** URN of the resource (the stack's URN for a stack-level finding). */
  urn: string;
  /** Policy that reported it. */
  policy: string;
  /** SAI control IDs the policy enforces. */
  controls: string[];
  severity: string;
  enforcementLevel: string;
  /** The message of this run, or of the baseline for a fixed finding. */
  message: string;
  /** For `fixed`: the resource is no longer in the stack (removed), rather than changed. */
  resourceRemoved?: boolean;
}

/** A control whose status differs from the baseline's. */
export interface DriftControl {
  id: string;
  before: ControlStatus | "absent";
  after: ControlStatus;
}

/** A waiver whose expiry date fell between the baseline report and this run. */
export interface ExpiredWaiver {
  control: string;
  reason: string;
  expires: string;
  urn?: string;
}

/** The comparison for one stack. */
export interface StackDrift {
  stack: string;
  project: string;
  /** Whether the baseline held this stack; when not, every finding of the stack is `new`. */
  inBaseline: boolean;
  findings: DriftFinding[];
  controls: DriftControl[];
  expiredWaivers: ExpiredWaiver[];
}

/** Counts over all stacks. */
export interface DriftSummary {
  new: number;
  fixed: number;
  open: number;
  newlyWaived: number;
  waiverEnded: number;
  expiredWaivers: number;
  controlsChanged: number;
}

/** What changed since a previous report (`--baseline`). */
export interface DriftReport {
  baseline: {
    file: string;
    /** When the baseline report was generated. */
    generatedAt: string;
    /** The tool that wrote it (`secure-ai check`, `secure-ai audit`). */
    tool: string;
  };
  stacks: StackDrift[];
  /** Stacks of the baseline this run did not assess: nothing is said about them (not fixed, not open). */
  notAssessed: { stack: string; project: string }[];
  summary: DriftSummary;
}
