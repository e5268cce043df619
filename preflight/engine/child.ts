/**
 * Entry point of the child process that runs one stack of a Pulumi program under the SDK's mock runtime.
 * It is a separate process because `setMocks` is global to the SDK and a program may throw, leave promises
 * rejected or call `process.exit`. The result goes to a file (stdout belongs to the program).
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as pulumiSdk from "@pulumi/pulumi";
import type { StackRun } from "../model";
import { type ChildJob, type ChildResult, JOB_FILE_ENV } from "./child-protocol";
import { cloudIdentitiesFromConfig } from "./cloud-identities";
import type { MonitorLike } from "./monitor-requests";
import { createPreviewMocks } from "./preview-mocks";
import { DeclaredProperties } from "./stand-ins/declared-properties";
import { MonitorRecorder } from "./recorder";
import { skipUnusedStackCapture } from "./stack-capture";
import { importProgram, programModuleType } from "./esm-loader";
import { automaticEsmMode, type ProgramCompiler, resolveProgramCompiler } from "./program-compiler";
import { registerTypeScript, registerTypeScriptEsm } from "./typescript-loader";

type PulumiModule = typeof pulumiSdk;

/** Loads modules chosen at run time (the program, the program's own SDK) through Node's CommonJS loader. */
const loadModule = createRequire(__filename);

/** Runtime functions the child needs that the SDK's typings mark internal. */
interface RuntimeInternals {
  getMonitor(): MonitorLike | undefined;
  runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
  disconnect(): Promise<void>;
}

let resultWritten = false;

function writeResult(file: string, result: ChildResult): void {
  if (!resultWritten) {
    resultWritten = true;
    fs.writeFileSync(file, JSON.stringify(result));
  }
}

function programFailure(error: unknown): ChildResult {
  if (error instanceof Error) {
    return {
      ok: false,
      error: { kind: "program", message: error.message, stack: error.stack, name: error.name },
    };
  }
  return { ok: false, error: { kind: "program", message: String(error) } };
}

/**
 * Resolves a module the way the program's own files would, so that the program, its provider SDKs and the
 * preflight share one `@pulumi/pulumi` instance.
 */
function resolverFrom(directory: string): (request: string) => string | undefined {
  return (request) => {
    try {
      return require.resolve(request, { paths: [directory] });
    } catch {
      return undefined;
    }
  };
}

/** The program's compiler (`program-compiler.ts`), or a usage result and exit when there is none. */
function compilerOrExit(programDir: string, resultFile: string): ProgramCompiler {
  try {
    return resolveProgramCompiler(programDir);
  } catch (error) {
    writeResult(resultFile, {
      ok: false,
      error: { kind: "usage", message: error instanceof Error ? error.message : String(error) },
    });
    process.exit(1);
  }
}

/** Loads the program's main as `cmd/run` does and returns what it exports, calling an exported function. */
async function loadProgram(main: string): Promise<unknown> {
  const entry = fs.statSync(main).isDirectory() && !main.endsWith(path.sep) ? main + path.sep : main;
  const exported = loadModule(entry) as unknown;
  if (typeof exported === "function") {
    return await (exported as () => unknown)();
  }
  const moduleExports = exported as { __esModule?: boolean; default?: unknown };
  const namedExports = Object.keys(moduleExports ?? {}).filter(
    (key) => key !== "default" && key !== "__esModule",
  );
  if (moduleExports?.__esModule && typeof moduleExports.default === "function" && namedExports.length === 0) {
    return await (moduleExports.default as () => unknown)();
  }
  return exported;
}

/**
 * Runs the job described in `jobFile` and writes the result file. Exits the process when done.
 *
 * @param jobFile - path of the JSON {@link ChildJob}.
 */
export async function runChild(jobFile: string): Promise<void> {
  const job = JSON.parse(fs.readFileSync(jobFile, "utf8")) as ChildJob;
  const fail = (error: unknown): void => {
    writeResult(job.resultFile, programFailure(error));
    process.exit(1);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  process.on("exit", (code) => {
    writeResult(job.resultFile, {
      ok: false,
      error: {
        kind: "program",
        message: `the program exited with code ${code} before it finished registering resources`,
      },
    });
  });

  process.chdir(job.projectDir);
  const programDir = fs.statSync(job.main).isDirectory() ? job.main : path.dirname(job.main);
  const resolve = resolverFrom(programDir);
  const pulumiPath = resolve("@pulumi/pulumi");
  if (pulumiPath === undefined) {
    writeResult(job.resultFile, {
      ok: false,
      error: {
        kind: "usage",
        message: `Cannot find @pulumi/pulumi from ${programDir}: install the program's dependencies (npm install) first.`,
      },
    });
    process.exit(1);
  }
  // Before the SDK loads: without any TypeScript, the SDK's own typescript-shim fails to load.
  const compiler = job.typescript ? compilerOrExit(programDir, job.resultFile) : undefined;
  const pulumi = loadModule(pulumiPath) as PulumiModule;
  const runtime = pulumi.runtime as unknown as RuntimeInternals;
  skipUnusedStackCapture(pulumiPath, pulumi.Resource);
  const esm = programModuleType(job.main) === "module";
  if (compiler !== undefined) {
    // Without the automatic ESM mode, cmd/run registers the CommonJS hooks and still import()s an ES module.
    const esmHooks = esm && automaticEsmMode(compiler, process.execArgv);
    (esmHooks ? registerTypeScriptEsm : registerTypeScript)(job.projectDir, job.tsconfig, compiler);
  }

  const declared = new DeclaredProperties((packageName) => {
    const manifest = resolve(`${packageName}/package.json`);
    return manifest === undefined ? undefined : path.dirname(manifest);
  });
  await pulumi.runtime.setMocks(
    createPreviewMocks(cloudIdentitiesFromConfig(job.config), declared, job.mode),
    job.project,
    job.stack,
    job.mode === "preview",
  );
  const monitor = runtime.getMonitor();
  if (monitor === undefined) {
    throw new Error("setMocks installed no resource monitor");
  }
  const recorder = new MonitorRecorder();
  recorder.attach(monitor, { project: job.project, stack: job.stack });

  try {
    await runtime.runInPulumiStack(() => (esm ? importProgram(job.main) : loadProgram(job.main)));
    await runtime.disconnect();
  } catch (error) {
    fail(error);
    return;
  }
  const run: StackRun = {
    stack: job.stack,
    project: job.project,
    mode: job.mode,
    resources: recorder.completedResources(),
    invokes: recorder.invokes,
    outputs: recorder.stackOutputs,
    resourceOutputs: recorder.resourceOutputs,
  };
  writeResult(job.resultFile, { ok: true, run, stats: { maxRssKb: process.resourceUsage().maxRSS } });
  process.exitCode = 0;
  // A program may leave timers or sockets open; the run is complete, so do not wait for them.
  setTimeout(() => process.exit(0), 1_000).unref();
}

if (require.main === module) {
  const jobFile = process.env[JOB_FILE_ENV];
  if (jobFile === undefined) {
    process.stderr.write(`child.ts expects the job file path in ${JOB_FILE_ENV}\n`);
    process.exit(2);
  }
  void runChild(jobFile);
}
