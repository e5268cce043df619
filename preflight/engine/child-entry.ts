import * as fs from "node:fs";
import * as path from "node:path";
import { transpiledOutputFile } from "./transpile-cache";
import { packageVersion } from "./typescript-loader";

/**
 * The node arguments that start one of the engine's child processes: the compiled `<name>.js` when this
 * package is built, else `<name>.ts` through ts-node scoped to the preflight folder (so it never compiles
 * the program's files), its output read from the transpile cache after the first time.
 *
 * @param name - the engine module the child runs (`child`, `typecheck-child`).
 * @param entry - the function of that module the child calls with the job file path.
 * @param jobFileEnv - the environment variable that carries the job file path.
 */
export function childEntryArguments(name: string, entry: string, jobFileEnv: string): string[] {
  const compiled = path.join(__dirname, `${name}.js`);
  if (fs.existsSync(compiled)) {
    return [compiled];
  }
  const tsNodeOptions = {
    // This package's compiler, not the one ts-node would find from the program's directory (the child's cwd).
    compiler: require.resolve("typescript"),
    transpileOnly: true,
    skipProject: true,
    scope: true,
    scopeDir: path.dirname(__dirname),
    compilerOptions: { target: "ES2022", module: "commonjs", esModuleInterop: true },
  };
  const tsNode = require.resolve("ts-node");
  const cache = {
    scopeDir: tsNodeOptions.scopeDir + path.sep,
    salt: JSON.stringify([
      packageVersion(require.resolve("typescript")),
      packageVersion(tsNode),
      tsNodeOptions,
    ]),
    resolveFrom: tsNode,
  };
  const cacheModule = path.join(__dirname, "transpile-cache.ts");
  const bootstrap = [
    `require(${JSON.stringify(tsNode)}).register(${JSON.stringify(tsNodeOptions)});`,
    `const cache = ${JSON.stringify(cache)};`,
    // The cache module itself is TypeScript too: loaded from its own cached output when there is one (the
    // first compile of a process costs ts-node's warm-up, some 0.1-0.5 s of CPU), else compiled and stored.
    `const cacheModuleFile = ${JSON.stringify(cacheModule)};`,
    `const cacheModuleOutput = ${JSON.stringify(transpiledOutputFile(cacheModule, cache.salt))};`,
    "let transpileCache;",
    "try {",
    '  if (process.env.SECURE_AI_PREFLIGHT_TRANSPILE_CACHE === "0") throw new Error("the cache is off");',
    '  const output = require("node:fs").readFileSync(cacheModuleOutput, "utf8");',
    '  const Module = require("node:module");',
    "  const loaded = new Module(cacheModuleFile, module);",
    "  loaded.filename = cacheModuleFile;",
    '  loaded.paths = Module._nodeModulePaths(require("node:path").dirname(cacheModuleFile));',
    "  loaded._compile(output, cacheModuleFile);",
    "  loaded.loaded = true;",
    "  require.cache[cacheModuleFile] = loaded;",
    "  transpileCache = loaded.exports;",
    "} catch {",
    "  transpileCache = require(cacheModuleFile);",
    "  transpileCache.storeTranspiledOutput(cacheModuleFile, cacheModuleOutput);",
    "}",
    "transpileCache.cacheTranspiledTypeScript({",
    "  ...cache,",
    "  scope: (file) => file.startsWith(cache.scopeDir),",
    "});",
    `const entry = require(${JSON.stringify(path.join(__dirname, `${name}.ts`))});`,
    // `node -e` makes require, module and exports globals; an ES-module program must not see them.
    "delete globalThis.require; delete globalThis.module; delete globalThis.exports;",
    `entry.${entry}(process.env.${jobFileEnv});`,
  ].join("\n");
  return ["-e", bootstrap];
}
