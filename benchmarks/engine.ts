/**
 * Engine benchmark: the preflight engine running a TypeScript program that registers N plain custom resources,
 * against the floor, Pulumi's mock runtime alone registering the same resources in one plain JavaScript
 * process. The engine runs both as the installed package does (compiled, `npx secure-ai check`) and from this
 * repository's TypeScript source (`npm run check`). Target (issue 9): within 1.3 times the floor in time and
 * memory, growing linearly.
 */
import * as path from "node:path";
import {
  type Benchmark,
  type BenchmarkResult,
  type CaseResult,
  type Comparison,
  compare,
  measureCase,
  REPOSITORY_ROOT,
} from "./lib/benchmark";
import { compiledPackage } from "./lib/compiled-package";

const NAME = "engine";
const FLOOR = path.join(REPOSITORY_ROOT, "benchmarks", "workers", "engine-floor.js");
const PREFLIGHT = path.join(REPOSITORY_ROOT, "benchmarks", "workers", "engine-preflight.js");

function ratios(size: number, label: string, preflight: CaseResult, floor: CaseResult): Comparison[] {
  const limit = { value: 1.3 };
  return [
    compare(NAME, `${label}/floor wall at ${size}`, preflight.wallSeconds, floor.wallSeconds, limit),
    compare(NAME, `${label}/floor CPU at ${size}`, preflight.cpuSeconds, floor.cpuSeconds, limit),
    compare(
      NAME,
      `${label}/floor tree peak RSS at ${size}`,
      preflight.treePeakRssMiB,
      floor.treePeakRssMiB,
      limit,
    ),
  ].filter((item): item is Comparison => item !== undefined);
}

/** The engine benchmark. */
export const engineBenchmark: Benchmark = {
  name: NAME,
  description: "preflight engine (runStack) vs Pulumi's mock runtime alone, N plain custom resources",
  async run(context): Promise<BenchmarkResult> {
    const sizes = context.quick ? [100] : [100, 1000, 5000];
    const compiled = compiledPackage(context);
    const result: BenchmarkResult = { cases: [], comparisons: [] };
    for (const size of sizes) {
      const floor = await measureCase(context, NAME, `floor ${size}`, [FLOOR, String(size)]);
      result.cases.push(floor);
      if (compiled) {
        const fromDist = await measureCase(context, NAME, `preflight compiled ${size}`, [
          PREFLIGHT,
          String(size),
          "--compiled",
          compiled.root,
        ]);
        fromDist.command = fromDist.command.replace(
          /--compiled .*$/,
          "--compiled <temporary compiled package>",
        );
        result.cases.push(fromDist);
        result.comparisons.push(...ratios(size, "preflight compiled", fromDist, floor));
      }
      const fromSource = await measureCase(context, NAME, `preflight source ${size}`, [
        PREFLIGHT,
        String(size),
      ]);
      result.cases.push(fromSource);
      result.comparisons.push(...ratios(size, "preflight source", fromSource, floor));
    }
    return result;
  },
};
