/**
 * What a benchmark is to the harness: a named set of cases, each a command measured `repeat` times,
 * summarised by medians, plus ratios between cases (e.g. preflight over floor). One file per benchmark in
 * `benchmarks/`, listed in `benchmarks/registry.ts`.
 */
import { machineInfo, loadNow } from "./machine";
import { measureCommand, type Measurement, type MeasureOptions, REPOSITORY_ROOT } from "./measure";
import { median, medianOf } from "./statistics";
import * as path from "node:path";

/** How the harness was asked to run. */
export interface BenchmarkContext {
  /** Runs per case; figures are medians. */
  repeat: number;
  /** Smaller sizes, for a smoke run. */
  quick: boolean;
  /** Progress messages (stderr). */
  log(message: string): void;
}

/** One measured case: medians over the runs, and every run. */
export interface CaseResult {
  benchmark: string;
  /** Case label, unique within the benchmark (e.g. `floor 1000`). */
  name: string;
  /** The exact command, relative to the repository root. */
  command: string;
  /** Median wall time, seconds. */
  wallSeconds?: number;
  /** Median CPU time of the process tree, seconds. */
  cpuSeconds?: number;
  /** Median tree peak RSS, MiB. */
  treePeakRssMiB?: number;
  /** Median peak RSS of the largest process, MiB. */
  maxProcessRssMiB?: number;
  /** Medians of the numeric fields the command reported (e.g. `resourcesPerSecond`, `startMs`). */
  reported: Record<string, number>;
  /** 1-minute load average before each run. */
  loadAverages: number[];
  runs: Measurement[];
}

/** A ratio between two cases of a benchmark, with the target it is held to. */
export interface Comparison {
  benchmark: string;
  /** What is compared, e.g. `engine/floor CPU at 1000`. */
  name: string;
  ratio: number;
  /** Target as text, e.g. `<= 1.3`. */
  target?: string;
  met?: boolean;
  /** For a paired comparison ({@link comparePaired}): the ratio of each round, in round order. */
  rounds?: number[];
}

/** A benchmark's output. */
export interface BenchmarkResult {
  cases: CaseResult[];
  comparisons: Comparison[];
}

/** A benchmark, one per file. */
export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchmarkContext): Promise<BenchmarkResult>;
}

/** The command line that runs a TypeScript worker (transpile-only ts-node, as `bin/secure-ai.js` does). */
export function typescriptWorker(worker: string, args: string[]): string[] {
  return [path.join(REPOSITORY_ROOT, "benchmarks", "ts-entry.js"), worker, ...args];
}

/** Spells a command relative to the repository root, for the record. */
function spell(args: string[]): string {
  return ["node", ...args.map((arg) => path.relative(REPOSITORY_ROOT, arg) || arg)]
    .map((arg) => (arg.startsWith("..") || path.isAbsolute(arg) ? path.basename(arg) : arg))
    .join(" ");
}

/** One case of {@link measureInterleaved}: its label and node arguments. */
export interface CaseSpec {
  name: string;
  args: string[];
  options?: MeasureOptions;
}

/**
 * Measures `node <args>` `context.repeat` times and summarises it as one case.
 *
 * @param context - the harness context.
 * @param benchmark - benchmark name.
 * @param name - case label.
 * @param args - node arguments (script and its arguments).
 * @param options - measuring options.
 */
export async function measureCase(
  context: BenchmarkContext,
  benchmark: string,
  name: string,
  args: string[],
  options: MeasureOptions = {},
): Promise<CaseResult> {
  const [result] = await measureInterleaved(context, benchmark, [{ name, args, options }]);
  return result!;
}

/**
 * Measures several cases in rounds: each round runs every case once, starting one case later than the
 * round before, so that a machine growing faster or slower during the runs, or a case that warms the disk
 * cache for the next, weighs on every case alike. Run `i` of every case belongs to round `i`, which
 * {@link comparePaired} relies on.
 *
 * @param context - the harness context.
 * @param benchmark - benchmark name.
 * @param cases - the cases, in their first round's order.
 */
export async function measureInterleaved(
  context: BenchmarkContext,
  benchmark: string,
  cases: readonly CaseSpec[],
): Promise<CaseResult[]> {
  const runs = cases.map((): Measurement[] => []);
  const loadAverages = cases.map((): number[] => []);
  for (let round = 0; round < context.repeat; round++) {
    for (let offset = 0; offset < cases.length; offset++) {
      const index = (round + offset) % cases.length;
      const spec = cases[index]!;
      loadAverages[index]!.push(loadNow());
      const measurement = await measureCommand(process.execPath, spec.args, spec.options ?? {});
      runs[index]!.push(measurement);
      context.log(
        `${benchmark} ${spec.name} run ${round + 1}/${context.repeat}: ${(measurement.wallMs / 1000).toFixed(2)} s wall, ` +
          `${measurement.cpuMs === undefined ? "?" : (measurement.cpuMs / 1000).toFixed(2)} s CPU, ` +
          `${measurement.treePeakRssMiB.toFixed(0)} MiB tree peak (load ${loadAverages[index]!.at(-1)})`,
      );
    }
  }
  return cases.map((spec, index) => summarise(benchmark, spec, runs[index]!, loadAverages[index]!));
}

function summarise(
  benchmark: string,
  spec: CaseSpec,
  runs: Measurement[],
  loadAverages: number[],
): CaseResult {
  const reportedKeys = new Set(runs.flatMap((run) => Object.keys(run.report ?? {})));
  const reported: Record<string, number> = {};
  for (const key of reportedKeys) {
    const value = medianOf(runs, (run) => reportedNumber(run, key));
    if (value !== undefined) {
      reported[key] = value;
    }
  }
  return {
    benchmark,
    name: spec.name,
    command: spell(spec.args),
    wallSeconds: seconds(medianOf(runs, (run) => run.wallMs)),
    cpuSeconds: seconds(medianOf(runs, (run) => run.cpuMs)),
    treePeakRssMiB: medianOf(runs, (run) => run.treePeakRssMiB),
    maxProcessRssMiB: medianOf(runs, (run) => run.maxProcessRssMiB),
    reported,
    loadAverages,
    runs,
  };
}

function reportedNumber(run: Measurement, key: string): number | undefined {
  const field = run.report?.[key];
  return typeof field === "number" ? field : undefined;
}

function seconds(milliseconds: number | undefined): number | undefined {
  return milliseconds === undefined ? undefined : milliseconds / 1000;
}

/** A ratio `numerator / denominator` held to `<= limit` (or `>= limit` when `atLeast`). */
export function compare(
  benchmark: string,
  name: string,
  numerator: number | undefined,
  denominator: number | undefined,
  limit?: { value: number; atLeast?: boolean },
): Comparison | undefined {
  if (numerator === undefined || denominator === undefined || denominator === 0) {
    return undefined;
  }
  const ratio = numerator / denominator;
  const comparison: Comparison = { benchmark, name, ratio };
  if (limit) {
    comparison.target = `${limit.atLeast ? ">=" : "<="} ${limit.value}`;
    comparison.met = limit.atLeast ? ratio >= limit.value : ratio <= limit.value;
  }
  return comparison;
}

/**
 * The median over rounds of `numerator.runs[i].report[field] / denominator.runs[i].report[field]`, for cases
 * measured by {@link measureInterleaved}: each round's two runs ran back to back, so the ratio of a round
 * is freer of the machine's drift than a ratio of medians. The comparison lists every round's ratio.
 *
 * @param benchmark - benchmark name.
 * @param name - what is compared.
 * @param numerator - the case on top.
 * @param denominator - the case below.
 * @param field - the reported field compared.
 * @param limit - the target (`<= value`, or `>= value` when `atLeast`).
 */
export function comparePaired(
  benchmark: string,
  name: string,
  numerator: CaseResult,
  denominator: CaseResult,
  field: string,
  limit?: { value: number; atLeast?: boolean },
): Comparison | undefined {
  const rounds: number[] = [];
  const count = Math.min(numerator.runs.length, denominator.runs.length);
  for (let index = 0; index < count; index++) {
    const top = reportedNumber(numerator.runs[index]!, field);
    const bottom = reportedNumber(denominator.runs[index]!, field);
    if (top !== undefined && bottom !== undefined && bottom !== 0) {
      rounds.push(top / bottom);
    }
  }
  if (rounds.length === 0) {
    return undefined;
  }
  const comparison = compare(benchmark, name, median(rounds), 1, limit)!;
  comparison.rounds = rounds.map((ratio) => Number(ratio.toFixed(3)));
  return comparison;
}

/** Re-exported so benchmark files need one import. */
export { machineInfo, REPOSITORY_ROOT };
