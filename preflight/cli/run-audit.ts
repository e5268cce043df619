import { controlCatalog } from "../../components/controls";
import { readPolicyConfigFile } from "../analyzer";
import { type DeployedStack, readStateFile } from "../audit/state-file";
import { buildReportData, type StackResult } from "../report/build-report-data";
import type { ReportData } from "../report/report-data";
import type { AuditOptions } from "./audit-args";
import { checkReportPaths } from "./report-paths";
import { type CheckContext, INFORMATION_URI } from "./run-check";
import { CliUsageError } from "./usage-error";

/**
 * Runs the audit: reads and checks every state file (a damaged one stops the run before any pack starts), then
 * for each stack sends its resources, with the values the state recorded, to the policy packs over the analyzer
 * protocol as `pulumi up` does (Analyze per resource with its provider, then AnalyzeStack; not a preview), and
 * builds the report data with the same evidence rules as `secure-ai check`.
 *
 * @param options - the parsed command line.
 * @param context - the stages (only `analyzeStack` is used), version, progress sink and clock.
 * @throws StateFileError for a state file that cannot be audited; CliUsageError for a bad path or two files
 *   of the same stack; the analyzer's own errors pass through.
 */
export async function runAudit(options: AuditOptions, context: CheckContext): Promise<ReportData> {
  checkReportPaths(options);
  options.policyConfigs.forEach((file) => readPolicyConfigFile(file));
  const deployed = options.stateFiles.map((file) =>
    readStateFile(file, { encryptedSecrets: options.encryptedSecrets }),
  );
  rejectRepeatedStacks(deployed);
  const results: StackResult[] = [];
  let packs: ReportData["packs"] = [];
  for (const stack of deployed) {
    stack.warnings.forEach((warning) => context.progress(`${stack.project}/${stack.stack}: ${warning}`));
    if (stack.encryptedSecrets > 0) {
      context.progress(
        `${stack.project}/${stack.stack}: ${stack.encryptedSecrets} encrypted secret(s) read as unknown values.`,
      );
    }
    context.progress(
      `Running ${options.policyPacks.length} policy pack(s) over ${stack.resources.length} deployed resources of ${stack.stack}…`,
    );
    const analysis = await context.stages.analyzeStack({
      packs: options.policyPacks.map((dir, index) => ({ dir, config: options.policyConfigs[index] })),
      resources: stack.resources,
      stack: stack.stack,
      project: stack.project,
      dryRun: false,
      stackConfig: {},
    });
    packs = analysis.packs.map((pack) => ({
      name: pack.name,
      version: pack.version,
      policies: pack.policies,
    }));
    results.push({
      run: stack,
      findings: analysis.findings.map((finding) => ({ ...finding, passes: ["update"] })),
      examinations: analysis.examinations,
      passes: ["update"],
      stateFile: stack.file,
    });
  }
  return buildReportData({
    stacks: results,
    packs,
    catalog: controlCatalog,
    tool: { name: "secure-ai audit", version: context.version, informationUri: INFORMATION_URI },
    generatedAt: (context.now ?? new Date()).toISOString(),
    programDir: options.stateFiles.join(", "),
    stateFiles: options.stateFiles,
    policyConfigs: options.policyConfigs.map((file, index) => ({
      pack: packs[index]?.name ?? "",
      config: readPolicyConfigFile(file),
    })),
  });
}

function rejectRepeatedStacks(stacks: readonly DeployedStack[]): void {
  const seen = new Map<string, string>();
  for (const stack of stacks) {
    const key = `${stack.project}/${stack.stack}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new CliUsageError(
        `--state ${stack.file} holds stack ${key}, as does --state ${earlier}: give each stack once.`,
      );
    }
    seen.set(key, stack.file);
  }
}
