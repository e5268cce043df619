import { controlCatalog } from "../../components/controls";
import { readPolicyConfigFile } from "../analyzer";
import { mergePassFindings } from "../evidence/merge-passes";
import type { Examination, Finding, Pass, PolicyPackSummary, StackRun } from "../model";
import { buildReportData, type StackResult } from "../report/build-report-data";
import type { ReportData } from "../report/report-data";
import { type CheckOptions, CliUsageError } from "./args";
import { checkReportPaths, isDirectory } from "./report-paths";
import type { CheckStages } from "./stages";

/** Where the report's tool metadata comes from. */
export interface CheckContext {
  stages: CheckStages;
  /** Package version, shown in every report. */
  version: string;
  /** Progress messages (shown on a terminal only). */
  progress: (message: string) => void;
  /** Run timestamp. @default now */
  now?: Date;
}

/** Public page of the package (its repository until it is on npm), the SARIF tool's information URI. */
export const INFORMATION_URI = "https://github.com/secure-ai-platform/secure-ai-platform";

/** The passes a run mode asks for, in report order. */
export function passesOf(mode: CheckOptions["mode"]): Pass[] {
  return mode === "both" ? ["preview", "update"] : [mode];
}

/** What one pass of one stack produced. */
interface PassResult {
  pass: Pass;
  run: StackRun;
  findings: Finding[];
  examinations: Examination[];
  packs: PolicyPackSummary[];
}

/**
 * Runs the preflight: checks the flags' files, then for each stack runs the program under the mock runtime
 * once per pass (`--mode`: preview, update or both, the passes side by side) and the policy packs over what
 * each pass registered, and builds the report data (evidence included) from the union of the passes.
 *
 * @param options - the parsed command line.
 * @param context - the stages, version and progress sink.
 * @throws CliUsageError for a program, pack or config path that does not exist; the stages' own errors
 *   (PreflightUsageError, PreflightProgramError, PolicyPackStartError, PolicyConfigError) pass through.
 */
export async function runCheck(options: CheckOptions, context: CheckContext): Promise<ReportData> {
  checkPaths(options);
  // Malformed config files fail before any program runs; unknown policy names fail once the pack describes itself.
  options.policyConfigs.forEach((file) => readPolicyConfigFile(file));
  const known = context.stages.listStacks(options.programDir);
  if (options.stack !== undefined && !known.includes(options.stack)) {
    throw new CliUsageError(
      `--stack "${options.stack}" is not a stack of ${options.programDir}; its stacks: ${known.join(", ")}.`,
    );
  }
  const stacks = options.stack !== undefined ? [options.stack] : known;
  const compiler = options.verbose ? context.stages.compilerOf?.(options.programDir) : undefined;
  if (compiler !== undefined) {
    context.progress(`Compiling the program's TypeScript with ${compiler}, as pulumi preview would.`);
  }
  const results: StackResult[] = [];
  let packs: PolicyPackSummary[] = [];
  const passes = passesOf(options.mode);
  for (const stack of stacks) {
    context.progress(
      `Running the program for stack ${stack} (${passes.join(" and ")} pass${passes.length > 1 ? "es" : ""})…`,
    );
    const settled = await Promise.allSettled(passes.map((pass) => runPass(options, context, stack, pass)));
    const failed = settled.find((result) => result.status === "rejected");
    if (failed !== undefined) {
      throw failed.reason;
    }
    const done = settled.map((result) => (result as PromiseFulfilledResult<PassResult>).value);
    // Report inputs come from the update pass when it ran: every value known.
    const shown = done.find((result) => result.pass === "update") ?? done[0]!;
    packs = shown.packs;
    results.push({
      run: shown.run,
      findings: mergePassFindings(done),
      examinations: done.flatMap((result) => result.examinations),
      passes,
    });
  }
  return buildReportData({
    stacks: results,
    packs,
    catalog: controlCatalog,
    tool: { name: "secure-ai check", version: context.version, informationUri: INFORMATION_URI },
    generatedAt: (context.now ?? new Date()).toISOString(),
    programDir: options.programDir,
    policyConfigs: options.policyConfigs.map((file, index) => ({
      pack: packs[index]?.name ?? "",
      config: readPolicyConfigFile(file),
    })),
  });
}

/** Runs one pass of one stack: the program in that mode, and the packs over what it registered. */
async function runPass(
  options: CheckOptions,
  context: CheckContext,
  stack: string,
  pass: Pass,
): Promise<PassResult> {
  // Everything that can fail synchronously is read before the program starts, so a failure never leaves a
  // started program's promise unobserved.
  const stackConfig = context.stages.stackConfig(options.programDir, stack);
  const knownProject = context.stages.projectName?.(options.programDir);
  const running = context.stages.runStack({
    programDir: options.programDir,
    stack,
    mode: pass,
    typeCheck: !options.skipTypeCheck,
  });
  // The packs start while the program runs (as the Pulumi CLI starts analyzers with the engine) when
  // the project's name is known up front; otherwise after the program.
  const project = knownProject ?? (await running).project;
  const resources = running.then((run) => {
    context.progress(
      `Running ${options.policyPacks.length} policy pack(s) over ${run.resources.length} resources of ${stack} (${pass})…`,
    );
    return run.resources;
  });
  const analysis = await context.stages.analyzeStack({
    packs: options.policyPacks.map((dir, index) => ({ dir, config: options.policyConfigs[index] })),
    resources,
    stack,
    project,
    dryRun: pass === "preview",
    stackConfig,
    startTimeoutMs: options.packStartTimeoutMs,
  });
  const run = await running;
  return {
    pass,
    run,
    findings: analysis.findings,
    examinations: analysis.examinations ?? [],
    packs: analysis.packs.map((pack) => ({
      name: pack.name,
      version: pack.version,
      policies: pack.policies,
    })),
  };
}

function checkPaths(options: CheckOptions): void {
  checkReportPaths(options);
  if (!isDirectory(options.programDir)) {
    throw new CliUsageError(`--program ${options.programDir} is not a directory.`);
  }
}
