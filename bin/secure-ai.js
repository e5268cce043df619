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

loadCli()
  .runCli(process.argv.slice(2))
  .then(
    (code) => finish(code),
    (error) => {
      process.stderr.write(`secure-ai: ${error && error.stack ? error.stack : String(error)}\n`);
      finish(2);
    },
  );

// Exit once stdout has been flushed: open handles (child processes, gRPC channels) must not keep the
// command alive, and a report piped to another process must not be cut short.
function finish(code) {
  process.stdout.write("", () => process.exit(code));
}
