/**
 * The shared measuring helper: runs one command as a child process and reports its wall time, the CPU
 * time of its whole process tree, the peak resident memory of the tree and of its largest process, and the
 * JSON line the command printed last (its own figures, e.g. resources per second).
 *
 * - Wall time: from spawn to exit, measured here.
 * - CPU time and largest-process peak RSS: from `/usr/bin/time` (GNU time) wrapping the command; the kernel
 *   adds the CPU time of every descendant that was waited for, and reports the largest single peak RSS.
 * - Tree peak RSS: the sum of `VmRSS` over the command and all its descendants, sampled from `/proc` every
 *   `sampleMs`; the maximum over samples (a short spike between samples can be missed).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** What one measured run produced. */
export interface Measurement {
  /** Wall time from spawn to exit, in milliseconds. */
  wallMs: number;
  /** User + system CPU time of the whole process tree, in milliseconds (undefined without GNU time). */
  cpuMs?: number;
  /** Peak of the summed resident memory of the process tree, in MiB (sampled). */
  treePeakRssMiB: number;
  /** Peak resident memory of the largest single process, in MiB (undefined without GNU time). */
  maxProcessRssMiB?: number;
  /** The last stdout line that parsed as a JSON object, or undefined. */
  report?: Record<string, unknown>;
  /** Exit code. */
  exitCode: number | null;
}

/** Options of {@link measureCommand}. */
export interface MeasureOptions {
  /** Working directory. @default the repository root */
  cwd?: string;
  /** Extra environment variables. @default {} */
  env?: Record<string, string>;
  /** Sampling period of the tree's memory, in milliseconds. @default 50 */
  sampleMs?: number;
  /** Kill the run after this many milliseconds. @default 900000 */
  timeoutMs?: number;
}

/** The repository root (this file lives in `benchmarks/lib`). */
export const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");

const GNU_TIME = "/usr/bin/time";

/** Whether GNU time is available (CPU time and largest-process RSS need it). */
export function hasGnuTime(): boolean {
  return fs.existsSync(GNU_TIME);
}

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The process and its descendants, found through `/proc/<pid>/task/<tid>/children`. */
function processTree(root: number): number[] {
  const tree: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    tree.push(pid);
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const children = readProc(`/proc/${pid}/task/${task}/children`);
      for (const child of children?.trim().split(/\s+/) ?? []) {
        if (child) {
          pending.push(Number(child));
        }
      }
    }
  }
  return tree;
}

function residentKb(pid: number): number {
  const status = readProc(`/proc/${pid}/status`);
  const match = status?.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) : 0;
}

function lastJsonLine(output: string): Record<string, unknown> | undefined {
  const lines = output.trim().split("\n").reverse();
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith("{")) {
      try {
        return JSON.parse(trimmed) as Record<string, unknown>;
      } catch {
        // Not the report line.
      }
    }
  }
  return undefined;
}

/**
 * Runs `command args` and measures it (see the module comment). Fails when the command exits non-zero,
 * quoting the end of its output.
 *
 * @param command - executable (e.g. `process.execPath`).
 * @param args - its arguments.
 * @param options - working directory, environment, sampling and timeout.
 */
export async function measureCommand(
  command: string,
  args: string[],
  options: MeasureOptions = {},
): Promise<Measurement> {
  const timeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-time-")), "time.txt");
  const useTime = hasGnuTime();
  const [executable, argv] = useTime
    ? [GNU_TIME, ["-o", timeFile, "-f", "%U %S %M", command, ...args]]
    : [command, args];
  const started = process.hrtime.bigint();
  const child = spawn(executable, argv, {
    cwd: options.cwd ?? REPOSITORY_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-8000)));
  let treePeakKb = 0;
  const sampler = setInterval(() => {
    if (child.pid === undefined) {
      return;
    }
    const total = processTree(child.pid).reduce((sum, pid) => sum + residentKb(pid), 0);
    treePeakKb = Math.max(treePeakKb, total);
  }, options.sampleMs ?? 50);
  const timeout = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 900_000);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  clearTimeout(timeout);
  if (exitCode !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${exitCode}:\n${stderr.trim()}\n${stdout.slice(-2000)}`,
    );
  }
  const measurement: Measurement = {
    wallMs,
    treePeakRssMiB: treePeakKb / 1024,
    report: lastJsonLine(stdout),
    exitCode,
  };
  if (useTime) {
    const [user, system, maxRssKb] = (readProc(timeFile) ?? "")
      .trim()
      .split("\n")
      .pop()!
      .split(" ")
      .map(Number);
    if (user !== undefined && system !== undefined && Number.isFinite(user + system)) {
      measurement.cpuMs = (user + system) * 1000;
    }
    if (maxRssKb !== undefined && Number.isFinite(maxRssKb)) {
      measurement.maxProcessRssMiB = maxRssKb / 1024;
    }
  }
  fs.rmSync(path.dirname(timeFile), { recursive: true, force: true });
  return measurement;
}
