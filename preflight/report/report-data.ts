import type { DriftReport } from "../drift/types";
import type { ControlDefinition } from "../../components/controls/types";
import type { StackEvidence } from "../evidence/types";
import type { WaivableFinding } from "../evidence/pack-waivers";
import type { WaiverProblem } from "../evidence/waiver-status";
import type { Pass, PolicyPackSummary, SourceLocation } from "../model";
import type { DisplayValue } from "./display-value";
import type { ReportResponsibility } from "./stack-responsibility";

/** One resource as the reports show it: inputs already masked. */
export interface ReportResource {
  urn: string;
  type: string;
  name: string;
  /** Whether it is a custom (provider) resource rather than a component. */
  custom: boolean;
  parent?: string;
  /** Inputs with unknowns as `"[unknown]"` and secrets as `"[secret]"`. */
  inputs: Record<string, DisplayValue>;
  dependencies: string[];
  /** Where the program declared it, when the SDK said so. @default undefined */
  source?: SourceLocation;
}

/**
 * A finding as the reports show it: one per resource and problem (see `mergeFindings`), `urn` always set (the
 * stack's URN for a stack-level finding).
 */
export interface ReportFinding extends WaivableFinding {
  urn: string;
  /** Every policy that reported the problem, `policy` first. */
  policies: string[];
  /** What the policies said, one entry per distinct message, without the policy's description. */
  details: string[];
  /** Other resources the merged findings were about (a bucket's public access block). @default [] */
  related: string[];
}

/** One stack of the report. */
export interface ReportStack {
  stack: string;
  project: string;
  /** URN of the stack's root resource; stack-level findings point at it. */
  stackUrn: string;
  /** The `pulumi stack export` file the stack was audited from. @default undefined (a program run) */
  stateFile?: string;
  resources: ReportResource[];
  /** Findings, mandatory first, then by severity, policy and URN. */
  findings: ReportFinding[];
  /** The passes that ran for this stack. */
  passes: Pass[];
  evidence: StackEvidence;
  /** Mandatory, unwaived findings in this stack. */
  mandatoryViolations: number;
  /** The shared-responsibility table of each SecureAiPlatform in the stack. @default [] (none in the stack) */
  responsibility?: ReportResponsibility[];
}

/** Totals over all stacks. */
export interface ReportSummary {
  /** Mandatory, unwaived findings: any makes the exit code 1. */
  mandatoryViolations: number;
  /** Advisory (or remediate), unwaived findings. */
  advisoryViolations: number;
  /** Findings a waiver covers. */
  waivedFindings: number;
  /** Number of stacks run. */
  stacks: number;
}

/** Everything a renderer needs; all values from the program are masked and secret strings redacted. */
export interface ReportData {
  tool: { name: string; version: string; informationUri: string };
  /** ISO timestamp of the run. */
  generatedAt: string;
  /** Directory of the Pulumi program that ran (for an audit: the state files, comma-separated). */
  programDir: string;
  /** The `pulumi stack export` files audited (`secure-ai audit`). @default undefined (a program run) */
  stateFiles?: string[];
  packs: PolicyPackSummary[];
  /** The controls catalog, in catalog order. */
  catalog: readonly ControlDefinition[];
  stacks: ReportStack[];
  /** Waivers of the policy configuration that are expired, or match no resource or finding of any stack. */
  waiverProblems: WaiverProblem[];
  summary: ReportSummary;
  /** What changed since the `--baseline` report. @default undefined (no baseline given) */
  drift?: DriftReport;
}
