/**
 * Measures pack start time and analysis throughput on this machine (not a test; timings vary).
 * Run: npx ts-node --transpile-only tests/preflight/analyzer/measure-throughput.ts [resources] [concurrency]
 */
import { analyzeStack } from "../../../preflight/analyzer/run-packs";
import { type RecordedResource } from "../../../preflight/model";
import { packDir, recordedResource } from "./helpers";

async function measure(packs: string[], count: number, concurrency: number): Promise<void> {
  const resources: RecordedResource[] = Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? recordedResource("aws:s3/bucket:Bucket", `sai-bucket-${index}`, {
          acl: "private",
          tags: { n: String(index) },
        })
      : recordedResource("aws:kms/key:Key", `sai-key-${index}`, { enableKeyRotation: true }),
  );
  let servingAt = 0;
  const started = performance.now();
  const result = await analyzeStack({
    packs: packs.map((name) => ({ dir: packDir(name) })),
    resources,
    stack: "bench",
    project: "bench",
    dryRun: true,
    concurrency,
    onLaunched: () => {
      servingAt = performance.now();
    },
  });
  const finished = performance.now();
  const analysisSeconds = (finished - servingAt) / 1000;
  console.log(
    JSON.stringify({
      packs: result.packs.map((pack) => ({ name: pack.name, startMs: Math.round(pack.startMs) })),
      resources: count,
      concurrency,
      findings: result.findings.length,
      totalSeconds: Number(((finished - started) / 1000).toFixed(2)),
      analysisSeconds: Number(analysisSeconds.toFixed(2)),
      resourcesPerSecond: Math.round(count / analysisSeconds),
    }),
  );
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1000);
  const concurrency = Number(process.argv[3] ?? 8);
  for (const packs of [["fixture-js"], ["fixture-policies"], ["fixture-policies", "fixture-js"]]) {
    await measure(packs, count, concurrency);
  }
  await measure(["fixture-policies"], count, 1);
}

void main();
