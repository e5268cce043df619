"use strict";
/**
 * Runs one SecureAiPlatform program (N models on one cloud) through the preflight's passes as `secure-ai
 * check --mode` does: for each pass the engine (`runStack` in that mode) and the secure-ai pack over the
 * analyzer protocol (`analyzeStack` with `dryRun` true for preview, false for update; compiled pack copy),
 * the pack starting while the program runs, the passes side by side.
 * Usage: node benchmarks/workers/platform-passes.js <aws|gcp|azure> <models> --compiled <package root>
 *          --passes preview|update|preview,update [--record FILE]
 * `--record FILE` writes the StackRun of the last pass (the update pass when it ran). Prints one JSON line:
 * { models, resources, passes, findings, examinations, unknownInputs }.
 */
const fs = require("node:fs");
const path = require("node:path");
const { platformProgram } = require("./lib/programs");

function option(name) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const [cloud, modelsArg] = process.argv.slice(2);
  const models = Number(modelsArg ?? 1);
  const compiledRoot = option("--compiled");
  if (!compiledRoot) {
    throw new Error("--compiled <package root> is required (build it with the harness)");
  }
  const passes = (option("--passes") ?? "preview,update").split(",");
  const dist = path.join(compiledRoot, "dist");
  const { runStack, listStacks, loadProject } = require(path.join(dist, "preflight", "engine", "index.js"));
  const { analyzeStack } = require(path.join(dist, "preflight", "analyzer", "run-packs.js"));
  const programDir = platformProgram(cloud, models, compiledRoot);
  try {
    const stack = listStacks(programDir)[0];
    const project = loadProject(programDir).name;
    const results = await Promise.all(
      passes.map(async (pass) => {
        const running = runStack({ programDir, stack, mode: pass });
        const analysis = await analyzeStack({
          packs: [{ dir: path.join(compiledRoot, "policy-packs", "secure-ai") }],
          resources: running.then((stackRun) => stackRun.resources),
          stack,
          project,
          dryRun: pass === "preview",
          preferCompiled: true,
        });
        return { run: await running, analysis };
      }),
    );
    const last = results[results.length - 1];
    const record = option("--record");
    if (record) {
      fs.writeFileSync(record, JSON.stringify(last.run));
    }
    const examinations = results.flatMap((result) => result.analysis.examinations);
    process.stdout.write(
      `${JSON.stringify({
        models,
        resources: last.run.resources.length,
        passes: passes.length,
        findings: results.reduce((sum, result) => sum + result.analysis.findings.length, 0),
        examinations: examinations.length,
        unknownInputs: examinations.filter((entry) => entry.outcome === "unknown-inputs").length,
      })}\n`,
    );
  } finally {
    fs.rmSync(programDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
