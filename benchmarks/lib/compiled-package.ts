/**
 * A compiled copy of this package, laid out like the installed npm package, in a temporary directory: what
 * `npx secure-ai check` runs after `npm install secure-ai-platform`, without touching the shared `dist/`.
 * Built once per harness run with `tsc -p tsconfig.build.json --outDir <temp>/dist` (about a minute) and
 * removed when the harness exits.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BenchmarkContext } from "./benchmark";
import { REPOSITORY_ROOT } from "./measure";

/** The temporary compiled package. */
export interface CompiledPackage {
  /** Package root (package.json, node_modules link, dist/, policy-packs/secure-ai/). */
  root: string;
  /** The pack directory as installed: PulumiPolicy.yaml and package.json, code in `dist/`. */
  ourPackDir: string;
}

const OUR_PACK = path.join(REPOSITORY_ROOT, "policy-packs", "secure-ai");
let built: CompiledPackage | undefined | null = null;

/**
 * Builds the compiled package on first call and returns it; undefined (reason logged) when the compiler
 * emitted no pack or engine. Type errors in files being edited by others do not stop the emit.
 *
 * @param context - the harness context (for progress messages).
 */
export function compiledPackage(context: BenchmarkContext): CompiledPackage | undefined {
  if (built !== null) {
    return built;
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-compiled-package-"));
  process.on("exit", () => fs.rmSync(root, { recursive: true, force: true }));
  context.log(`compiling the package into ${root}/dist (tsc -p tsconfig.build.json)…`);
  const tsc = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", path.join(root, "dist")],
    { cwd: REPOSITORY_ROOT, encoding: "utf8" },
  );
  const relativePack = path.relative(REPOSITORY_ROOT, OUR_PACK);
  const needed = [
    path.join(root, "dist", relativePack, "index.js"),
    path.join(root, "dist", "preflight", "engine", "index.js"),
  ];
  if (!needed.every((file) => fs.existsSync(file))) {
    context.log(`tsc emitted no pack or engine (exit ${tsc.status}): ${tsc.stdout.slice(0, 2000)}`);
    built = undefined;
    return built;
  }
  if (tsc.status !== 0) {
    context.log(`tsc reported errors (exit ${tsc.status}) but emitted everything needed; measuring anyway`);
  }
  fs.copyFileSync(path.join(REPOSITORY_ROOT, "package.json"), path.join(root, "package.json"));
  fs.symlinkSync(path.join(REPOSITORY_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  const ourPackDir = path.join(root, relativePack);
  fs.mkdirSync(ourPackDir, { recursive: true });
  // package.json is not in the npm package's "files" today, but @pulumi/policy reads it for the pack version.
  for (const file of ["PulumiPolicy.yaml", "package.json"]) {
    fs.copyFileSync(path.join(OUR_PACK, file), path.join(ourPackDir, file));
  }
  built = { root, ourPackDir };
  return built;
}
