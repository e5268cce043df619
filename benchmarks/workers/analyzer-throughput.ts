/**
 * The analyzer benchmark's worker: starts one policy pack the way the preflight does, sends N recorded
 * resources through the analyzer protocol (`analyzeStack`: Configure, Remediate where needed, Analyze per
 * resource, AnalyzeStack) and prints one JSON line: start time, analysis time and rate, and the CPU time the
 * pack and this client (the preflight's) spent from the pack serving to its last answer (Linux: from
 * `/proc/<pid>/stat`; left out elsewhere), which tells the pack's own cost from the client's.
 * Usage: node benchmarks/ts-entry.js benchmarks/workers/analyzer-throughput.ts <pack dir> [N] [concurrency] [--source]
 * (`--source`: run the pack's TypeScript source as the Pulumi CLI does, even when a fresh compiled copy exists).
 */
import * as fs from "node:fs";
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

/** CPU time (user + system) of process `pid` so far, in milliseconds, or undefined without `/proc`. */
function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** `getconf CLK_TCK` on Linux (USER_HZ, fixed at 100 for user space). */
const CLOCK_TICKS_PER_SECOND = 100;

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
  let packCpuAtServing: number | undefined;
  let packCpuMs: number | undefined;
  let clientCpuAtServing: NodeJS.CpuUsage | undefined;
  let clientCpuMs: number | undefined;
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
      packCpuAtServing = processCpuMs(pack.pid);
      clientCpuAtServing = process.cpuUsage();
    },
    onAnswered: (pack) => {
      const packCpu = processCpuMs(pack.pid);
      packCpuMs =
        packCpu === undefined || packCpuAtServing === undefined ? undefined : packCpu - packCpuAtServing;
      const client = process.cpuUsage(clientCpuAtServing);
      clientCpuMs = Math.round((client.user + client.system) / 1000);
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
      ...(packCpuMs === undefined ? {} : { packCpuMs }),
      ...(clientCpuMs === undefined ? {} : { clientCpuMs }),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
