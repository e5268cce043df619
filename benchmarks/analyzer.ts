/**
 * Analyzer benchmark: start time and analysis rate of policy packs over the analyzer protocol, one client
 * (the preflight's), the same resources. The floor is a one-policy JavaScript pack (`packs/one-policy`);
 * ours is `policy-packs/secure-ai`, measured both ways the preflight can run it: from its compiled copy
 * (built here into a temporary package laid out like the published one, so the shared `dist/` is never
 * touched) and from its TypeScript source as the Pulumi CLI runs it.
 * Targets (issue 9): ours starts within 1.2 times the floor and analyses at least 0.8 times its rate.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  type Benchmark,
  type BenchmarkContext,
  type BenchmarkResult,
  type CaseResult,
  type Comparison,
  compare,
  measureCase,
  REPOSITORY_ROOT,
  typescriptWorker,
} from "./lib/benchmark";

const NAME = "analyzer";
const WORKER = path.join(REPOSITORY_ROOT, "benchmarks", "workers", "analyzer-throughput.ts");
const FLOOR_PACK = path.join(REPOSITORY_ROOT, "benchmarks", "packs", "one-policy");
const OUR_PACK = path.join(REPOSITORY_ROOT, "policy-packs", "secure-ai");

/**
 * Compiles the package with `tsconfig.build.json` into `<temp>/dist` and lays out `<temp>` like the
 * installed package: its package.json, node_modules, and the pack directory with PulumiPolicy.yaml and
 * package.json (which `@pulumi/policy` reads for the pack version). Returns the temporary pack directory, or
 * undefined (with the reason logged) when the compiler emitted no pack.
 */
function compiledPackage(context: BenchmarkContext): { packDir: string; root: string } | undefined {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-compiled-pack-"));
  context.log(`${NAME}: compiling the package into ${root}/dist (tsc -p tsconfig.build.json)…`);
  const tsc = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", path.join(root, "dist")],
    { cwd: REPOSITORY_ROOT, encoding: "utf8" },
  );
  const relativePack = path.relative(REPOSITORY_ROOT, OUR_PACK);
  if (!fs.existsSync(path.join(root, "dist", relativePack, "index.js"))) {
    context.log(`${NAME}: tsc emitted no pack (exit ${tsc.status}): ${tsc.stdout.slice(0, 2000)}`);
    fs.rmSync(root, { recursive: true, force: true });
    return undefined;
  }
  if (tsc.status !== 0) {
    context.log(
      `${NAME}: tsc reported errors (exit ${tsc.status}) but emitted the pack; measuring it anyway`,
    );
  }
  fs.copyFileSync(path.join(REPOSITORY_ROOT, "package.json"), path.join(root, "package.json"));
  fs.symlinkSync(path.join(REPOSITORY_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  const packDir = path.join(root, relativePack);
  fs.mkdirSync(packDir, { recursive: true });
  for (const file of ["PulumiPolicy.yaml", "package.json"]) {
    fs.copyFileSync(path.join(OUR_PACK, file), path.join(packDir, file));
  }
  return { packDir, root };
}

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
      try {
        compiledCase = await run(`secure-ai compiled ${count}`, [compiled.packDir, count]);
        compiledCase.command = `${compiledCase.command} (pack: <temporary compiled package>/policy-packs/secure-ai)`;
        cases.push(compiledCase);
      } finally {
        fs.rmSync(compiled.root, { recursive: true, force: true });
      }
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
