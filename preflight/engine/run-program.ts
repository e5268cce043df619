import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { StackRun } from "../model";
import { type ChildJob, type ChildResult, type ChildStats, JOB_FILE_ENV } from "./child-protocol";
import { PreflightProgramError, PreflightUsageError } from "./errors";
import type { PulumiProject } from "./project";
import { type StackConfig, pulumiConfigEnvironment } from "./stack-config";
import { childEntryArguments } from "./child-entry";
import { trackProcess } from "./live-processes";

/** Options of {@link runProgram}. */
export interface RunProgramOptions {
  /**
   * Receives the program's console output (its stdout and stderr).
   * @default writes to this process's stderr, keeping stdout free for reports
   */
  onProgramOutput?: (chunk: Buffer) => void;
  /**
   * Milliseconds after which a program that has not finished is stopped and reported as failed.
   * @default 600000
   */
  timeoutMs?: number;
  /**
   * Receives the child process's resource use after a successful run (for measurements).
   * @default ignored
   */
  onChildStats?: (stats: ChildStats) => void;
  /**
   * Run the program as `pulumi preview` does (values computed by other resources unknown) or as `pulumi up`
   * would (every output a consistent, cloud-shaped stand-in).
   * @default "preview"
   */
  mode?: "preview" | "update";
}

/** How much of the program's output an error message quotes when the program dies without a result. */
const OUTPUT_TAIL_BYTES = 4_000;

/**
 * Runs one stack of a Pulumi program in a child Node.js process under the SDK's mock runtime, in preview or
 * update mode, and returns every resource, invoke and stack output it recorded.
 *
 * @param project - the loaded project.
 * @param stack - the stack name.
 * @param config - the stack's config.
 * @param options - output handling and timeout.
 * @throws PreflightProgramError when the program throws, fails to compile or exits early.
 * @throws PreflightUsageError when the program's dependencies are missing.
 */
export async function runProgram(
  project: PulumiProject,
  stack: string,
  config: StackConfig,
  options: RunProgramOptions = {},
): Promise<StackRun> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-preflight-"));
  try {
    const job: ChildJob = {
      project: project.name,
      stack,
      projectDir: project.dir,
      main: project.main,
      typescript: project.runtime.typescript,
      tsconfig: project.runtime.tsconfig,
      config: config.values,
      resultFile: path.join(workDir, "result.json"),
      mode: options.mode ?? "preview",
    };
    const jobFile = path.join(workDir, "job.json");
    fs.writeFileSync(jobFile, JSON.stringify(job));
    const { exitCode, signal, outputTail } = await runChildProcess(project, jobFile, config, options);
    const result = readResult(job.resultFile);
    if (result === undefined) {
      const how = signal ? `was stopped by ${signal}` : `exited with code ${exitCode}`;
      throw new PreflightProgramError(stack, `the program ${how} without a result.\n${outputTail}`.trimEnd());
    }
    if (!result.ok) {
      if (result.error.kind === "usage") {
        throw new PreflightUsageError(result.error.message, { file: project.projectFile });
      }
      // Without a stack trace (the program exited early), the program's last words are its own error.
      const message =
        result.error.stack === undefined && outputTail.trim()
          ? `${result.error.message}:\n${outputTail.trim()}`
          : result.error.message;
      throw new PreflightProgramError(stack, message, result.error.stack, result.error.name);
    }
    options.onChildStats?.(result.stats);
    return result.run;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function readResult(file: string): ChildResult | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as ChildResult;
  } catch {
    return undefined;
  }
}

function runChildProcess(
  project: PulumiProject,
  jobFile: string,
  config: StackConfig,
  options: RunProgramOptions,
): Promise<{ exitCode: number | null; signal: NodeJS.Signals | null; outputTail: string }> {
  const forward = options.onProgramOutput ?? ((chunk: Buffer) => process.stderr.write(chunk));
  const child = spawn(
    process.execPath,
    [...project.runtime.nodeArgs, ...childEntryArguments("child", "runChild", JOB_FILE_ENV)],
    {
      cwd: project.dir,
      env: { ...process.env, ...pulumiConfigEnvironment(config), [JOB_FILE_ENV]: jobFile },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  trackProcess(child);
  let outputTail = "";
  const onOutput = (chunk: Buffer): void => {
    forward(chunk);
    outputTail = (outputTail + chunk.toString("utf8")).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 600_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, outputTail });
    });
  });
}
