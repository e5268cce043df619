/**
 * Component overhead benchmark, per cloud: the preflight engine running a program that builds one
 * SecureAiPlatform (one model) against the same engine running the hand-written equivalent, a program
 * declaring the same resources (types, names, inputs, parents, replayed from a recording of the first
 * program) with the provider SDK classes, as a user writing them by hand would. Same engine (compiled
 * package), same mock runtime, same process conditions; the pack does not run. Target: at most 1.10 times
 * in time and memory. A third case declares the same resources as plain `CustomResource`s (no provider SDK
 * loaded): the ratio against it, reported without a target, shows what the provider SDKs themselves cost.
 */
import * as path from "node:path";
import {
  type Benchmark,
  type BenchmarkResult,
  type Comparison,
  compare,
  measureCase,
  REPOSITORY_ROOT,
} from "./lib/benchmark";
import { compiledPackage } from "./lib/compiled-package";
import { measureCommand } from "./lib/measure";
import { recordingPath } from "./lib/recordings";

const NAME = "overhead";
const WORKERS = path.join(REPOSITORY_ROOT, "benchmarks", "workers");
const PLATFORM = path.join(WORKERS, "platform-preflight.js");
const REPLAY = path.join(WORKERS, "replay-preflight.js");
const CLOUDS = ["aws", "gcp", "azure"] as const;
const MODELS = "1";

/** The overhead benchmark. */
export const overheadBenchmark: Benchmark = {
  name: NAME,
  description:
    "SecureAiPlatform program vs the hand-written program declaring the same resources (engine only)",
  async run(context): Promise<BenchmarkResult> {
    const compiled = compiledPackage(context);
    const result: BenchmarkResult = { cases: [], comparisons: [] };
    if (!compiled) {
      context.log("overhead: no compiled package, skipped");
      return result;
    }
    const limit = { value: 1.1 };
    for (const cloud of CLOUDS) {
      const recording = recordingPath(`overhead-${cloud}`);
      await measureCommand(process.execPath, [
        PLATFORM,
        cloud,
        MODELS,
        "--compiled",
        compiled.root,
        "--engine-only",
        "--record",
        recording,
      ]);
      const component = await measureCase(context, NAME, `component ${cloud}`, [
        PLATFORM,
        cloud,
        MODELS,
        "--compiled",
        compiled.root,
        "--engine-only",
      ]);
      const handWritten = await measureCase(context, NAME, `hand-written ${cloud}`, [
        REPLAY,
        recording,
        "--compiled",
        compiled.root,
        "--sdk-classes",
      ]);
      const plain = await measureCase(context, NAME, `plain resources ${cloud}`, [
        REPLAY,
        recording,
        "--compiled",
        compiled.root,
      ]);
      for (const measured of [component, handWritten, plain]) {
        measured.command = measured.command
          .replace(/--compiled \S+/, "--compiled <compiled package>")
          .replace(/\S+\.json/, "<recording of the component run>");
      }
      result.cases.push(component, handWritten, plain);
      const label = `component/hand-written ${cloud}`;
      result.comparisons.push(
        ...[
          compare(NAME, `${label} wall`, component.wallSeconds, handWritten.wallSeconds, limit),
          compare(NAME, `${label} CPU`, component.cpuSeconds, handWritten.cpuSeconds, limit),
          compare(
            NAME,
            `${label} tree peak RSS`,
            component.treePeakRssMiB,
            handWritten.treePeakRssMiB,
            limit,
          ),
          compare(NAME, `component/plain resources ${cloud} CPU`, component.cpuSeconds, plain.cpuSeconds),
          compare(
            NAME,
            `component/plain resources ${cloud} tree peak RSS`,
            component.treePeakRssMiB,
            plain.treePeakRssMiB,
          ),
        ].filter((item): item is Comparison => item !== undefined),
      );
    }
    return result;
  },
};
