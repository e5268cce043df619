import type { ControlDefinition } from "../../components/controls/types";
import { buildStackEvidence, countMandatoryViolations } from "../evidence/build-evidence";
import { withPackWaiver } from "../evidence/pack-waivers";
import { configuredWaivers, waiverProblems } from "../evidence/waiver-status";
import type { Examination, Finding, Pass, PolicyPackSummary, RecordedValue, StackRun } from "../model";
import { collectSecretStrings, redactDeep, toDisplayValue } from "./display-value";
import { mergeFindings } from "./merge-findings";
import type { ReportData, ReportFinding, ReportResource, ReportStack } from "./report-data";
import { stackResponsibility } from "./stack-responsibility";

/** Type token of the root stack resource. */
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** One stack as the engine and the packs left it. */
export interface StackResult {
  /** The run whose resources and inputs the report shows (the update pass's when it ran). */
  run: StackRun;
  /** Findings of every pass, merged (`passes` says which reported each). */
  findings: Finding[];
  /** What each policy examined, over every pass. @default [] */
  examinations?: Examination[];
  /** The passes that ran. @default ["preview"] */
  passes?: Pass[];
  /** The `pulumi stack export` file the resources came from (`secure-ai audit`). @default undefined (a program run) */
  stateFile?: string;
}

/** What {@link buildReportData} needs. */
export interface ReportInput {
  stacks: StackResult[];
  packs: PolicyPackSummary[];
  catalog: readonly ControlDefinition[];
  tool: ReportData["tool"];
  /** ISO timestamp. */
  generatedAt: string;
  programDir: string;
  /** The state files audited (`secure-ai audit`). @default undefined (a program run) */
  stateFiles?: string[];
  /**
   * The parsed `--policy-config` files and the pack each configures, so the report can list waivers that
   * are expired or match nothing. @default [] (no config files)
   */
  policyConfigs?: { pack: string; config: Readonly<Record<string, { properties?: Record<string, unknown> }>> }[];
}

const ENFORCEMENT_ORDER: Record<Finding["enforcementLevel"], number> = {
  mandatory: 0,
  remediate: 1,
  advisory: 2,
  disabled: 3,
};
const SEVERITY_ORDER: Record<Finding["severity"], number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  unspecified: 4,
};

/**
 * Builds the data every renderer uses: masks inputs (unknown, secret), computes the evidence per stack,
 * counts violations, and redacts every secret string the program handled from every text of the report
 * (messages, notes, names), so no renderer can print a secret even if a policy message repeats it.
 *
 * @param input - the stack results, packs, catalog and run metadata.
 */
export function buildReportData(input: ReportInput): ReportData {
  const secrets = new Set<string>();
  for (const { run } of input.stacks) {
    collectRunSecrets(run, secrets);
  }
  const policies = input.packs.flatMap((pack) => pack.policies);
  const stacks = input.stacks
    .map((result) => ({ result, stack: buildStack(result, policies, input.catalog) }))
    .map(({ result, stack }) => ({ ...stack, responsibility: stackResponsibility(result.run, stack.evidence, input.catalog) }));
  const allFindings = stacks.flatMap((stack) => stack.findings);
  const data: ReportData = {
    tool: input.tool,
    generatedAt: input.generatedAt,
    programDir: input.programDir,
    ...(input.stateFiles !== undefined ? { stateFiles: input.stateFiles } : {}),
    packs: input.packs,
    catalog: input.catalog,
    stacks,
    waiverProblems: waiverProblems(
      (input.policyConfigs ?? []).flatMap((entry) => configuredWaivers(entry.pack, entry.config)),
      stacks,
      new Date(input.generatedAt),
    ),
    summary: {
      mandatoryViolations: countMandatoryViolations(allFindings),
      advisoryViolations: allFindings.filter(
        (finding) => finding.enforcementLevel !== "mandatory" && finding.enforcementLevel !== "disabled" && !finding.waived,
      ).length,
      waivedFindings: allFindings.filter((finding) => finding.waived === true).length,
      stacks: stacks.length,
    },
  };
  const { catalog, ...rest } = data;
  return { ...redactDeep(rest, secrets), catalog };
}

function collectRunSecrets(run: StackRun, secrets: Set<string>): void {
  for (const resource of run.resources) {
    collectSecretStrings(resource.inputs as RecordedValue, secrets);
  }
  for (const invoke of run.invokes) {
    collectSecretStrings(invoke.args as RecordedValue, secrets);
  }
  collectSecretStrings(run.outputs as RecordedValue, secrets);
  const resourceOutputs = (run as StackRun & { resourceOutputs?: Record<string, RecordedValue> }).resourceOutputs;
  if (resourceOutputs !== undefined) {
    collectSecretStrings(resourceOutputs as RecordedValue, secrets);
  }
}

function buildStack(
  result: StackResult,
  policies: ReportData["packs"][number]["policies"],
  catalog: readonly ControlDefinition[],
): ReportStack {
  const { run, findings } = result;
  const stackUrn =
    run.resources.find((resource) => resource.type === ROOT_STACK_TYPE && resource.parent === undefined)?.urn ??
    `urn:pulumi:${run.stack}::${run.project}::${ROOT_STACK_TYPE}::${run.project}-${run.stack}`;
  const reportFindings = mergeFindings(
    findings.map((finding) => ({ ...withPackWaiver(finding), urn: finding.urn ?? stackUrn })),
    run.resources,
    policies,
  ).sort(compareFindings);
  return {
    stack: run.stack,
    project: run.project,
    stackUrn,
    ...(result.stateFile !== undefined ? { stateFile: result.stateFile } : {}),
    resources: run.resources.map(
      (resource): ReportResource => ({
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        custom: resource.custom,
        ...(resource.parent !== undefined ? { parent: resource.parent } : {}),
        inputs: Object.fromEntries(Object.entries(resource.inputs).map(([key, value]) => [key, toDisplayValue(value)])),
        dependencies: resource.dependencies,
        ...(resource.source !== undefined ? { source: resource.source } : {}),
      }),
    ),
    findings: reportFindings,
    passes: result.passes ?? [run.mode ?? "preview"],
    evidence: buildStackEvidence({
      run,
      findings: reportFindings,
      policies,
      catalog,
      examinations: result.examinations ?? [],
    }),
    mandatoryViolations: countMandatoryViolations(reportFindings),
  };
}

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    ENFORCEMENT_ORDER[a.enforcementLevel] - ENFORCEMENT_ORDER[b.enforcementLevel] ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.policy.localeCompare(b.policy) ||
    a.urn.localeCompare(b.urn)
  );
}
