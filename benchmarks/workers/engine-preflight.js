"use strict";
/**
 * The preflight side of the engine benchmark: generates a TypeScript Pulumi program that registers N custom
 * resources with the same type and inputs as `engine-floor.js`, runs it with the preflight engine
 * (`runStack`: child process, ts-node for the program, mocks, recorder, result file) and prints one JSON line.
 * Usage: node benchmarks/workers/engine-preflight.js N [--compiled <package root>]
 * Without --compiled the engine runs from its TypeScript source (ts-node, as `npm run check` in this
 * repository); with it, from `<package root>/dist` (as the installed package's `npx secure-ai check`).
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");

function loadEngine(compiledRoot) {
  if (compiledRoot) {
    return require(path.join(compiledRoot, "dist", "preflight", "engine", "index.js"));
  }
  require("ts-node").register({
    transpileOnly: true,
    project: path.join(REPOSITORY_ROOT, "tsconfig.json"),
    compilerOptions: { module: "commonjs" },
  });
  return require(path.join(REPOSITORY_ROOT, "preflight", "engine", "index.ts"));
}

function generatePlainProgram(resourceCount) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-engine-${resourceCount}-`));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-engine\nruntime: nodejs\n");
  fs.writeFileSync(
    path.join(dir, "index.ts"),
    [
      'import * as pulumi from "@pulumi/pulumi";',
      "",
      `for (let index = 0; index < ${resourceCount}; index++) {`,
      '  new pulumi.CustomResource("aws:kms/key:Key", `key-${index}`, {',
      "    enableKeyRotation: true,",
      "    description: `key ${index}`,",
      "  });",
      "}",
      "",
    ].join("\n"),
  );
  fs.symlinkSync(path.join(REPOSITORY_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

async function main() {
  const compiledIndex = process.argv.indexOf("--compiled");
  const compiledRoot = compiledIndex > 0 ? process.argv[compiledIndex + 1] : undefined;
  const resourceCount = Number(process.argv[2] ?? 1000);
  const { runStack } = loadEngine(compiledRoot);
  const programDir = generatePlainProgram(resourceCount);
  try {
    let childMaxRssKb = 0;
    const run = await runStack({ programDir, onChildStats: (stats) => (childMaxRssKb = stats.maxRssKb) });
    process.stdout.write(
      `${JSON.stringify({
        resources: resourceCount,
        recorded: run.resources.length,
        childMaxRssMiB: Math.round(childMaxRssKb / 1024),
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
