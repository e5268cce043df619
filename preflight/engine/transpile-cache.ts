/**
 * A disk cache for the JavaScript that ts-node produces from TypeScript files. Each run of the preflight
 * starts a fresh child per stack and pass, and each child used to transpile the same hundred or so files
 * again (the program, the component it imports, and from source the preflight's own child): about half a
 * second of CPU per child, the largest cost after the provider SDKs. Transpiling is a pure function of the
 * compiler, its options and the file's text, so the output is stored under a hash of exactly those and
 * reused; any edit to a file, its compiler options or the compiler's version misses the cache.
 *
 * It wraps the `.ts` loader ts-node registered: a hit compiles the stored JavaScript directly, a miss lets
 * ts-node compile and stores what ts-node handed to `module._compile`. Stack traces stay source-mapped: the
 * stored output carries ts-node's inline source map, and this module tells the source-map support ts-node
 * installed where to find it. Set `SECURE_AI_PREFLIGHT_TRANSPILE_CACHE=0` to turn the cache off.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";

type Loader = (module: NodeJS.Module, filename: string) => void;
type CompilingModule = NodeJS.Module & { _compile(code: string, filename: string): unknown };

/** What a cache needs to know. */
export interface TranspileCacheOptions {
  /** Which `.ts` files it applies to (the rest go to ts-node as before). */
  scope: (filename: string) => boolean;
  /** Everything besides a file's text that decides its output: compiler version, options, tsconfig text. */
  salt: string;
  /** Resolves ts-node's source-map-support, so cached files keep mapped stack traces. */
  resolveFrom: string;
  /** @default `<os temp dir>/secure-ai-preflight-transpiled` */
  cacheDir?: string;
}

/** Outputs this process loaded from the cache, by file, for the source-map support. */
const cachedOutputs = new Map<string, string>();
let sourceMapHandlerInstalled = false;

/**
 * Wraps the current `.ts` loader (ts-node's) with the cache. Does nothing when no `.ts` loader is registered
 * or the cache is turned off.
 *
 * @param options - scope, salt and where ts-node lives.
 * @returns whether the cache is active.
 */
export function cacheTranspiledTypeScript(options: TranspileCacheOptions): boolean {
  const compile = require.extensions[".ts"] as Loader | undefined;
  if (compile === undefined || process.env["SECURE_AI_PREFLIGHT_TRANSPILE_CACHE"] === "0") {
    return false;
  }
  const cacheDir = cacheDirOf(options.salt, options.cacheDir);
  installSourceMapHandler(options.resolveFrom);
  require.extensions[".ts"] = (module: NodeJS.Module, filename: string) => {
    if (!options.scope(filename)) {
      compile(module, filename);
      return;
    }
    const code = fs.readFileSync(filename, "utf8");
    const file = outputFileOf(cacheDir, filename, code);
    const compiling = module as CompilingModule;
    let stored: string | undefined;
    try {
      stored = fs.readFileSync(file, "utf8");
    } catch {
      stored = undefined;
    }
    if (stored !== undefined) {
      cachedOutputs.set(filename, stored);
      compiling._compile(stored, filename);
      return;
    }
    const moduleCompile = compiling._compile;
    compiling._compile = function (this: CompilingModule, output: string, name: string) {
      compiling._compile = moduleCompile;
      store(cacheDir, file, output);
      return moduleCompile.call(this, output, name);
    };
    try {
      compile(module, filename);
    } finally {
      compiling._compile = moduleCompile;
    }
  };
  return true;
}

/** The folder of one salt's outputs. */
function cacheDirOf(salt: string, cacheDir?: string): string {
  const saltHash = createHash("sha256").update(salt).digest("hex").slice(0, 16);
  return path.join(cacheDir ?? path.join(os.tmpdir(), "secure-ai-preflight-transpiled"), saltHash);
}

/** Where the output of a file with this text is stored. */
function outputFileOf(cacheDir: string, filename: string, code: string): string {
  const key = createHash("sha256").update(filename).update("\0").update(code).digest("hex");
  return path.join(cacheDir, `${key}.js`);
}

/**
 * Where the cache keeps the output of `filename` as it reads now, under `salt` (the same path the loader of
 * {@link cacheTranspiledTypeScript} uses). Lets a process load this module itself from the cache before the
 * loader exists (child-entry.ts).
 *
 * @param filename - absolute TypeScript file.
 * @param salt - the cache's salt.
 * @param cacheDir - @default `<os temp dir>/secure-ai-preflight-transpiled`
 */
export function transpiledOutputFile(filename: string, salt: string, cacheDir?: string): string {
  return outputFileOf(cacheDirOf(salt, cacheDir), filename, fs.readFileSync(filename, "utf8"));
}

/**
 * Compiles `filename` with the ts-node this process registered and stores the output at `outputFile` (a path
 * from {@link transpiledOutputFile}). Does nothing without a registered ts-node or with the cache turned off.
 */
export function storeTranspiledOutput(filename: string, outputFile: string): void {
  const service = (process as unknown as Record<symbol, { compile(code: string, file: string): string }>)[
    Symbol.for("ts-node.register.instance")
  ];
  if (service === undefined || process.env["SECURE_AI_PREFLIGHT_TRANSPILE_CACHE"] === "0") {
    return;
  }
  store(path.dirname(outputFile), outputFile, service.compile(fs.readFileSync(filename, "utf8"), filename));
}

function store(cacheDir: string, file: string, output: string): void {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, output);
    fs.renameSync(partial, file);
  } catch {
    // A read-only or full temp folder only costs the cache.
  }
}

/** Lets the source-map support that ts-node installed read the outputs that came from the cache. */
function installSourceMapHandler(resolveFrom: string): void {
  if (sourceMapHandlerInstalled) {
    return;
  }
  sourceMapHandlerInstalled = true;
  try {
    const load = createRequire(resolveFrom);
    const support = load("@cspotcode/source-map-support") as {
      install(options: { retrieveFile(path: string): string | null | undefined; environment: string }): void;
    };
    support.install({
      environment: "node",
      retrieveFile: (file) => cachedOutputs.get(path.normalize(file)) ?? null,
    });
  } catch {
    // Without it, stack traces of cached files point into the transpiled JavaScript.
  }
}
