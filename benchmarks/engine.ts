/**
 * Engine benchmark: the preflight engine running a program that registers N plain custom resources,
 * against the floor, Pulumi's mock runtime alone registering the same resources in one plain process.
 * Target (issue 9): within 1.3 times the floor in time and memory, growing linearly.
 */
import * as path from "node:path";
import {
  type Benchmark,
  type BenchmarkResult,
  type Comparison,
  compare,
  measureCase,
  REPOSITORY_ROOT,
  typescriptWorker,
} from "./lib/benchmark";

const NAME = "engine";
const FLOOR = path.join(REPOSITORY_ROOT, "benchmarks", "workers", "engine-floor.js");
const PREFLIGHT = path.join(REPOSITORY_ROOT, "benchmarks", "workers", "engine-preflight.ts");

/** The engine benchmark. */
export const engineBenchmark: Benchmark = {
  name: NAME,
  description: "preflight engine (runStack) vs Pulumi's mock runtime alone, N plain custom resources",
  async run(context): Promise<BenchmarkResult> {
    const sizes = context.quick ? [100] : [100, 1000, 5000];
    const result: BenchmarkResult = { cases: [], comparisons: [] };
    for (const size of sizes) {
      const floor = await measureCase(context, NAME, `floor ${size}`, [FLOOR, String(size)]);
      const preflight = await measureCase(
        context,
        NAME,
        `preflight ${size}`,
        typescriptWorker(PREFLIGHT, [String(size)]),
      );
      result.cases.push(floor, preflight);
      const comparisons: (Comparison | undefined)[] = [
        compare(NAME, `preflight/floor wall at ${size}`, preflight.wallSeconds, floor.wallSeconds, {
          value: 1.3,
        }),
        compare(NAME, `preflight/floor CPU at ${size}`, preflight.cpuSeconds, floor.cpuSeconds, {
          value: 1.3,
        }),
        compare(
          NAME,
          `preflight/floor tree peak RSS at ${size}`,
          preflight.treePeakRssMiB,
          floor.treePeakRssMiB,
          { value: 1.3 },
        ),
      ];
      result.comparisons.push(...comparisons.filter((item): item is Comparison => item !== undefined));
    }
    return result;
  },
};
