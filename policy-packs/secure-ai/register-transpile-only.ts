/**
 * Start-up speed. The Pulumi CLI loads a TypeScript pack through ts-node with type checking on, and that
 * ts-node builds a new TypeScript program for every source file it loads: about 60 files here (policies,
 * helpers, the controls catalog), which made the pack start far slower than a one-policy pack. `index.ts`
 * imports this module first; it routes the `.ts` files of this repository to a transpile-only ts-node
 * (the CLI's type-checking loader still handles everything else). Type checking is not lost, `tsc --noEmit`
 * checks the same files in CI. Transpiled output is cached in the OS temp folder by content hash, so later
 * starts skip even the transpiling. Set `SECURE_AI_POLICY_TYPECHECK=1` to keep the CLI's loader for every file.
 * The published pack is compiled JavaScript, where this module does nothing.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as TsNode from "ts-node";

type Loader = (module: NodeJS.Module, filename: string) => void;
type CompilingModule = NodeJS.Module & { _compile(code: string, filename: string): unknown };

const repositoryRoot = path.resolve(__dirname, "..", "..");
const typeScriptLoader = require.extensions[".ts"] as Loader | undefined;

if (
  path.extname(__filename) === ".ts" &&
  typeScriptLoader !== undefined &&
  process.env.SECURE_AI_POLICY_TYPECHECK !== "1"
) {
  // Loaded only here: the compiled (published) pack never needs ts-node.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tsNode = require("ts-node") as typeof TsNode;
  const transpiler = tsNode.create({
    transpileOnly: true,
    skipProject: true,
    compilerOptions: { module: "commonjs", target: "ES2022", esModuleInterop: true, sourceMap: true },
  });
  const cacheDir = path.join(os.tmpdir(), `secure-ai-policy-pack-${tsNode.VERSION}`);
  const transpile = (code: string, file: string): string => {
    const key = createHash("sha256").update(file).update("\0").update(code).digest("hex");
    const cached = path.join(cacheDir, `${key}.js`);
    try {
      return fs.readFileSync(cached, "utf8");
    } catch {
      const output = transpiler.compile(code, file);
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(`${cached}.${process.pid}`, output);
        fs.renameSync(`${cached}.${process.pid}`, cached);
      } catch {
        // A read-only temp folder only costs the cache.
      }
      return output;
    }
  };
  const inRepository = (filename: string) =>
    filename.startsWith(repositoryRoot + path.sep) &&
    !filename.includes(`${path.sep}node_modules${path.sep}`);
  // Compiles directly: the `.js` loader is wrapped by the CLI's ts-node too and would type-check again.
  require.extensions[".ts"] = (module: NodeJS.Module, filename: string) => {
    if (!inRepository(filename)) {
      typeScriptLoader(module, filename);
      return;
    }
    (module as CompilingModule)._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
  };
}
