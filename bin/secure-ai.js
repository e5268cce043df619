#!/usr/bin/env node
// Entry point of the `secure-ai` command. In a checkout (the TypeScript sources are present) it registers
// ts-node in transpile-only mode and loads the source, so a stale dist/ can never run instead of the code
// being edited; in an installed package (sources are not published) it loads the compiled CLI in dist/.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const packageRoot = path.resolve(__dirname, "..");
const compiled = path.join(packageRoot, "dist", "preflight", "cli", "main.js");
const source = path.join(packageRoot, "preflight", "cli", "main.ts");

function loadCli() {
  if (!fs.existsSync(source)) {
    return require(compiled);
  }
  const tsconfig = path.join(packageRoot, "tsconfig.json");
  const options = { transpileOnly: true, project: tsconfig, compilerOptions: { module: "commonjs" } };
  require("ts-node").register(options);
  // The CLI's own fifty-odd modules, transpiled once per content (as the engine's child caches them):
  // every later start skips the compiler. SECURE_AI_PREFLIGHT_TRANSPILE_CACHE=0 turns it off.
  const versionOf = (name) => require(`${name}/package.json`).version;
  require(path.join(packageRoot, "preflight", "engine", "transpile-cache.ts")).cacheTranspiledTypeScript({
    scope: (file) =>
      file.startsWith(packageRoot + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`),
    salt: JSON.stringify([
      "cli",
      versionOf("typescript"),
      versionOf("ts-node"),
      options,
      fs.readFileSync(tsconfig, "utf8"),
    ]),
    resolveFrom: require.resolve("ts-node"),
  });
  return require(source);
}

// runCliProcess exits once stdout is flushed, and stops writing quietly when the reader of a pipe goes away.
loadCli().runCliProcess(process.argv.slice(2));
