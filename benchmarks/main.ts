/**
 * The benchmark harness behind `npm run bench`. Usage:
 * `npm run bench -- [benchmark names...] [--repeat N] [--quick] [--out FILE]`
 * (defaults: every benchmark, 3 runs per case, full sizes, `benchmarks/results/latest.json`; with `--quick`
 * the results go to the temporary directory, so a quick run never rewrites the tracked file).
 * Prints the tables on stdout, progress on stderr. Figures are medians; nothing here asserts a timing.
 */
import * as os from "node:os";
import * as path from "node:path";
import {
  type BenchmarkContext,
  type CaseResult,
  type Comparison,
  machineInfo,
  REPOSITORY_ROOT,
} from "./lib/benchmark";
import { type BenchReport, formatReport, writeReport } from "./lib/report";
import { benchmarks } from "./registry";

interface Options {
  names: string[];
  repeat: number;
  quick: boolean;
  /** Where the results go; undefined until parsed (the default depends on `--quick`). */
  out?: string;
}

/** Full runs replace the tracked results; a quick run (smaller sizes, not comparable) stays out of the tree. */
function defaultOut(quick: boolean): string {
  return quick
    ? path.join(os.tmpdir(), "secure-ai-bench-quick.json")
    : path.join(REPOSITORY_ROOT, "benchmarks", "results", "latest.json");
}

function parseOptions(argv: string[]): Options & { out: string } {
  const options: Options = {
    names: [],
    repeat: 3,
    quick: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--repeat") {
      options.repeat = Number(argv[++index]);
    } else if (arg === "--quick") {
      options.quick = true;
    } else if (arg === "--out") {
      options.out = path.resolve(argv[++index] ?? "");
    } else if (arg.startsWith("--")) {
      throw new Error(`unknown option ${arg}`);
    } else {
      options.names.push(arg);
    }
  }
  if (!Number.isInteger(options.repeat) || options.repeat < 1) {
    throw new Error("--repeat takes a positive integer");
  }
  const known = benchmarks.map((benchmark) => benchmark.name);
  const unknown = options.names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark(s) ${unknown.join(", ")}; known: ${known.join(", ")}`);
  }
  return { ...options, out: options.out ?? defaultOut(options.quick) };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const context: BenchmarkContext = {
    repeat: options.repeat,
    quick: options.quick,
    log: (message) => process.stderr.write(`${message}\n`),
  };
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const cases: CaseResult[] = [];
  const comparisons: Comparison[] = [];
  for (const benchmark of benchmarks) {
    if (options.names.length > 0 && !options.names.includes(benchmark.name)) {
      continue;
    }
    context.log(`# ${benchmark.name}: ${benchmark.description}`);
    const result = await benchmark.run(context);
    cases.push(...result.cases);
    comparisons.push(...result.comparisons);
  }
  const [one, five, fifteen] = os.loadavg().map((load) => Math.round(load * 100) / 100);
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    loadAverageAtEnd: [one ?? 0, five ?? 0, fifteen ?? 0],
    repeat: options.repeat,
    quick: options.quick,
    cases,
    comparisons,
  };
  writeReport(report, options.out);
  process.stdout.write(`${formatReport(report)}\n\nWrote ${path.relative(process.cwd(), options.out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
