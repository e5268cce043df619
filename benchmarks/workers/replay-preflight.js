"use strict";
/**
 * The hand-written side of the overhead benchmark: runs, with the same preflight engine (`runStack` from the
 * compiled package: child process, ts-node, mocks, recorder), a TypeScript program that declares the
 * resources of a recorded SecureAiPlatform run (same types, names, inputs, parents; see `lib/replay.js`),
 * through the provider SDK classes with `--sdk-classes`, else as plain resources.
 * Usage: node benchmarks/workers/replay-preflight.js <recording.json> --compiled <package root> [--sdk-classes]
 * Prints one JSON line: { declared, resources, sdkClasses }.
 */
const fs = require("node:fs");
const path = require("node:path");
const { replayProgram } = require("./lib/programs");

async function main() {
  const recording = process.argv[2];
  const compiledIndex = process.argv.indexOf("--compiled");
  const compiledRoot = compiledIndex > 0 ? process.argv[compiledIndex + 1] : undefined;
  if (!recording || !compiledRoot) {
    throw new Error("usage: replay-preflight.js <recording.json> --compiled <package root>");
  }
  const { runStack } = require(path.join(compiledRoot, "dist", "preflight", "engine", "index.js"));
  const declared = JSON.parse(fs.readFileSync(recording, "utf8")).resources.length;
  const programDir = replayProgram(recording, { sdkClasses: process.argv.includes("--sdk-classes") });
  try {
    const run = await runStack({ programDir });
    const sdkClasses = run.outputs.sdkClasses ?? 0;
    process.stdout.write(`${JSON.stringify({ declared, resources: run.resources.length, sdkClasses })}\n`);
  } finally {
    fs.rmSync(programDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
