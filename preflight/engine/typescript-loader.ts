import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { registerEsmTypeScript } from "./esm-loader";
import type { ProgramCompiler } from "./program-compiler";
import { cacheTranspiledTypeScript } from "./transpile-cache";

const loadModule = createRequire(__filename);

/**
 * Registers ts-node's CommonJS hooks for the program the way `@pulumi/pulumi/cmd/run` does, with the
 * `typescript` and `ts-node` the Pulumi CLI would use (`program-compiler.ts`: the program's, else those
 * vendored in its `@pulumi/pulumi`), its tsconfig's compilerOptions over CommonJS defaults, always
 * transpile-only (the type check runs once per project beside the run, `typecheck.ts`). The output is
 * cached on disk by content (`transpile-cache.ts`), so later runs of the same files skip the compiler.
 *
 * @param projectDir - the project directory (tsconfig paths are relative to it).
 * @param tsconfig - tsconfig path relative to `projectDir`.
 * @param compiler - the program's compiler.
 */
export function registerTypeScript(projectDir: string, tsconfig: string, compiler: ProgramCompiler): void {
  const { typescriptPath, tsNodePath } = compiler;
  const tsconfigPath = path.resolve(projectDir, tsconfig);
  const hasTsconfig = fs.existsSync(tsconfigPath);
  const tsNode = loadModule(tsNodePath) as { register(options: Record<string, unknown>): unknown };
  const options = {
    compiler: typescriptPath,
    transpileOnly: true,
    project: hasTsconfig ? tsconfigPath : undefined,
    skipProject: !hasTsconfig,
    compilerOptions: {
      target: "ES2020",
      module: "commonjs",
      moduleResolution: "node",
      sourceMap: true,
      ...(compiler.vendoredTypeScript ? {} : deprecationsAllowed(typescriptPath)),
      ...(hasTsconfig ? readCompilerOptions(typescriptPath, tsconfigPath) : {}),
    },
  };
  tsNode.register(options);
  cacheTranspiledTypeScript({
    scope: (filename) => !filename.split(path.sep).includes("node_modules"),
    salt: JSON.stringify([compiler.typescriptVersion, compiler.tsNodeVersion, options]),
    resolveFrom: tsNodePath,
  });
}

/**
 * Registers ts-node's ESM hooks for an ES-module program, as the language host's automatic ESM mode does
 * (where `automaticEsmMode` in `program-compiler.ts` says it would), with {@link esModuleCompilerOptions},
 * transpile-only (the type check runs once per project beside the run, `typecheck.ts`).
 *
 * @param projectDir - the project directory (tsconfig paths are relative to it).
 * @param tsconfig - tsconfig path relative to `projectDir`.
 * @param compiler - the program's compiler.
 */
export function registerTypeScriptEsm(projectDir: string, tsconfig: string, compiler: ProgramCompiler): void {
  const { typescriptPath, tsNodePath } = compiler;
  const tsconfigPath = path.resolve(projectDir, tsconfig);
  const hasTsconfig = fs.existsSync(tsconfigPath);
  registerEsmTypeScript({
    tsNodePath,
    tsNodeOptions: {
      compiler: typescriptPath,
      transpileOnly: true,
      project: hasTsconfig ? tsconfigPath : undefined,
      skipProject: !hasTsconfig,
      compilerOptions: {
        ...(compiler.vendoredTypeScript ? {} : deprecationsAllowed(typescriptPath)),
        ...esModuleCompilerOptions(hasTsconfig ? readCompilerOptions(typescriptPath, tsconfigPath) : {}),
      },
    },
  });
}

/**
 * The compiler options of an ES-module program: ES2022 and `nodenext` under the tsconfig's own, except
 * that a CommonJS `module` (Pulumi's aws-ts-s3-folder example writes one beside `"type": "module"`) becomes
 * `nodenext`: CommonJS output cannot run as the ES module Node loads it as, while `nodenext` emits each file
 * in the format its package gives it.
 *
 * @param written - the tsconfig's compilerOptions.
 */
export function esModuleCompilerOptions(written: Record<string, unknown>): Record<string, unknown> {
  const module = typeof written["module"] === "string" ? written["module"].toLowerCase() : undefined;
  const commonJs = module === "commonjs" || module === "none" || module === "amd" || module === "umd";
  return {
    target: "ES2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    sourceMap: true,
    ...written,
    ...(commonJs ? { module: "nodenext", moduleResolution: "nodenext" } : {}),
  };
}

/**
 * `ignoreDeprecations: "6.0"` on TypeScript 6, which rejects (TS5107 and kin) options that 5 accepted and
 * that Pulumi's own templates write (`moduleResolution: node`); a tsconfig's own setting still wins.
 *
 * @param typescriptPath - the compiler the program uses.
 */
export function deprecationsAllowed(typescriptPath: string): { ignoreDeprecations?: string } {
  return packageVersion(typescriptPath).startsWith("6.") ? { ignoreDeprecations: "6.0" } : {};
}

/** The version of the package a module belongs to (nearest package.json with a version). */
export function packageVersion(modulePath: string): string {
  for (let dir = path.dirname(modulePath); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
        version?: string;
      };
      if (typeof manifest.version === "string") {
        return manifest.version;
      }
    } catch {
      // keep walking up
    }
  }
  return "unknown";
}

function readCompilerOptions(typescriptPath: string, tsconfigPath: string): Record<string, unknown> {
  const ts = loadModule(typescriptPath) as {
    parseConfigFileTextToJson(
      file: string,
      text: string,
    ): { config?: { compilerOptions?: Record<string, unknown> } };
  };
  const parsed = ts.parseConfigFileTextToJson(tsconfigPath, fs.readFileSync(tsconfigPath, "utf8"));
  return parsed.config?.compilerOptions ?? {};
}
