"use strict";
/**
 * Runs one SecureAiPlatform program (N models on one cloud) through the preflight as `secure-ai check`
 * does: the engine (`runStack`: child process, ts-node for the program, mocks, recorder) and, unless
 * `--engine-only`, the secure-ai pack over the analyzer protocol (`analyzeStack`, compiled pack copy),
 * the pack starting while the program runs.
 * Usage: node benchmarks/workers/platform-preflight.js <aws|gcp|azure> <models> --compiled <package root>
 *          [--engine-only] [--record FILE]
 * `--record FILE` writes the recorded StackRun (for the hand-written replay). Prints one JSON line:
 * { models, resources, findings, mandatory, engineSeconds, packSeconds } where packSeconds is the time from
 * the program's end to the analysis's end (the pack's start-up overlaps the program).
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
  const dist = path.join(compiledRoot, "dist");
  const { runStack, listStacks, loadProject } = require(path.join(dist, "preflight", "engine", "index.js"));
  const programDir = platformProgram(cloud, models, compiledRoot);
  try {
    const started = performance.now();
    const stack = listStacks(programDir)[0];
    let engineDone = started;
    const running = runStack({ programDir, stack }).then((stackRun) => {
      engineDone = performance.now();
      return stackRun;
    });
    let findings = [];
    if (!process.argv.includes("--engine-only")) {
      const { analyzeStack } = require(path.join(dist, "preflight", "analyzer", "run-packs.js"));
      const analysis = await analyzeStack({
        packs: [{ dir: path.join(compiledRoot, "policy-packs", "secure-ai") }],
        resources: running.then((stackRun) => stackRun.resources),
        stack,
        project: loadProject(programDir).name,
        dryRun: true,
        preferCompiled: true,
      });
      findings = analysis.findings;
    }
    const run = await running;
    const finished = performance.now();
    const record = option("--record");
    if (record) {
      fs.writeFileSync(record, JSON.stringify(run));
    }
    process.stdout.write(
      `${JSON.stringify({
        models,
        resources: run.resources.length,
        findings: findings.length,
        mandatory: findings.filter((finding) => finding.enforcementLevel === "mandatory").length,
        engineSeconds: Number(((engineDone - started) / 1000).toFixed(3)),
        packSeconds: Number(((finished - engineDone) / 1000).toFixed(3)),
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
