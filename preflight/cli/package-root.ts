import * as fs from "node:fs";
import * as path from "node:path";
import { holdsPulumiProject } from "./default-program";

/** The npm package name whose root the CLI looks for. */
export const PACKAGE_NAME = "secure-ai-platform";

/** Folder of the bundled project's program (`main` of the repository's Pulumi.yaml); not published. */
const BUNDLED_STACKS_DIR = "stacks";

/**
 * Finds the root directory of this npm package by walking up from this file until a package.json
 * named {@link PACKAGE_NAME} appears. Works from the TypeScript source (`preflight/cli/`) and from the
 * compiled output (`dist/preflight/cli/`), whatever the current working directory is.
 *
 * @param startDir - where to start looking. @default the directory of this file
 * @throws Error when no such package.json exists above `startDir`.
 */
export function findPackageRoot(startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the ${PACKAGE_NAME} package root above ${startDir}.`);
    }
    dir = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    const name = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: unknown }).name;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The package's version from its package.json.
 *
 * @param packageRoot - the package root, see {@link findPackageRoot}.
 */
export function readPackageVersion(packageRoot: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as {
    version?: unknown;
  };
  return typeof manifest.version === "string" ? manifest.version : "0.0.0";
}

/** Where the defaults of `secure-ai check` live inside the package. */
export interface PackageDefaults {
  /**
   * The package's own Pulumi project (the package root, whose Pulumi.yaml runs `stacks/`), present only in a
   * checkout of the repository: the published package ships neither. @default undefined (installed package)
   */
  bundledProgramDir?: string;
  /** The package's own policy pack, `policy-packs/secure-ai`. */
  policyPackDir: string;
}

/**
 * The package's defaults for `secure-ai check`, resolved against the package root rather than the current
 * working directory. The bundled program is the package root when it holds a Pulumi.yaml and the `stacks/`
 * project it runs (a checkout). The pack is the TypeScript source `policy-packs/secure-ai` when it is there
 * (a checkout), else the compiled `dist/policy-packs/secure-ai` when that holds a PulumiPolicy.yaml (an
 * installed package).
 *
 * @param packageRoot - the package root, see {@link findPackageRoot}.
 */
export function packageDefaults(packageRoot: string): PackageDefaults {
  const sourcePack = path.join(packageRoot, "policy-packs", "secure-ai");
  const compiledPack = path.join(packageRoot, "dist", "policy-packs", "secure-ai");
  const useCompiled =
    !fs.existsSync(path.join(sourcePack, "index.ts")) &&
    fs.existsSync(path.join(compiledPack, "PulumiPolicy.yaml"));
  const bundled = holdsPulumiProject(packageRoot) && isDirectory(path.join(packageRoot, BUNDLED_STACKS_DIR));
  return {
    ...(bundled ? { bundledProgramDir: packageRoot } : {}),
    policyPackDir: useCompiled ? compiledPack : sourcePack,
  };
}

function isDirectory(dir: string): boolean {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory();
}
