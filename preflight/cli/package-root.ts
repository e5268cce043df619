import * as fs from "node:fs";
import * as path from "node:path";

/** The npm package name whose root the CLI looks for. */
export const PACKAGE_NAME = "secure-ai-platform";

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
  /** The package's own Pulumi project (the directory holding its Pulumi.yaml). */
  programDir: string;
  /** The package's own policy pack, `policy-packs/secure-ai`. */
  policyPackDir: string;
}

/**
 * The default program and policy pack of `secure-ai check`, resolved against the package root rather than
 * the current working directory. The pack is the TypeScript source `policy-packs/secure-ai` when it is there
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
  return {
    programDir: packageRoot,
    policyPackDir: useCompiled ? compiledPack : sourcePack,
  };
}
