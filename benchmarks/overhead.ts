/**
 * Component overhead benchmark, per cloud: the preflight engine running a program that builds one
 * SecureAiPlatform (one model) against the same engine running the hand-written equivalent, a program
 * declaring the same resources (types, names, inputs, parents, replayed from a recording of the first
 * program) as plain Pulumi resources. Same engine (compiled package), same mock runtime, same process
 * conditions; the pack does not run. Target (issue 9): at most 1.10 times in time and memory.
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
      ]);
      component.command = component.command.replace(/--compiled \S+/, "--compiled <compiled package>");
      handWritten.command = handWritten.command
        .replace(/--compiled \S+/, "--compiled <compiled package>")
        .replace(/\S+\.json/, "<recording of the component run>");
      result.cases.push(component, handWritten);
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
        ].filter((item): item is Comparison => item !== undefined),
      );
    }
    return result;
  },
};
