import * as path from "node:path";
import { defaultProgramDir } from "./default-program";
import type { PackageDefaults } from "./package-root";

/** Report formats `secure-ai check` renders. */
export const REPORT_FORMATS = ["text", "json", "sarif", "md", "html"] as const;

/** One report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Exit code for a usage error or a program or pack that cannot run (public contract). */
export const EXIT_USAGE = 2;
/** Exit code of `--require-complete` when a resource was not examined (public contract). */
export const EXIT_INCOMPLETE = 3;

/** How the program runs: as `pulumi preview` does, as `pulumi up` would, or both (the verdict is the union). */
export const RUN_MODES = ["preview", "update", "both"] as const;

/** One run mode. */
export type RunModeOption = (typeof RUN_MODES)[number];

/** What `secure-ai check` was asked to do, with every default applied and every path absolute. */
export interface CheckOptions {
  /**
   * Directory of the Pulumi project to run. @default the current directory when it holds a Pulumi.yaml,
   * else the bundled project of a checkout of this repository (an installed package has none: usage error)
   */
  programDir: string;
  /** Only this stack. @default undefined (every stack of the project) */
  stack?: string;
  /** Format printed on stdout. @default "text" */
  format: ReportFormat;
  /** Directory that receives every format. @default undefined (nothing written) */
  outDir?: string;
  /** Policy pack directories, in order. @default [the package's own `policy-packs/secure-ai`] */
  policyPacks: string[];
  /**
   * Policy config files in the Pulumi CLI's `--policy-pack-config` format; the n-th file configures the n-th
   * pack, as the CLI pairs them. @default [] (each pack's own defaults)
   */
  policyConfigs: string[];
  /**
   * `preview` runs the program as `pulumi preview` does (values computed by other resources unknown),
   * `update` as `pulumi up` would (every output a cloud-shaped stand-in), `both` runs both passes and reports
   * their union, with the update pass's inputs. @default "both"
   */
  mode: RunModeOption;
  /** Exit 3 when any resource was not examined (remote component, no policy, unknown inputs). @default false */
  requireComplete: boolean;
}

/** A parsed command line. */
export type ParsedCommand = { kind: "check"; options: CheckOptions } | { kind: "help" } | { kind: "version" };

/** The command line is wrong: unknown command or flag, missing or bad value. Exit code 2. */
export class CliUsageError extends Error {
  /** Process exit code for this error. */
  readonly exitCode = EXIT_USAGE;

  /** @param message - what is wrong, naming the flag and the value received. */
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}

/** Flags that take a value, mapped to how they are stored. */
const VALUE_FLAGS = [
  "--program",
  "--stack",
  "--format",
  "--out",
  "--policy-pack",
  "--policy-config",
  "--mode",
] as const;
/** Flags that take no value. */
const SWITCH_FLAGS = ["--require-complete"] as const;
type SwitchFlag = (typeof SWITCH_FLAGS)[number];

function isSwitchFlag(flag: string): flag is SwitchFlag {
  return (SWITCH_FLAGS as readonly string[]).includes(flag);
}
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isValueFlag(flag: string): flag is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(flag);
}

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
  if (command !== "check") {
    throw new CliUsageError(
      `Unknown command "${command}": the only command is "check" (see \`secure-ai --help\`).`,
    );
  }
  const values = readFlagValues(rest);
  const single = (flag: ValueFlag): string | undefined => {
    const given = values.get(flag) ?? [];
    if (given.length > 1) {
      throw new CliUsageError(`${flag} was given ${given.length} times; give it once.`);
    }
    return given[0];
  };
  const program = single("--program");
  const format = single("--format") ?? "text";
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliUsageError(
      `--format "${format}" is not a report format; allowed: ${REPORT_FORMATS.join(", ")}.`,
    );
  }
  const out = single("--out");
  const mode = single("--mode") ?? "both";
  if (!(RUN_MODES as readonly string[]).includes(mode)) {
    throw new CliUsageError(`--mode "${mode}" is not a run mode; allowed: ${RUN_MODES.join(", ")}.`);
  }
  const packs = values.get("--policy-pack") ?? [];
  const configs = values.get("--policy-config") ?? [];
  const packCount = Math.max(packs.length, 1);
  if (configs.length > packCount) {
    throw new CliUsageError(
      `${configs.length} --policy-config files for ${packCount} policy pack${packCount === 1 ? "" : "s"}: the n-th file configures the n-th --policy-pack.`,
    );
  }
  return {
    kind: "check",
    options: {
      programDir: program === undefined ? requireDefaultProgram(cwd, defaults) : path.resolve(cwd, program),
      stack: single("--stack"),
      format: format as ReportFormat,
      outDir: out === undefined ? undefined : path.resolve(cwd, out),
      policyPacks:
        packs.length === 0 ? [defaults.policyPackDir] : packs.map((pack) => path.resolve(cwd, pack)),
      policyConfigs: configs.map((file) => path.resolve(cwd, file)),
      mode: mode as RunModeOption,
      requireComplete: values.has("--require-complete"),
    },
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

function readFlagValues(args: readonly string[]): Map<ValueFlag | SwitchFlag, string[]> {
  const values = new Map<ValueFlag | SwitchFlag, string[]>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (!arg.startsWith("-")) {
      throw new CliUsageError(
        `Unexpected argument "${arg}": check takes flags only (see \`secure-ai --help\`).`,
      );
    }
    const equals = arg.indexOf("=");
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    if (isSwitchFlag(flag)) {
      if (equals !== -1) {
        throw new CliUsageError(`${flag} takes no value (got "${arg.slice(equals + 1)}").`);
      }
      values.set(flag, [...(values.get(flag) ?? []), ""]);
      continue;
    }
    if (!isValueFlag(flag)) {
      throw new CliUsageError(`Unknown flag "${flag}" (see \`secure-ai --help\`).`);
    }
    let value: string | undefined;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = args[index + 1];
      if (next !== undefined && !next.startsWith("--")) {
        value = next;
        index++;
      }
    }
    if (value === undefined || value.length === 0) {
      throw new CliUsageError(`${flag} needs a value (see \`secure-ai --help\`).`);
    }
    values.set(flag, [...(values.get(flag) ?? []), value]);
  }
  return values;
}

/**
 * The `--help` text.
 *
 * @param version - the package version shown in the first line.
 */
export function usageText(version: string): string {
  return [
    `secure-ai ${version}: offline preflight of a Pulumi program against the secure-ai policy pack`,
    "",
    "Usage:",
    "  secure-ai check [--program DIR] [--stack NAME] [--format FORMAT] [--out DIR]",
    "                  [--mode preview|update|both] [--require-complete]",
    "                  [--policy-pack DIR]... [--policy-config FILE]...",
    "",
    "Options:",
    "  --program DIR        Pulumi project to run (default: the current directory when it holds a",
    "                       Pulumi.yaml; in a checkout of secure-ai-platform, its bundled stacks/ project)",
    "  --stack NAME         run only this stack (default: every Pulumi.<stack>.yaml of the project)",
    `  --format FORMAT      report printed on stdout: ${REPORT_FORMATS.join(", ")} (default: text)`,
    "  --out DIR            also write report.txt, report.json, report.sarif, report.md and report.html to DIR",
    "  --mode MODE          preview: run as `pulumi preview` does (values other resources compute are unknown);",
    "                       update: as `pulumi up` would (every output a cloud-shaped stand-in, see README);",
    "                       both (default): both passes, findings of either, inputs shown from the update pass",
    "  --require-complete   exit 3 when any resource was not examined (a remote component, a type no policy",
    "                       covers, or inputs a policy needed that stayed unknown)",
    "  --policy-pack DIR    policy pack to run; repeat for several (default: this package's policy-packs/secure-ai)",
    "  --policy-config FILE enforcement levels and policy settings in the format of `pulumi preview",
    "                       --policy-pack-config`; the n-th file configures the n-th --policy-pack",
    "  -h, --help           show this help",
    "  -v, --version        show the version",
    "",
    "Exit codes: 0 no mandatory violation, 1 at least one mandatory violation,",
    "            2 usage error, or a program or policy pack that fails to run (or stdout fails),",
    "            3 with --require-complete: no mandatory violation, but a resource was not examined.",
    "A reader that closes stdout early (`| head`) gets what it read; the rest of the report is dropped",
    "without an error and the exit code stays the run's verdict (not 141 for SIGPIPE).",
    "",
  ].join("\n");
}
