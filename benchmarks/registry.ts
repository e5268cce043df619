/**
 * Every benchmark `npm run bench` knows, in the order they run. Adding one: a file exporting a
 * {@link Benchmark} (see `engine.ts`), its workers in `workers/`, and one line here.
 */
import { analyzerBenchmark } from "./analyzer";
import { engineBenchmark } from "./engine";
import type { Benchmark } from "./lib/benchmark";
import { overheadBenchmark } from "./overhead";
import { passesBenchmark } from "./passes";
import { policyEvaluationBenchmark } from "./policy-evaluation";
import { scaleBenchmark } from "./scale";
import { startupBenchmark } from "./startup";

/** The benchmarks, in run order. */
export const benchmarks: readonly Benchmark[] = [
  startupBenchmark,
  engineBenchmark,
  overheadBenchmark,
  analyzerBenchmark,
  policyEvaluationBenchmark,
  scaleBenchmark,
  passesBenchmark,
];
