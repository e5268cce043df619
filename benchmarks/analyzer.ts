/**
 * Analyzer benchmark: start time and analysis rate of policy packs over the analyzer protocol, one client
 * (the preflight's), the same resources. The floor is a one-policy JavaScript pack (`packs/one-policy`);
 * ours is `policy-packs/secure-ai`, measured both ways the preflight can run it: from its compiled copy
 * (`lib/compiled-package.ts`: a temporary package laid out like the published one; the shared `dist/` is
 * never touched) and from its TypeScript source as the Pulumi CLI runs it.
 * Targets (issue 9): ours starts within 1.2 times the floor and analyses at least 0.8 times its rate.
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
  typescriptWorker,
} from "./lib/benchmark";
import { compiledPackage } from "./lib/compiled-package";

const NAME = "analyzer";
const WORKER = path.join(REPOSITORY_ROOT, "benchmarks", "workers", "analyzer-throughput.ts");
const FLOOR_PACK = path.join(REPOSITORY_ROOT, "benchmarks", "packs", "one-policy");
const OUR_PACK = path.join(REPOSITORY_ROOT, "policy-packs", "secure-ai");

/** The analyzer benchmark. */
export const analyzerBenchmark: Benchmark = {
  name: NAME,
  description: "policy pack start time and analysis rate: one-policy JS pack vs policy-packs/secure-ai",
  async run(context): Promise<BenchmarkResult> {
    const count = String(context.quick ? 200 : 1000);
    const run = (name: string, args: string[]): Promise<CaseResult> =>
      measureCase(context, NAME, name, typescriptWorker(WORKER, args));
    const floor = await run(`one-policy ${count}`, [FLOOR_PACK, count]);
    const source = await run(`secure-ai source ${count}`, [OUR_PACK, count, "--source"]);
    const cases = [floor, source];
    const compiled = compiledPackage(context);
    let compiledCase: CaseResult | undefined;
    if (compiled) {
      compiledCase = await run(`secure-ai compiled ${count}`, [compiled.ourPackDir, count]);
      compiledCase.command = `${compiledCase.command} (pack: <temporary compiled package>/policy-packs/secure-ai)`;
      cases.push(compiledCase);
    }
    const comparisons: (Comparison | undefined)[] = [];
    for (const ours of [compiledCase, source]) {
      if (ours === undefined) {
        continue;
      }
      const label = ours === source ? "source" : "compiled";
      comparisons.push(
        compare(NAME, `secure-ai ${label}/one-policy start`, ours.reported.startMs, floor.reported.startMs, {
          value: 1.2,
        }),
        compare(
          NAME,
          `secure-ai ${label}/one-policy rate`,
          ours.reported.resourcesPerSecond,
          floor.reported.resourcesPerSecond,
          { value: 0.8, atLeast: true },
        ),
      );
    }
    return { cases, comparisons: comparisons.filter((item): item is Comparison => item !== undefined) };
  },
};
