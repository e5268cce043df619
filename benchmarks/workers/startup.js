"use strict";
/**
 * The start-up benchmark's worker: in one plain Node.js process under Pulumi's mock runtime, loads the
 * package's facade from the compiled package (as an installed user's program does) and builds one
 * SecureAiPlatform with one model on `cloud`, then lists which provider SDKs Node.js loaded.
 * Usage: node benchmarks/workers/startup.js <aws|gcp|azure> --compiled <package root>
 * Prints one JSON line: { requireMs, buildMs, totalMs, loadedAws, loadedGcp, loadedAzureNative, resources }
 * (`loaded*`: `require.cache` keys under node_modules/@pulumi/<sdk>/).
 */
const path = require("node:path");
const startedAt = performance.now();
const pulumi = require("@pulumi/pulumi");
const { CLOUD_ARGS } = require("./lib/programs");

function loadedUnder(sdk) {
  const marker = `${path.sep}node_modules${path.sep}@pulumi${path.sep}${sdk}${path.sep}`;
  return Object.keys(require.cache).filter((key) => key.includes(marker)).length;
}

async function main() {
  const cloud = process.argv[2];
  const compiledIndex = process.argv.indexOf("--compiled");
  const compiledRoot = compiledIndex > 0 ? process.argv[compiledIndex + 1] : undefined;
  if (!CLOUD_ARGS[cloud] || !compiledRoot) {
    throw new Error("usage: startup.js <aws|gcp|azure> --compiled <package root>");
  }
  let resources = 0;
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        resources += 1;
        return { id: args.custom ? `${args.name}-id` : undefined, state: args.inputs };
      },
      call() {
        return {};
      },
    },
    "startup",
    "bench",
    true,
  );
  const beforeRequire = performance.now();
  const { SecureAiPlatform } = require(path.join(compiledRoot, "dist", "components"));
  const afterRequire = performance.now();
  await pulumi.runtime.runInPulumiStack(async () => {
    new SecureAiPlatform("startup", { cloud, ...CLOUD_ARGS[cloud], models: [{ name: "assistant" }] });
  });
  await pulumi.runtime.disconnect();
  const built = performance.now();
  process.stdout.write(
    `${JSON.stringify({
      requireMs: Math.round(afterRequire - beforeRequire),
      buildMs: Math.round(built - afterRequire),
      totalMs: Math.round(built - startedAt),
      loadedAws: loadedUnder("aws"),
      loadedGcp: loadedUnder("gcp"),
      loadedAzureNative: loadedUnder("azure-native"),
      resources,
    })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
