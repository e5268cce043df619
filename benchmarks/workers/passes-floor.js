"use strict";
/**
 * The floor of the passes benchmark: the same work as the preflight's passes, done minimally in one plain
 * Node.js process: for each pass, Pulumi's mock runtime alone declares the recorded run's resources as plain
 * resources (`lib/replay.js`, no engine child, no ts-node, no recorder, no stand-ins), and the one-policy
 * JavaScript pack (`benchmarks/packs/one-policy`) analyses the same resources over the analyzer protocol.
 * Usage: node benchmarks/workers/passes-floor.js <recording.json> --compiled <package root> [--passes N]
 * Prints one JSON line: { declared, passes, analysed }.
 */
const fs = require("node:fs");
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");
const { replayResources } = require("./lib/replay");

const ONE_POLICY_PACK = path.resolve(__dirname, "..", "packs", "one-policy");

function option(name) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const recording = process.argv[2];
  const compiledRoot = option("--compiled");
  if (!recording || !compiledRoot) {
    throw new Error("usage: passes-floor.js <recording.json> --compiled <package root> [--passes N]");
  }
  const passes = Number(option("--passes") ?? 2);
  const { analyzeStack } = require(path.join(compiledRoot, "dist", "preflight", "analyzer", "run-packs.js"));
  const resources = JSON.parse(fs.readFileSync(recording, "utf8")).resources;
  let declared = 0;
  let analysed = 0;
  for (let pass = 0; pass < passes; pass++) {
    await pulumi.runtime.setMocks(
      {
        newResource(args) {
          return { id: args.custom ? `${args.name}-id` : undefined, state: args.inputs };
        },
        call() {
          return {};
        },
      },
      "floor",
      "bench",
      pass === 0,
    );
    await pulumi.runtime.runInPulumiStack(async () => {
      declared += replayResources(pulumi, resources).declared;
    });
    await pulumi.runtime.disconnect();
    await analyzeStack({
      packs: [{ dir: ONE_POLICY_PACK }],
      resources,
      stack: "bench",
      project: "floor",
      dryRun: pass === 0,
    });
    analysed += resources.length;
  }
  process.stdout.write(`${JSON.stringify({ declared, passes, analysed })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
