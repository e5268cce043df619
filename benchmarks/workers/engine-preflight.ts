/**
 * The preflight side of the engine benchmark: generates a TypeScript Pulumi program that registers N custom
 * resources with the same type and inputs as `engine-floor.js`, runs it with the preflight engine
 * (`runStack`: child process, ts-node for the program, mocks, recorder, result file) and prints one JSON
 * line. Usage: node benchmarks/ts-entry.js benchmarks/workers/engine-preflight.ts N
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runStack } from "../../preflight/engine";

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");

/** Writes the generated program into a fresh temporary directory and returns it. */
function generatePlainProgram(resourceCount: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-engine-${resourceCount}-`));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: bench-engine\nruntime: nodejs\n`);
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

async function main(): Promise<void> {
  const resourceCount = Number(process.argv[2] ?? 1000);
  const programDir = generatePlainProgram(resourceCount);
  try {
    let childMaxRssKb = 0;
    const run = await runStack({
      programDir,
      onChildStats: (stats) => (childMaxRssKb = stats.maxRssKb),
    });
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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
