/**
 * Which `typescript` and `ts-node` a program is compiled with, found as the Pulumi CLI finds them. The
 * language host starts the `@pulumi/pulumi/cmd/run` that `require.resolve` finds from the program directory
 * (pulumi-language-nodejs `locateModule`, run with the program directory as its working directory), and
 * that SDK's `tsutils.typeScriptRequireStrings()` tries `require("typescript")` and `require("ts-node")` from
 * its own (real) location, falling back to the copies it ships in `vendor/typescript@3.8.3/typescript.js`
 * and `vendor/ts-node@7.0.1`. `cmd/run/run.js` then uses the automatic ESM mode only for an ES-module
 * package with TypeScript above 4.7.0, no `--loader`, `--import` or `--require` among the Node.js arguments
 * and a `ts-node/esm` that resolves from `cmd/run`; otherwise it registers ts-node's CommonJS hooks with
 * `nodenext` from TypeScript 4.7.0 and `commonjs`/`node` below (see node_modules/@pulumi/pulumi/tsutils.js
 * and cmd/run/run.js).
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { PreflightUsageError } from "./errors";
import { packageVersion } from "./typescript-loader";

/** The compiler of a program, and where it came from. */
export interface ProgramCompiler {
  /** Absolute path of the `typescript` module (a package's main, or the SDK's vendored `typescript.js`). */
  typescriptPath: string;
  /** Its version, read without loading it. */
  typescriptVersion: string;
  /** Absolute path of the `ts-node` module. */
  tsNodePath: string;
  /** Its version, read without loading it. */
  tsNodeVersion: string;
  /** Whether `typescript` is the copy vendored in `@pulumi/pulumi`. */
  vendoredTypeScript: boolean;
  /** Whether `ts-node` is the copy vendored in `@pulumi/pulumi`. */
  vendoredTsNode: boolean;
  /** Real directory of the program's `@pulumi/pulumi`, whose resolution found both. */
  sdkDir: string;
  /** Its version. */
  sdkVersion: string;
  /** Whether `ts-node/esm` resolves from the SDK's `cmd/run`, one condition of the automatic ESM mode. */
  tsNodeEsm: boolean;
}

const resolved = new Map<string, ProgramCompiler>();

/**
 * Finds the compiler of the program in `programDir` as the Pulumi CLI does (see the module comment).
 * Answers are kept per directory for the life of the process.
 *
 * @param programDir - the program directory: `main` when it is a directory, else the folder holding it.
 * @throws PreflightUsageError when `@pulumi/pulumi` cannot be found from `programDir`, or when neither the
 *   SDK's resolution nor its vendor folder has a `typescript` or a `ts-node`.
 */
export function resolveProgramCompiler(programDir: string): ProgramCompiler {
  const known = resolved.get(programDir);
  if (known !== undefined) {
    return known;
  }
  const sdkDir = sdkDirectory(programDir);
  // tsutils.js requires from its own file; Node resolves a symlinked package from its real path.
  const fromSdk = createRequire(path.join(sdkDir, "tsutils.js"));
  const typescript = findModule(
    fromSdk,
    "typescript",
    path.join(sdkDir, "vendor", "typescript@3.8.3", "typescript.js"),
  );
  const tsNode = findModule(fromSdk, "ts-node", path.join(sdkDir, "vendor", "ts-node@7.0.1", "index.js"));
  if (typescript === undefined || tsNode === undefined) {
    const missing = [
      typescript === undefined ? "typescript" : [],
      tsNode === undefined ? "ts-node" : [],
    ].flat();
    throw new PreflightUsageError(
      `No ${missing.join(" and no ")} for ${programDir}: pulumi preview compiles a program with those its ` +
        `@pulumi/pulumi (${sdkDir}) resolves, else with the copies in that package's vendor folder, and there ` +
        `are none. Install them (npm install --save-dev ${missing.join(" ")}), or reinstall @pulumi/pulumi.`,
    );
  }
  const compiler: ProgramCompiler = {
    typescriptPath: typescript.file,
    typescriptVersion: typescript.vendored ? "3.8.3" : packageVersion(typescript.file),
    tsNodePath: tsNode.file,
    tsNodeVersion: tsNode.vendored ? "7.0.1" : packageVersion(tsNode.file),
    vendoredTypeScript: typescript.vendored,
    vendoredTsNode: tsNode.vendored,
    sdkDir,
    sdkVersion: packageVersion(path.join(sdkDir, "package.json")),
    tsNodeEsm: resolves(createRequire(path.join(sdkDir, "cmd", "run", "run.js")), "ts-node/esm"),
  };
  resolved.set(programDir, compiler);
  return compiler;
}

/**
 * Whether the language host would load an ES-module program through ts-node's ESM hooks (its automatic ESM
 * mode): TypeScript above 4.7.0, `ts-node/esm` available, and no loader among the Node.js arguments.
 * Otherwise it registers ts-node's CommonJS hooks, and `import()` of a `.ts` file fails as Node.js fails it.
 *
 * @param compiler - the program's compiler.
 * @param nodeArgs - the program's Node.js arguments (runtime option `nodeargs`).
 */
export function automaticEsmMode(compiler: ProgramCompiler, nodeArgs: readonly string[]): boolean {
  const hasLoaders = nodeArgs.some((arg) => arg === "--loader" || arg === "--import" || arg === "--require");
  return compiler.tsNodeEsm && !hasLoaders && compareVersions(compiler.typescriptVersion, "4.7.0") > 0;
}

/**
 * Whether `nodenext` is ts-node's default module kind under the language host (TypeScript 4.7.0 and later).
 *
 * @param typescriptVersion - the compiler's version.
 */
export function nodeNextByDefault(typescriptVersion: string): boolean {
  return compareVersions(typescriptVersion, "4.7.0") >= 0;
}

/**
 * One line naming the compiler, e.g. `typescript 3.8.3 and ts-node 7.0.1 vendored in @pulumi/pulumi 3.248.0`.
 *
 * @param compiler - the program's compiler.
 */
export function describeProgramCompiler(compiler: ProgramCompiler): string {
  const sdk = `@pulumi/pulumi ${compiler.sdkVersion}`;
  const typescript = `typescript ${compiler.typescriptVersion}`;
  const tsNode = `ts-node ${compiler.tsNodeVersion}`;
  if (compiler.vendoredTypeScript && compiler.vendoredTsNode) {
    return `${typescript} and ${tsNode} vendored in ${sdk}`;
  }
  if (compiler.vendoredTypeScript) {
    return `${typescript} (vendored in ${sdk}) and ${tsNode}`;
  }
  return compiler.vendoredTsNode
    ? `${typescript} and ${tsNode} (vendored in ${sdk})`
    : `${typescript} and ${tsNode}`;
}

/** The program directory of a project: its `main` when that is a directory, else the folder holding it. */
export function programDirectoryOf(main: string): string {
  try {
    return fs.statSync(main).isDirectory() ? main : path.dirname(main);
  } catch {
    return path.dirname(main);
  }
}

/** The real directory of the SDK whose `cmd/run` the language host would start for `programDir`. */
function sdkDirectory(programDir: string): string {
  let runModule: string;
  try {
    runModule = createRequire(path.join(programDir, "noop.js")).resolve("@pulumi/pulumi/cmd/run");
  } catch {
    throw new PreflightUsageError(
      `Cannot find @pulumi/pulumi from ${programDir}: install the program's dependencies (npm install) first.`,
    );
  }
  for (let dir = path.dirname(runModule); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: unknown;
      };
      if (manifest.name === "@pulumi/pulumi") {
        return fs.realpathSync(dir);
      }
    } catch {
      // keep walking up
    }
  }
  return fs.realpathSync(path.resolve(path.dirname(runModule), "..", ".."));
}

function findModule(
  from: NodeJS.Require,
  request: string,
  vendored: string,
): { file: string; vendored: boolean } | undefined {
  try {
    return { file: from.resolve(request), vendored: false };
  } catch {
    return fs.existsSync(vendored) ? { file: vendored, vendored: true } : undefined;
  }
}

function resolves(from: NodeJS.Require, request: string): boolean {
  try {
    from.resolve(request);
    return true;
  } catch {
    return false;
  }
}

/** Compares `major.minor.patch[-pre]` versions as semver orders them (a prerelease before its release). */
function compareVersions(a: string, b: string): number {
  const parse = (version: string): [number[], boolean] => {
    const [core = "", pre] = version.split("-", 2);
    return [core.split(".").map((part) => Number.parseInt(part, 10) || 0), pre !== undefined];
  };
  const [coreA, preA] = parse(a);
  const [coreB, preB] = parse(b);
  for (let index = 0; index < 3; index += 1) {
    const difference = (coreA[index] ?? 0) - (coreB[index] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return preA === preB ? 0 : preA ? -1 : 1;
}
