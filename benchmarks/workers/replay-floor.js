"use strict";
/**
 * The floor of the scale benchmark: Pulumi's mock runtime alone, in one plain Node.js process (no engine
 * child, no ts-node, no recorder, no pack), declaring the resources of a recorded run as plain resources
 * (`lib/replay.js`). With `--stack-capture <package root>` it first applies the same switch the preflight
 * engine's child applies (`preflight/engine/stack-capture.ts`: no per-resource source positions or promise
 * stacks), the fairer floor. Usage: node benchmarks/workers/replay-floor.js <recording.json> [--stack-capture <package root>]
 * Prints one JSON line: { declared, registered, stackCaptureSkipped }.
 */
const fs = require("node:fs");
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");
const { replayResources } = require("./lib/replay");

async function main() {
  const recording = process.argv[2];
  const switchIndex = process.argv.indexOf("--stack-capture");
  const compiledRoot = switchIndex > 0 ? process.argv[switchIndex + 1] : undefined;
  let stackCaptureSkipped = 0;
  if (compiledRoot) {
    const { skipUnusedStackCapture } = require(
      path.join(compiledRoot, "dist", "preflight", "engine", "stack-capture.js"),
    );
    const changes = skipUnusedStackCapture(require.resolve("@pulumi/pulumi"), pulumi.Resource);
    stackCaptureSkipped = changes.sourcePositions && changes.promiseStacks ? 1 : 0;
  }
  const resources = JSON.parse(fs.readFileSync(recording, "utf8")).resources;
  let registered = 0;
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered += 1;
        return { id: args.custom ? `${args.name}-id` : undefined, state: args.inputs };
      },
      call() {
        return {};
      },
    },
    "floor",
    "bench",
    true,
  );
  let declared = 0;
  await pulumi.runtime.runInPulumiStack(async () => {
    declared = replayResources(pulumi, resources).declared;
  });
  await pulumi.runtime.disconnect();
  process.stdout.write(`${JSON.stringify({ declared, registered, stackCaptureSkipped })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
