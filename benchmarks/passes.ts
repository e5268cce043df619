/**
 * Passes benchmark: what the update pass costs. The preflight's passes (engine + secure-ai pack, compiled,
 * as `secure-ai check --mode` runs them) on one SecureAiPlatform per cloud: the preview pass alone, the
 * update pass alone, and both side by side (the default), against a floor that does the same work
 * minimally in one process — the mock runtime alone declaring the same resources and the one-policy pack
 * analysing them, once per pass (`workers/passes-floor.js`). Issue 15: record the second pass's cost against
 * that floor.
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

const NAME = "passes";
const WORKERS = path.join(REPOSITORY_ROOT, "benchmarks", "workers");
const PREFLIGHT = path.join(WORKERS, "platform-passes.js");
const FLOOR = path.join(WORKERS, "passes-floor.js");
const CLOUDS = ["aws", "gcp", "azure"] as const;

/** The passes benchmark. */
export const passesBenchmark: Benchmark = {
  name: NAME,
  description:
    "preview, update and both passes of the preflight vs the mock runtime + one-policy pack per pass",
  async run(context): Promise<BenchmarkResult> {
    const compiled = compiledPackage(context);
    const result: BenchmarkResult = { cases: [], comparisons: [] };
    if (!compiled) {
      context.log("passes: no compiled package, skipped");
      return result;
    }
    const sizes = context.quick ? [1] : [1, 10];
    const hide = (item: CaseResult): void => {
      item.command = item.command
        .replace(/--compiled \S+/, "--compiled <compiled package>")
        .replace(/--record \S+/, "--record <recording>")
        .replace(/ \S+\.json/, " <recording of the update pass>");
    };
    for (const cloud of CLOUDS) {
      for (const models of sizes) {
        const recording = recordingPath(`passes-${cloud}-${models}`);
        const preflight = (passes: string, record: boolean) =>
          measureCase(context, NAME, `preflight ${passes.replace(",", "+")} ${cloud} ${models}`, [
            PREFLIGHT,
            cloud,
            String(models),
            "--compiled",
            compiled.root,
            "--passes",
            passes,
            ...(record ? ["--record", recording] : []),
          ]);
        const preview = await preflight("preview", false);
        const update = await preflight("update", false);
        const both = await preflight("preview,update", true);
        const floor = (passes: number) =>
          measureCase(context, NAME, `floor ${passes} pass${passes === 1 ? "" : "es"} ${cloud} ${models}`, [
            FLOOR,
            recording,
            "--compiled",
            compiled.root,
            "--passes",
            String(passes),
          ]);
        const floorOne = await floor(1);
        const floorTwo = await floor(2);
        for (const item of [preview, update, both, floorOne, floorTwo]) {
          hide(item);
          result.cases.push(item);
        }
        const label = `${cloud} ${models}`;
        result.comparisons.push(
          ...[
            compare(NAME, `both/preview wall ${label}`, both.wallSeconds, preview.wallSeconds),
            compare(NAME, `both/preview CPU ${label}`, both.cpuSeconds, preview.cpuSeconds),
            compare(NAME, `both/floor 2 passes CPU ${label}`, both.cpuSeconds, floorTwo.cpuSeconds),
            compare(NAME, `preview/floor 1 pass CPU ${label}`, preview.cpuSeconds, floorOne.cpuSeconds),
            compare(
              NAME,
              `both/floor 2 passes tree peak RSS ${label}`,
              both.treePeakRssMiB,
              floorTwo.treePeakRssMiB,
            ),
          ].filter((item): item is Comparison => item !== undefined),
        );
      }
    }
    return result;
  },
};
