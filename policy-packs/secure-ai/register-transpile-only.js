// Start-up speed of the pack run from its TypeScript sources (a checkout of this repository).
//
// The Pulumi CLI loads a TypeScript pack through ts-node with type checking on
// (`@pulumi/pulumi/cmd/run-policy-pack`), and that ts-node builds a TypeScript program, with the default
// libraries and every `@types` package of node_modules, for each `.ts` file it compiles: some 2.4 s of CPU
// even for an entry file that imports nothing, more for each file after it. `index.js` requires this file
// before any `.ts` file, so the CLI's type-checking loader compiles none of this repository's files: they go
// to a transpile-only ts-node instead, and its output is cached in the OS temp folder by content hash, so
// later starts skip even the transpiling. Type checking is not lost: `tsc --noEmit` checks the same files in
// CI. This is plain JavaScript because it has to run before any TypeScript loader of ours exists.
// `SECURE_AI_POLICY_TYPECHECK=1` keeps the CLI's loader for every file. The published pack is compiled
// JavaScript and never loads this file.
"use strict";

const { createHash } = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const repositoryRoot = path.resolve(__dirname, "..", "..");
const typeScriptLoader = require.extensions[".ts"];

if (process.env.SECURE_AI_POLICY_TYPECHECK !== "1") {
  const tsNode = require("ts-node");
  const compilerOptions = { module: "commonjs", target: "ES2022", esModuleInterop: true, sourceMap: true };
  // The output depends on the compiler, its version and these options, besides each file's path and text.
  const salt = createHash("sha256")
    .update(JSON.stringify([tsNode.VERSION, require("typescript/package.json").version, compilerOptions]))
    .digest("hex")
    .slice(0, 16);
  const cacheDir = path.join(os.tmpdir(), `secure-ai-policy-pack-${salt}`);
  // Made on the first cache miss only: a start whose files are all cached never builds a compiler.
  let transpiler;
  const transpile = (code, file) => {
    const key = createHash("sha256").update(file).update("\0").update(code).digest("hex");
    const cached = path.join(cacheDir, `${key}.js`);
    try {
      return fs.readFileSync(cached, "utf8");
    } catch {
      transpiler ??= tsNode.create({
        transpileOnly: true,
        skipProject: true,
        compilerOptions,
      });
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
  const inRepository = (filename) =>
    filename.startsWith(repositoryRoot + path.sep) &&
    !filename.includes(`${path.sep}node_modules${path.sep}`);
  // Compiles directly: the `.js` loader is wrapped by the CLI's ts-node too and would type-check again.
  require.extensions[".ts"] = (module, filename) => {
    if (!inRepository(filename)) {
      if (typeScriptLoader === undefined) {
        throw new Error(`no TypeScript loader is registered for ${filename}`);
      }
      typeScriptLoader(module, filename);
      return;
    }
    module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
  };
}
