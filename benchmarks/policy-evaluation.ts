/**
 * Policy evaluation benchmark: three packs over the analyzer protocol, one client (the preflight's), the same
 * N resources (`workers/analyzer-throughput.ts`): the protocol's floor (`packs/one-policy`), the peer pack
 * on npm (`@pulumi/awsguard`, installed on demand outside the repository: `lib/awsguard-pack.ts`) and ours
 * from its compiled copy. Targets (issue 9): ours starts within 1.2 times the floor and analyses at least
 * 0.8 times its rate, and beats awsguard on both while holding several times more policies.
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
import { AWSGUARD_INSTALL, awsguardPack } from "./lib/awsguard-pack";
import { compiledPackage } from "./lib/compiled-package";

const NAME = "policy-evaluation";
const WORKER = path.join(REPOSITORY_ROOT, "benchmarks", "workers", "analyzer-throughput.ts");
const FLOOR_PACK = path.join(REPOSITORY_ROOT, "benchmarks", "packs", "one-policy");

/** The policy evaluation benchmark. */
export const policyEvaluationBenchmark: Benchmark = {
  name: NAME,
  description: "start time and analysis rate: one-policy floor vs @pulumi/awsguard vs secure-ai (compiled)",
  async run(context): Promise<BenchmarkResult> {
    const count = String(context.quick ? 200 : 1000);
    const run = (name: string, args: string[]): Promise<CaseResult> =>
      measureCase(context, NAME, name, typescriptWorker(WORKER, args));
    const floor = await run(`one-policy ${count}`, [FLOOR_PACK, count]);
    const cases = [floor];
    const comparisons: (Comparison | undefined)[] = [];
    const peer = awsguardPack(context);
    let awsguard: CaseResult | undefined;
    if ("dir" in peer) {
      awsguard = await run(`awsguard ${count}`, [peer.dir, count]);
      awsguard.command = `${AWSGUARD_INSTALL} && ${awsguard.command.replace(" awsguard-pack ", " $TMPDIR/secure-ai-bench-peers/awsguard-pack ")}`;
      cases.push(awsguard);
    } else {
      context.log(`awsguard cannot load: ${peer.reason}`);
    }
    const compiled = compiledPackage(context);
    if (compiled) {
      const ours = await run(`secure-ai compiled ${count}`, [compiled.ourPackDir, count]);
      ours.command = `${ours.command.replace(/ secure-ai /, " <compiled package>/policy-packs/secure-ai ")}`;
      cases.push(ours);
      const start = (other: CaseResult, limit: number) =>
        compare(
          NAME,
          `secure-ai/${other.name.split(" ")[0]} start`,
          ours.reported.startMs,
          other.reported.startMs,
          {
            value: limit,
          },
        );
      const rate = (other: CaseResult, limit: number) =>
        compare(
          NAME,
          `secure-ai/${other.name.split(" ")[0]} rate`,
          ours.reported.resourcesPerSecond,
          other.reported.resourcesPerSecond,
          { value: limit, atLeast: true },
        );
      comparisons.push(start(floor, 1.2), rate(floor, 0.8));
      if (awsguard) {
        comparisons.push(
          start(awsguard, 1),
          rate(awsguard, 1),
          compare(NAME, "secure-ai/awsguard policies", ours.reported.policies, awsguard.reported.policies, {
            value: 2,
            atLeast: true,
          }),
        );
      }
    }
    return { cases, comparisons: comparisons.filter((item): item is Comparison => item !== undefined) };
  },
};
