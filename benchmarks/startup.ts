/**
 * Start-up benchmark, per cloud: time to load the package's facade from the compiled package and build one
 * SecureAiPlatform (one model) under Pulumi's mock runtime in one plain process, and which provider SDKs
 * that loaded (`require.cache` modules under node_modules/@pulumi/aws, gcp, azure-native). Target
 * (issue 9): only the chosen cloud's SDK is loaded.
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

const NAME = "startup";
const WORKER = path.join(REPOSITORY_ROOT, "benchmarks", "workers", "startup.js");
const LOADED_FIELD = { aws: "loadedAws", gcp: "loadedGcp", azure: "loadedAzureNative" } as const;

/** The start-up benchmark. */
export const startupBenchmark: Benchmark = {
  name: NAME,
  description: "load the facade and build one platform per cloud; other clouds' SDK modules loaded",
  async run(context): Promise<BenchmarkResult> {
    const compiled = compiledPackage(context);
    const result: BenchmarkResult = { cases: [], comparisons: [] };
    if (!compiled) {
      context.log("startup: no compiled package, skipped");
      return result;
    }
    for (const cloud of ["aws", "gcp", "azure"] as const) {
      const item = await measureCase(context, NAME, `one platform ${cloud}`, [
        WORKER,
        cloud,
        "--compiled",
        compiled.root,
      ]);
      item.command = item.command.replace(/--compiled \S+/, "--compiled <compiled package>");
      result.cases.push(item);
      const others = Object.entries(LOADED_FIELD)
        .filter(([other]) => other !== cloud)
        .reduce((sum, [, field]) => sum + (item.reported[field] ?? 0), 0);
      const loaded: Comparison | undefined = compare(
        NAME,
        `${cloud}: other clouds' SDK modules loaded`,
        others,
        1,
        {
          value: 0,
        },
      );
      if (loaded) {
        result.comparisons.push(loaded);
      }
    }
    return result;
  },
};
