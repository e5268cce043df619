"use strict";
// `npm run bench [-- <benchmark names...>] [--repeat N] [--quick]`: runs the TypeScript benchmark harness
// (benchmarks/main.ts) under ts-node in transpile-only mode. See docs/benchmarks.md.
const path = require("node:path");

process.argv.splice(2, 0, path.join(__dirname, "main.ts"));
require("./ts-entry.js");
