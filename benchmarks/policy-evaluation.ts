/**
 * Policy evaluation benchmark: three packs over the analyzer protocol, one client (the preflight's), the same
 * N resources (`workers/analyzer-throughput.ts`): the protocol's floor (`packs/one-policy`), the peer pack
 * on npm (`@pulumi/awsguard`, installed on demand outside the repository: `lib/awsguard-pack.ts`) and ours
 * from its compiled copy. Targets (issue 9): ours starts within 1.2 times the floor and analyses at least
 * 0.8 times its rate, and beats awsguard on both while holding several times more policies. The three run
 * in rounds (`--repeat` rounds, each pack once per round, the starting pack rotating), and each ratio is the
 * median of the rounds' ratios: this machine's speed drifts by some 10% over a minute, as much as the
 * differences measured.
 */
import * as path from "node:path";
import {
  type Benchmark,
  type BenchmarkResult,
  type CaseResult,
  type CaseSpec,
  type Comparison,
  compare,
  comparePaired,
  measureInterleaved,
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
    const specs: CaseSpec[] = [
      { name: `one-policy ${count}`, args: typescriptWorker(WORKER, [FLOOR_PACK, count]) },
    ];
    const peer = awsguardPack(context);
    if ("dir" in peer) {
      specs.push({ name: `awsguard ${count}`, args: typescriptWorker(WORKER, [peer.dir, count]) });
    } else {
      context.log(`awsguard cannot load: ${peer.reason}`);
    }
    const compiled = compiledPackage(context);
    if (compiled) {
      specs.push({
        name: `secure-ai compiled ${count}`,
        args: typescriptWorker(WORKER, [compiled.ourPackDir, count]),
      });
    }
    // In rounds (each round runs every pack once), so the ratios below are of runs made back to back.
    const cases = await measureInterleaved(context, NAME, specs);
    const [floor] = cases;
    const awsguard = cases.find((item) => item.name.startsWith("awsguard "));
    const ours = cases.find((item) => item.name.startsWith("secure-ai "));
    if (awsguard) {
      awsguard.command = `${AWSGUARD_INSTALL} && ${awsguard.command.replace(" awsguard-pack ", " $TMPDIR/secure-ai-bench-peers/awsguard-pack ")}`;
    }
    const comparisons: (Comparison | undefined)[] = [];
    if (floor && ours) {
      ours.command = `${ours.command.replace(/ secure-ai /, " <compiled package>/policy-packs/secure-ai ")}`;
      const start = (other: CaseResult, limit: number) =>
        comparePaired(NAME, `secure-ai/${other.name.split(" ")[0]} start`, ours, other, "startMs", {
          value: limit,
        });
      const rate = (other: CaseResult, limit: number) =>
        comparePaired(NAME, `secure-ai/${other.name.split(" ")[0]} rate`, ours, other, "resourcesPerSecond", {
          value: limit,
          atLeast: true,
        });
      comparisons.push(start(floor, 1.2), rate(floor, 0.8));
      if (awsguard) {
        comparisons.push(
          start(awsguard, 1),
          rate(awsguard, 1),
          // The pack's own CPU over the same window: what it costs any client, the Pulumi CLI included.
          comparePaired(NAME, "secure-ai/awsguard pack CPU", ours, awsguard, "packCpuMs", { value: 1 }),
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
