import * as fs from "node:fs";
import { removeStaleReports, writeAllReports } from "../report/write-reports";
import { renderReport } from "../report/render";
import { removeReportFiles, writeReportFiles } from "../report/write-report-files";
import { EXIT_USAGE, parseArgs, type ReportOptions, usageText } from "./args";
import { type StreamWatch, watchForClosedReader } from "./closed-pipe";
import { killLiveProcesses } from "../engine/live-processes";
import { describeFailure } from "./errors-to-exit";
import { findPackageRoot, packageDefaults, readPackageVersion } from "./package-root";
import type { CheckStages } from "./stages";

import { EXIT_PASS, verdictExitCode } from "./verdict";

export { EXIT_PASS, EXIT_VIOLATIONS } from "./verdict";

/** A stream the CLI writes to. */
export interface OutputStream {
  write(text: string): unknown;
  /** Whether the stream is a terminal. @default false */
  isTTY?: boolean;
}

/** What the CLI talks to; tests pass their own. */
export interface CliEnvironment {
  /** Receives the report only. @default process.stdout */
  stdout: OutputStream;
  /** Receives errors, and progress when it is a terminal. @default process.stderr */
  stderr: OutputStream;
  /** Environment variables (`NO_COLOR`). @default process.env */
  env: NodeJS.ProcessEnv;
  /**
   * Directory relative flags resolve against, and the default program when it holds a Pulumi.yaml.
   * @default process.cwd()
   */
  cwd: string;
  /**
   * Root of the secure-ai-platform package: its version, default pack and bundled project.
   * @default findPackageRoot()
   */
  packageRoot: string;
  /** The preflight stages. @default the engine and the analyzer (loaded only when a check runs) */
  stages?: CheckStages;
}

/**
 * Runs `secure-ai` with the given arguments and returns the exit code: 0 when no mandatory violation, 1 when
 * there is one, 2 on a usage error or a program or policy pack that fails to run (the cause on stderr, no
 * report left in `--out`), 3 with `--require-complete` when there is no mandatory violation but a resource
 * was not examined.
 *
 * @param argv - arguments after the script name.
 * @param environment - streams, environment, working directory and stages.
 */
export async function runCli(
  argv: readonly string[],
  environment: Partial<CliEnvironment> = {},
): Promise<number> {
  const io: CliEnvironment = {
    stdout: environment.stdout ?? process.stdout,
    stderr: environment.stderr ?? process.stderr,
    env: environment.env ?? process.env,
    cwd: environment.cwd ?? process.cwd(),
    packageRoot: environment.packageRoot ?? findPackageRoot(),
    stages: environment.stages,
  };
  const version = readPackageVersion(io.packageRoot);
  let options: ReportOptions | undefined;
  let commandName = "check";
  try {
    const command = parseArgs(argv, packageDefaults(io.packageRoot), io.cwd);
    if (command.kind === "help") {
      io.stdout.write(usageText(version));
      return EXIT_PASS;
    }
    if (command.kind === "version") {
      io.stdout.write(`${version}\n`);
      return EXIT_PASS;
    }
    if (command.kind === "oscal-component-definition") {
      const { writeComponentDefinition } = await import("./run-oscal");
      writeComponentDefinition(command.options, { version, stdout: io.stdout });
      return EXIT_PASS;
    }
    commandName = command.kind;
    options = command.options;
    runningOutDir = options.outDir;
    // Loaded here so that --help and usage errors answer without loading the Pulumi SDK.
    const stages = io.stages ?? (await import("./stages")).defaultStages;
    const context = { stages, version, progress: progressSink(io, options) };
    const run =
      command.kind === "audit"
        ? await (await import("./run-audit")).runAudit(command.options, context)
        : await (await import("./run-check")).runCheck(command.options, context);
    const data =
      options.baseline !== undefined ? (await import("./with-drift")).withDrift(run, options.baseline) : run;
    if (options.outDir !== undefined) {
      writeAllReports(data, options.outDir);
    }
    writeReportFiles(data, options.outputs);
    const color = options.format === "text" && io.stdout.isTTY === true && !io.env["NO_COLOR"];
    io.stdout.write(renderReport(data, options.format, { color, compact: options.compact }));
    return verdictExitCode(data, options);
  } catch (error) {
    if (options?.outDir !== undefined) {
      removeStaleReportsQuietly(options.outDir);
    }
    if (options !== undefined) {
      removeReportFiles(options.outputs);
    }
    const verbose = options?.verbose ?? argv.includes("--verbose");
    io.stderr.write(`secure-ai ${commandName}: ${describeFailure(error, { verbose })}\n`);
    return EXIT_USAGE;
  }
}

/** The `--out` of the run in progress, which a signal clears of partial or stale reports. */
let runningOutDir: string | undefined;

/** Best effort: the run already failed; a report directory that cannot be cleaned must not hide why. */
function removeStaleReportsQuietly(outDir: string): void {
  try {
    if (fs.statSync(outDir).isDirectory()) {
      removeStaleReports(outDir);
    }
  } catch {
    // Nothing there, or not ours to clean.
  }
}

/**
 * Progress lines on stderr, on a terminal and in a CI log alike (plain lines, one per stage), so that a long
 * run is never silent; none with `--quiet`.
 */
function progressSink(io: CliEnvironment, options: ReportOptions): (message: string) => void {
  if (options.quiet) {
    return () => undefined;
  }
  return (message) => {
    io.stderr.write(`${message}\n`);
  };
}

/** Exit codes of a run ended by a signal: 128 + the signal's number, as shells report it. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Makes SIGINT and SIGTERM end the run: every child process (programs, type check, policy packs) is
 * killed, the `--out` directory is cleared of reports (none stale, none partial), and the CLI exits 130 or
 * 143.
 */
function endRunOnSignals(stderr: StreamWatch): void {
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[]) {
    process.once(signal, () => {
      killLiveProcesses();
      if (runningOutDir !== undefined) {
        removeStaleReportsQuietly(runningOutDir);
      }
      writeUnlessClosed(stderr, `secure-ai: stopped by ${signal}; no report written.\n`);
      process.exit(SIGNAL_EXIT_CODES[signal]);
    });
  }
}

/**
 * Runs `secure-ai` as the process (what `bin/secure-ai.js` calls) and exits with its code once stdout has
 * been flushed: open handles (child processes, gRPC channels) must not keep the command alive, and a report
 * piped to another process must not be cut short. A reader that closes the pipe early (`| head`) makes the
 * CLI stop writing quietly and keep the run's exit code; another write error on stdout is named on stderr and
 * exits 2. An unexpected error (a bug) is printed with its stack and exits 2.
 *
 * @param argv - arguments after the script name.
 */
export function runCliProcess(argv: readonly string[]): void {
  const stdout = watchForClosedReader(process.stdout);
  const stderr = watchForClosedReader(process.stderr);
  endRunOnSignals(stderr);
  runCli(argv).then(
    (code) => exitWhenFlushed(code, stdout, stderr),
    (error: unknown) => {
      writeUnlessClosed(
        stderr,
        `secure-ai: ${error instanceof Error && error.stack ? error.stack : String(error)}\n`,
      );
      exitWhenFlushed(EXIT_USAGE, stdout, stderr);
    },
  );
}

function exitWhenFlushed(code: number, stdout: StreamWatch, stderr: StreamWatch): void {
  // The write callback runs before the stream emits its error event; setImmediate lets the watch see it.
  process.stdout.write("", () =>
    setImmediate(() => {
      if (stdout.failure === undefined) {
        process.exit(code);
      }
      writeUnlessClosed(stderr, `secure-ai: cannot write to stdout: ${stdout.failure.message}\n`);
      process.exit(EXIT_USAGE);
    }),
  );
}

function writeUnlessClosed(stderr: StreamWatch, text: string): void {
  if (!stderr.readerClosed) {
    process.stderr.write(text);
  }
}

if (require.main === module) {
  runCliProcess(process.argv.slice(2));
}
