/**
 * Scale benchmark: the preflight (engine + secure-ai pack, as `secure-ai check` runs them from the compiled
 * package) on one SecureAiPlatform with 1, 10, 100 and 500 models per cloud, against two floors declaring
 * the same resources (replayed from the preflight's own recording) in one plain process under Pulumi's mock
 * runtime: as the SDK runs by default, and with the stack-capture switch the engine's child applies
 * (`preflight/engine/stack-capture.ts`), the fairer floor. 500 models run once per cloud (minutes each on
 * a loaded machine). Targets (issue 9): linear growth, within 1.3 times the floor in time and memory,
 * 500 models within 60 s on 2 cores.
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
import { recordingPath } from "./lib/recordings";

const NAME = "scale";
const WORKERS = path.join(REPOSITORY_ROOT, "benchmarks", "workers");
const PREFLIGHT = path.join(WORKERS, "platform-preflight.js");
const FLOOR = path.join(WORKERS, "replay-floor.js");
const CLOUDS = ["aws", "gcp", "azure"] as const;
/** Sizes measured once whatever `--repeat` says. */
const ONCE_FROM = 500;

function ratios(label: string, preflight: CaseResult, floor: CaseResult): Comparison[] {
  const limit = { value: 1.3 };
  return [
    compare(NAME, `${label} wall`, preflight.wallSeconds, floor.wallSeconds, limit),
    compare(NAME, `${label} CPU`, preflight.cpuSeconds, floor.cpuSeconds, limit),
    compare(NAME, `${label} tree peak RSS`, preflight.treePeakRssMiB, floor.treePeakRssMiB, limit),
  ].filter((item): item is Comparison => item !== undefined);
}

/** The scale benchmark. */
export const scaleBenchmark: Benchmark = {
  name: NAME,
  description:
    "preflight (engine + pack) on 1-500 models per cloud vs the mock runtime alone, same resources",
  async run(context): Promise<BenchmarkResult> {
    const compiled = compiledPackage(context);
    const result: BenchmarkResult = { cases: [], comparisons: [] };
    if (!compiled) {
      context.log("scale: no compiled package, skipped");
      return result;
    }
    const sizes = context.quick ? [1, 10] : [1, 10, 100, 500];
    const hide = (item: CaseResult): void => {
      item.command = item.command
        .replace(/--compiled \S+/, "--compiled <compiled package>")
        .replace(/--stack-capture \S+/, "--stack-capture <compiled package>")
        .replace(/--record \S+/, "--record <recording>")
        .replace(/ \S+\.json/, " <recording of the preflight run>");
    };
    for (const cloud of CLOUDS) {
      const perModelCpu: { models: number; cpu: number }[] = [];
      for (const models of sizes) {
        const caseContext = models >= ONCE_FROM ? { ...context, repeat: 1 } : context;
        const recording = recordingPath(`scale-${cloud}-${models}`);
        let preflight: CaseResult;
        try {
          preflight = await measureCase(caseContext, NAME, `preflight ${cloud} ${models}`, [
            PREFLIGHT,
            cloud,
            String(models),
            "--compiled",
            compiled.root,
            "--record",
            recording,
          ]);
        } catch (error) {
          // A size the preflight cannot finish (e.g. out of memory) is a result, not the end of the run.
          const reason = error instanceof Error ? error.message : String(error);
          context.log(`scale: preflight ${cloud} ${models} failed: ${reason.slice(-1500)}`);
          result.comparisons.push({
            benchmark: NAME,
            name: `preflight ${cloud} ${models} completed (0 = failed, see the log)`,
            ratio: 0,
            target: ">= 1",
            met: false,
          });
          continue;
        }
        const floor = await measureCase(caseContext, NAME, `floor ${cloud} ${models}`, [FLOOR, recording]);
        const fairFloor = await measureCase(caseContext, NAME, `floor no-stack-capture ${cloud} ${models}`, [
          FLOOR,
          recording,
          "--stack-capture",
          compiled.root,
        ]);
        for (const item of [preflight, floor, fairFloor]) {
          hide(item);
          result.cases.push(item);
        }
        result.comparisons.push(
          ...ratios(`preflight/floor ${cloud} ${models}`, preflight, floor),
          ...ratios(`preflight/floor no-stack-capture ${cloud} ${models}`, preflight, fairFloor),
        );
        if (models >= ONCE_FROM) {
          const within = compare(
            NAME,
            `preflight ${cloud} ${models} wall / 60 s`,
            preflight.wallSeconds,
            60,
            {
              value: 1,
            },
          );
          if (within) {
            result.comparisons.push(within);
          }
        }
        if (preflight.cpuSeconds !== undefined) {
          perModelCpu.push({ models, cpu: preflight.cpuSeconds });
        }
      }
      // Linear growth: the marginal CPU per model between the two largest sizes against the one before.
      if (perModelCpu.length >= 3) {
        const [a, b, c] = perModelCpu.slice(-3) as [
          { models: number; cpu: number },
          { models: number; cpu: number },
          { models: number; cpu: number },
        ];
        const growth = compare(
          NAME,
          `preflight ${cloud} marginal CPU per model ${b.models}→${c.models} / ${a.models}→${b.models}`,
          (c.cpu - b.cpu) / (c.models - b.models),
          (b.cpu - a.cpu) / (b.models - a.models),
          { value: 1.3 },
        );
        if (growth) {
          result.comparisons.push(growth);
        }
      }
    }
    return result;
  },
};
