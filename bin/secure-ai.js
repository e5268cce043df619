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
  require("ts-node").register({
    transpileOnly: true,
    project: path.join(packageRoot, "tsconfig.json"),
    compilerOptions: { module: "commonjs" },
  });
  return require(source);
}

// runCliProcess exits once stdout is flushed, and stops writing quietly when the reader of a pipe goes away.
loadCli().runCliProcess(process.argv.slice(2));
