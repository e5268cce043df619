/**
 * Measures the engine on generated programs that register N plain resources (KMS keys): wall time of
 * `runStack` and peak RSS of the child process. Run from the repository root:
 * `npx ts-node --transpile-only -P tsconfig.json preflight/engine/measure.ts 100 1000 5000`.
 * Figures go to README.md in this folder; tests never assert on them.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runStack } from "./index";

function generatedProgram(resourceCount: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `engine-measure-${resourceCount}-`));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: measure-${resourceCount}\nruntime: nodejs\n`);
  fs.writeFileSync(
    path.join(dir, "index.ts"),
    [
      'import * as kms from "@pulumi/aws/kms";',
      `for (let index = 0; index < ${resourceCount}; index++) {`,
      "  new kms.Key(`key-${index}`, { enableKeyRotation: true, description: `key ${index}` });",
      "}",
    ].join("\n"),
  );
  fs.symlinkSync(path.resolve(__dirname, "../../node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

async function measure(resourceCount: number): Promise<void> {
  const programDir = generatedProgram(resourceCount);
  let maxRssKb = 0;
  const started = process.hrtime.bigint();
  const run = await runStack({ programDir, onChildStats: (stats) => (maxRssKb = stats.maxRssKb) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.rmSync(programDir, { recursive: true, force: true });
  const resultBytes = Buffer.byteLength(JSON.stringify(run));
  process.stdout.write(
    `| ${resourceCount} | ${run.resources.length} | ${seconds.toFixed(1)} s | ${Math.round(maxRssKb / 1024)} MiB | ${(resultBytes / 1024).toFixed(0)} KiB |\n`,
  );
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  process.stdout.write(
    "| resources | recorded (with the stack) | wall time | child peak RSS | StackRun JSON |\n|---|---|---|---|---|\n",
  );
  for (const size of sizes.length > 0 ? sizes : [100, 1000, 5000]) {
    await measure(size);
  }
}

void main();
