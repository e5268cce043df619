/**
 * The analyzer benchmark's worker: starts one policy pack the way the preflight does, sends N recorded
 * resources through the analyzer protocol (`analyzeStack`: Configure, Remediate where needed, Analyze per
 * resource, AnalyzeStack) and prints one JSON line: start time, analysis time and rate.
 * Usage: node benchmarks/ts-entry.js benchmarks/workers/analyzer-throughput.ts <pack dir> [N] [concurrency] [--source]
 * (`--source`: run the pack's TypeScript source as the Pulumi CLI does, even when a fresh compiled copy exists).
 */
import { analyzeStack } from "../../preflight/analyzer/run-packs";
import type { RecordedResource, RecordedValue } from "../../preflight/model";

const STACK = "bench";
const PROJECT = "bench";

function recorded(type: string, name: string, inputs: Record<string, RecordedValue>): RecordedResource {
  return {
    urn: `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`,
    type,
    name,
    custom: true,
    inputs,
    dependencies: [],
    propertyDependencies: {},
    options: {
      protect: false,
      retainOnDelete: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
    },
  };
}

/** Half KMS keys, half S3 bucket versioning configurations: types that every pack under test reads. */
function resources(count: number): RecordedResource[] {
  return Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? recorded("aws:kms/key:Key", `sai-key-${index}`, {
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          description: `key ${index}`,
          tags: { index: String(index) },
        })
      : recorded("aws:s3/bucketVersioning:BucketVersioning", `sai-versioning-${index}`, {
          bucket: { $unknown: true },
          versioningConfiguration: { status: "Enabled" },
        }),
  );
}

async function main(): Promise<void> {
  const fromSource = process.argv.includes("--source");
  const [packDir, countArg, concurrencyArg] = process.argv.slice(2).filter((arg) => arg !== "--source");
  if (!packDir) {
    throw new Error("usage: analyzer-throughput.ts <pack dir> [resources] [concurrency]");
  }
  const count = Number(countArg ?? 1000);
  const concurrency = concurrencyArg === undefined ? undefined : Number(concurrencyArg);
  const input = resources(count);
  let servingAt = 0;
  let compiled = false;
  const result = await analyzeStack({
    packs: [{ dir: packDir }],
    resources: input,
    stack: STACK,
    project: PROJECT,
    dryRun: true,
    ...(concurrency === undefined ? {} : { concurrency }),
    preferCompiled: !fromSource,
    onLaunched: (pack) => {
      servingAt = performance.now();
      compiled = pack.program.compiled;
    },
  });
  const finished = performance.now();
  const analysisSeconds = (finished - servingAt) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      policies: result.packs[0]?.policies.length ?? 0,
      compiled: compiled ? 1 : 0,
      findings: result.findings.length,
      startMs: Math.round(result.packs[0]?.startMs ?? 0),
      analysisSeconds: Number(analysisSeconds.toFixed(3)),
      resourcesPerSecond: Math.round(count / analysisSeconds),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
