/**
 * SecureAiPlatform loads its cloud backend with Node's own `require` (so that one cloud's users never load
 * the other clouds' SDKs). Vitest loads TypeScript through its own module runner, which Node's `require`
 * does not use; this registers a transpile-only TypeScript hook so that `require("./aws")` works in tests
 * exactly as it does under the Pulumi CLI, which runs programs through ts-node too.
 *
 * It is registered once per worker process (test files share it, see vitest.config.mts) and in each
 * process of tests/footprint, and registering ts-node loads TypeScript (0.3-0.6 s of CPU each time). So the
 * hook compiles through ts-node, configured as
 * `register({ transpileOnly: true, compilerOptions: { module: "commonjs" } })` would be, only when its
 * output is not already in a disk cache keyed by the file's path and text, the ts-node and TypeScript
 * versions and tsconfig.json; a process whose files are all cached never loads TypeScript. Stack traces
 * stay mapped to the `.ts` lines (ts-node's inline source maps, read by its source-map support).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type * as TsNode from "ts-node";

type CompilingModule = NodeJS.Module & { _compile(code: string, filename: string): unknown };

const registered = Symbol.for("secure-ai-platform.tests.tsNodeRegistered");
const state = globalThis as unknown as Record<symbol, boolean>;

const ROOT = path.resolve(__dirname, "..", "..");

function versionOf(name: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string })
    .version;
}

function register(): void {
  const salt = createHash("sha256")
    .update(JSON.stringify([versionOf("ts-node"), versionOf("typescript")]))
    .update(fs.readFileSync(path.join(ROOT, "tsconfig.json")))
    .digest("hex")
    .slice(0, 16);
  const cacheDir = path.join(os.tmpdir(), "secure-ai-tests-transpiled", salt);
  const outputs = new Map<string, string>();
  let service: TsNode.Service | undefined;
  const compile = (code: string, filename: string): string => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on a cache miss only
    service ??= (require("ts-node") as typeof TsNode).create({
      transpileOnly: true,
      compilerOptions: { module: "commonjs" },
    });
    return service.compile(code, filename);
  };
  const load = (module: NodeJS.Module, filename: string): void => {
    const code = fs.readFileSync(filename, "utf8");
    const key = createHash("sha256").update(filename).update("\0").update(code).digest("hex");
    const file = path.join(cacheDir, `${key}.js`);
    let output: string;
    try {
      output = fs.readFileSync(file, "utf8");
    } catch {
      output = compile(code, filename);
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(`${file}.${process.pid}`, output);
        fs.renameSync(`${file}.${process.pid}`, file);
      } catch {
        // A read-only temp folder only costs the cache.
      }
    }
    outputs.set(filename, output);
    (module as CompilingModule)._compile(output, filename);
  };
  const javascript = require.extensions[".js"]!;
  // Like ts-node's default `ignore`: TypeScript under node_modules is loaded as JavaScript.
  require.extensions[".ts"] = (module, filename) =>
    filename.includes(`${path.sep}node_modules${path.sep}`)
      ? javascript(module, filename)
      : load(module, filename);
  // ts-node's own source-map support, resolved from ts-node.
  const support = createRequire(require.resolve("ts-node"))("@cspotcode/source-map-support") as {
    install(options: { environment: string; retrieveFile(file: string): string | null }): void;
  };
  support.install({
    environment: "node",
    retrieveFile: (file) => outputs.get(path.normalize(file)) ?? null,
  });
}

if (!state[registered]) {
  register();
  state[registered] = true;
}
