"use strict";
// Runs a TypeScript file of this repository under ts-node in transpile-only mode, the way
// bin/secure-ai.js runs the CLI from source: node benchmarks/ts-entry.js <file.ts> [args...]
const path = require("node:path");

const repositoryRoot = path.resolve(__dirname, "..");
require("ts-node").register({
  transpileOnly: true,
  project: path.join(repositoryRoot, "tsconfig.json"),
  compilerOptions: { module: "commonjs" },
});
const [, , file, ...args] = process.argv;
if (!file) {
  process.stderr.write("usage: node benchmarks/ts-entry.js <file.ts> [args...]\n");
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(file), ...args];
require(path.resolve(file));
