import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { cacheTranspiledTypeScript } from "./transpile-cache";

const loadModule = createRequire(__filename);

/**
 * Registers ts-node for the program the way `@pulumi/pulumi/cmd/run` does: the program's own `typescript`
 * and `ts-node` when it has them (else this package's), its tsconfig's compilerOptions over CommonJS
 * defaults, always transpile-only (type errors are the compiler's business, not the preflight's). The output
 * is cached on disk by content (`transpile-cache.ts`), so later runs of the same files skip the compiler.
 *
 * @param projectDir - the project directory (tsconfig paths are relative to it).
 * @param tsconfig - tsconfig path relative to `projectDir`.
 * @param resolveFromProgram - resolves a module from the program's directory, or undefined.
 */
export function registerTypeScript(
  projectDir: string,
  tsconfig: string,
  resolveFromProgram: (request: string) => string | undefined,
): void {
  const typescriptPath = resolveFromProgram("typescript") ?? require.resolve("typescript");
  const tsNodePath = resolveFromProgram("ts-node") ?? require.resolve("ts-node");
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
      ...(hasTsconfig ? readCompilerOptions(typescriptPath, tsconfigPath) : {}),
    },
  };
  tsNode.register(options);
  cacheTranspiledTypeScript({
    scope: (filename) => !filename.split(path.sep).includes("node_modules"),
    salt: JSON.stringify([packageVersion(typescriptPath), packageVersion(tsNodePath), options]),
    resolveFrom: tsNodePath,
  });
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
