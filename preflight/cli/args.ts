import * as path from "node:path";
import { defaultProgramDir } from "./default-program";
import type { PackageDefaults } from "./package-root";
import { type AuditOptions, parseAuditArgs } from "./audit-args";
import { choiceValue, readFlags, singleValue } from "./flag-reader";
import {
  readReportOptions,
  REPORT_SWITCH_FLAGS,
  REPORT_VALUE_FLAGS,
  type ReportOptions,
} from "./report-options";
import { CliUsageError } from "./usage-error";
import { readRunOptions, RUN_SWITCH_FLAGS, RUN_VALUE_FLAGS, type RunOptions } from "./run-options";

export { REPORT_FORMATS, type ReportFormat, type ReportOptions } from "./report-options";
export { CliUsageError, EXIT_USAGE } from "./usage-error";
export type { AuditOptions } from "./audit-args";

/** Exit code of `--require-complete` when a resource was not examined (public contract). */
export const EXIT_INCOMPLETE = 3;

/** How the program runs: as `pulumi preview` does, as `pulumi up` would, or both (the verdict is the union). */
export const RUN_MODES = ["preview", "update", "both"] as const;

/** One run mode. */
export type RunModeOption = (typeof RUN_MODES)[number];

/** What `secure-ai check` was asked to do, with every default applied and every path absolute. */
export interface CheckOptions extends ReportOptions, RunOptions {
  /**
   * Directory of the Pulumi project to run. @default the current directory when it holds a Pulumi.yaml,
   * else the bundled project of a checkout of this repository (an installed package has none: usage error)
   */
  programDir: string;
  /** Only this stack. @default undefined (every stack of the project) */
  stack?: string;
  /**
   * `preview` runs the program as `pulumi preview` does (values computed by other resources unknown),
   * `update` as `pulumi up` would (every output a cloud-shaped stand-in), `both` runs both passes and reports
   * their union, with the update pass's inputs. @default "both"
   */
  mode: RunModeOption;
}

/** What `secure-ai oscal component-definition` was asked to write. */
export interface OscalComponentDefinitionOptions {
  /** File to write the component definition to. @default undefined (stdout) */
  outFile?: string;
}

/** A parsed command line. */
export type ParsedCommand =
  | { kind: "check"; options: CheckOptions }
  | { kind: "audit"; options: AuditOptions }
  | { kind: "oscal-component-definition"; options: OscalComponentDefinitionOptions }
  | { kind: "help" }
  | { kind: "version" };

/** Flags of `check` besides the report flags. */
const CHECK_VALUE_FLAGS = ["--program", "--stack", "--mode"] as const;

/**
 * Parses `secure-ai` arguments (without `node` and the script path):
 * `check [--program DIR] [--stack NAME] [--format text|json|sarif|md|html] [--out DIR] [--policy-pack DIR]...
 * [--policy-config FILE]...`, plus `--help`/`-h` and `--version`/`-v` anywhere. Flags accept `--flag value` and
 * `--flag=value`. Relative paths resolve against `cwd`.
 *
 * @param argv - the arguments.
 * @param defaults - the package's default program and pack.
 * @param cwd - directory relative paths resolve against, and the default program when it holds a Pulumi.yaml.
 *   @default process.cwd()
 * @throws CliUsageError on a missing or unknown command, an unknown or repeated flag, a missing value, a bad
 *   format, or no `--program` where neither `cwd` nor the package has a project to default to.
 */
export function parseArgs(
  argv: readonly string[],
  defaults: PackageDefaults,
  cwd: string = process.cwd(),
): ParsedCommand {
  if (argv.includes("--help") || argv.includes("-h")) {
    return { kind: "help" };
  }
  if (argv.includes("--version") || argv.includes("-v")) {
    return { kind: "version" };
  }
  const [command, ...rest] = argv;
  if (command === undefined) {
    throw new CliUsageError("Missing command: run `secure-ai check` (see `secure-ai --help`).");
  }
  if (command === "audit") {
    return { kind: "audit", options: parseAuditArgs(rest, defaults, cwd) };
  }
  if (command === "oscal") {
    return parseOscalArgs(rest, cwd);
  }
  if (command !== "check") {
    throw new CliUsageError(
      `Unknown command "${command}": the commands are check, audit and oscal (see \`secure-ai --help\`).`,
    );
  }
  const values = readFlags(rest, {
    command: "check",
    values: [...REPORT_VALUE_FLAGS, ...CHECK_VALUE_FLAGS, ...RUN_VALUE_FLAGS],
    switches: [...REPORT_SWITCH_FLAGS, ...RUN_SWITCH_FLAGS],
  });
  const program = singleValue(values, "--program");
  return {
    kind: "check",
    options: {
      ...readReportOptions(values, defaults, cwd),
      ...readRunOptions(values),
      programDir: program === undefined ? requireDefaultProgram(cwd, defaults) : path.resolve(cwd, program),
      stack: singleValue(values, "--stack"),
      mode: choiceValue(values, "--mode", RUN_MODES, "both", "a run mode"),
    },
  };
}

/** The subcommands of `secure-ai oscal`. */
const OSCAL_SUBCOMMANDS = ["component-definition"] as const;

function parseOscalArgs(args: readonly string[], cwd: string): ParsedCommand {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || !(OSCAL_SUBCOMMANDS as readonly string[]).includes(subcommand)) {
    throw new CliUsageError(
      `oscal needs a subcommand; allowed: ${OSCAL_SUBCOMMANDS.join(", ")} (got ${subcommand === undefined ? "none" : `"${subcommand}"`}).`,
    );
  }
  const values = readFlags(rest, { command: "oscal component-definition", values: ["--out"], switches: [] });
  const out = singleValue(values, "--out");
  return {
    kind: "oscal-component-definition",
    options: out === undefined ? {} : { outFile: path.resolve(cwd, out) },
  };
}

function requireDefaultProgram(cwd: string, defaults: PackageDefaults): string {
  const dir = path.resolve(cwd);
  const programDir = defaultProgramDir(dir, defaults.bundledProgramDir);
  if (programDir === undefined) {
    throw new CliUsageError(
      `No --program given and ${dir} holds no Pulumi.yaml: pass --program DIR (the directory of the ` +
        "Pulumi project to check), or run secure-ai check from that directory.",
    );
  }
  return programDir;
}

export { usageText } from "./usage-text";
