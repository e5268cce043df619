"use strict";
/**
 * The floor of the engine benchmark: Pulumi's mock runtime alone, in one plain Node.js process (no ts-node,
 * no source maps, no recorder), registering N custom resources of the same type and inputs as the
 * preflight benchmark's generated program. Usage: node benchmarks/workers/engine-floor.js N
 * Prints one JSON line: { resources, registered }.
 */
const pulumi = require("@pulumi/pulumi");

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  let registered = 0;
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered += 1;
        return { id: undefined, state: args.inputs };
      },
      call() {
        return {};
      },
    },
    "floor",
    "bench",
    true,
  );
  await pulumi.runtime.runInPulumiStack(async () => {
    for (let index = 0; index < count; index++) {
      new pulumi.CustomResource("aws:kms/key:Key", `key-${index}`, {
        enableKeyRotation: true,
        description: `key ${index}`,
      });
    }
  });
  await pulumi.runtime.disconnect();
  process.stdout.write(`${JSON.stringify({ resources: count, registered })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
