"use strict";
/**
 * Generated Pulumi programs for the benchmark workers, each in a temporary project folder with a
 * `node_modules` link to this repository's dependencies:
 * - `platformProgram`: one SecureAiPlatform with N models on one cloud, importing the facade from the
 *   compiled package (as an installed user's program does) or from this repository's source;
 * - `replayProgram`: the hand-written equivalent of a recorded run: the same resource types, names, inputs
 *   and parents, declared through the provider SDK classes or as plain `pulumi.CustomResource`s.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..", "..");

/** The cloud blocks SecureAiPlatform requires (values only need to be valid). */
const CLOUD_ARGS = {
  aws: { aws: { region: "eu-west-1" } },
  gcp: { gcp: { project: "bench-project", region: "europe-west1" } },
  // swedencentral offers the default OpenAI model (gpt-4o-mini 2024-07-18) as a regional Standard deployment.
  azure: { azure: { location: "swedencentral", tenantId: "00000000-0000-0000-0000-000000000000" } },
};

function projectFolder(prefix, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  fs.symlinkSync(path.join(REPOSITORY_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

/** The facade's module path: `<package>/dist/components` when compiled, else the repository's source. */
function facadePath(compiledRoot) {
  return compiledRoot
    ? path.join(compiledRoot, "dist", "components")
    : path.join(REPOSITORY_ROOT, "components");
}

/**
 * Writes a TypeScript program with one SecureAiPlatform of `models` models on `cloud`.
 *
 * @param {"aws"|"gcp"|"azure"} cloud
 * @param {number} models
 * @param {string|undefined} compiledRoot - compiled package root, or undefined for the source.
 * @returns {string} the project folder.
 */
function platformProgram(cloud, models, compiledRoot) {
  if (!CLOUD_ARGS[cloud]) {
    throw new Error(`unknown cloud ${cloud}; use aws, gcp or azure`);
  }
  const dir = projectFolder(`bench-platform-${cloud}-${models}-`, `bench-platform-${cloud}`);
  const args = { cloud, ...CLOUD_ARGS[cloud] };
  fs.writeFileSync(
    path.join(dir, "index.ts"),
    [
      `import { SecureAiPlatform } from ${JSON.stringify(facadePath(compiledRoot))};`,
      "",
      `const models = Array.from({ length: ${models} }, (_, index) => ({ name: \`model-\${index}\` }));`,
      `const platform = new SecureAiPlatform("bench", { ...${JSON.stringify(args)}, models });`,
      "",
      "export const controls = platform.controls;",
      "",
    ].join("\n"),
  );
  return dir;
}

/**
 * Writes the hand-written equivalent of a recorded run (see the module comment). The recording is copied
 * beside the program and read by it; unknown inputs become a placeholder string, secrets `pulumi.secret`.
 *
 * @param {string} recordingFile - a StackRun JSON file (`platform-preflight.js --record`).
 * @param {{ sdkClasses?: boolean }} [options] - `sdkClasses`: declare custom resources with the provider
 *   SDK classes (`new s3.Bucket(...)`), as a hand-written program does; otherwise as plain CustomResources.
 * @returns {string} the project folder.
 */
function replayProgram(recordingFile, options = {}) {
  const dir = projectFolder("bench-replay-", "bench-replay");
  fs.copyFileSync(recordingFile, path.join(dir, "recording.json"));
  fs.copyFileSync(path.join(__dirname, "replay.js"), path.join(dir, "replay.js"));
  fs.writeFileSync(
    path.join(dir, "index.ts"),
    [
      'import * as pulumi from "@pulumi/pulumi";',
      "// eslint-disable-next-line @typescript-eslint/no-require-imports",
      'const { replayResources } = require("./replay.js");',
      "// eslint-disable-next-line @typescript-eslint/no-require-imports",
      `const replayed = replayResources(pulumi, require("./recording.json").resources, ${
        options.sdkClasses ? "{ load: require }" : "{}"
      });`,
      "export const sdkClasses = replayed.sdkClasses;",
      "",
    ].join("\n"),
  );
  return dir;
}

module.exports = { REPOSITORY_ROOT, platformProgram, replayProgram, facadePath, CLOUD_ARGS };
