import * as path from "node:path";
import { choiceValue, type FlagValues, singleValue } from "./flag-reader";
import type { PackageDefaults } from "./package-root";
import { CliUsageError } from "./usage-error";

/** Report formats `secure-ai check` and `secure-ai audit` render. */
export const REPORT_FORMATS = ["text", "json", "sarif", "md", "html", "oscal"] as const;

/** One report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Flags every command that runs the packs and writes a report takes. */
export const REPORT_VALUE_FLAGS = [
  "--format",
  "--out",
  "--output",
  "--policy-pack",
  "--policy-config",
  "--baseline",
  "--fail-on",
] as const;
/** Switches every command that runs the packs and writes a report takes. */
export const REPORT_SWITCH_FLAGS = [
  "--require-complete",
  "--soft-fail",
  "--quiet",
  "--compact",
  "--verbose",
] as const;

/**
 * Values of `--fail-on`: `mandatory` fails the run on mandatory findings only (what `pulumi up` blocks); a
 * severity also fails it on advisory findings of that severity or higher.
 */
export const FAIL_ON_LEVELS = ["mandatory", "critical", "high", "medium", "low"] as const;

/** One `--fail-on` value. */
export type FailOnLevel = (typeof FAIL_ON_LEVELS)[number];

/** What a command that runs the packs and writes a report was asked, with defaults applied and paths absolute. */
export interface ReportOptions {
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
  /** Exit 3 when any resource was not examined (remote component, no policy, unknown inputs). @default false */
  requireComplete: boolean;
  /**
   * A previous run's `report.json`: the report adds what changed since (new, fixed, still open, newly waived,
   * expired findings; control statuses that changed). @default undefined (no comparison)
   */
  baseline?: string;
  /**
   * What fails the run (exit 1): mandatory unwaived findings always; with a severity, also advisory unwaived
   * findings of that severity or higher. @default "mandatory"
   */
  failOn: FailOnLevel;
  /** Exit 0 whatever the findings (reports still written; usage errors still exit 2). @default false */
  softFail: boolean;
  /** No progress lines on stderr. @default false */
  quiet: boolean;
  /** Text on stdout without policy descriptions or the shared-responsibility section. @default false */
  compact: boolean;
  /** Errors with their stack traces. @default false (one line with a hint) */
  verbose: boolean;
  /**
   * Extra report files, one per `--output FORMAT=FILE`, each in its own format (e.g. `sarif=results.sarif`).
   * @default [] (none)
   */
  outputs: { format: ReportFormat; file: string }[];
}

/**
 * Reads the flags of {@link ReportOptions}.
 *
 * @param values - the flags given.
 * @param defaults - the package's default pack.
 * @param cwd - directory relative paths resolve against.
 * @throws CliUsageError for a bad format, a flag given twice, or more config files than packs.
 */
export function readReportOptions(values: FlagValues, defaults: PackageDefaults, cwd: string): ReportOptions {
  const format = choiceValue(values, "--format", REPORT_FORMATS, "text", "a report format");
  const out = singleValue(values, "--out");
  const baseline = singleValue(values, "--baseline");
  const packs = values.get("--policy-pack") ?? [];
  const configs = values.get("--policy-config") ?? [];
  const packCount = Math.max(packs.length, 1);
  if (configs.length > packCount) {
    throw new CliUsageError(
      `${configs.length} --policy-config files for ${packCount} policy pack${packCount === 1 ? "" : "s"}: the n-th file configures the n-th --policy-pack.`,
    );
  }
  return {
    format,
    failOn: choiceValue(values, "--fail-on", FAIL_ON_LEVELS, "mandatory", "a fail-on level"),
    softFail: values.has("--soft-fail"),
    quiet: values.has("--quiet"),
    compact: values.has("--compact"),
    verbose: values.has("--verbose"),
    outputs: (values.get("--output") ?? []).map((spec) => readOutput(spec, cwd)),
    ...(out !== undefined ? { outDir: path.resolve(cwd, out) } : {}),
    policyPacks: packs.length === 0 ? [defaults.policyPackDir] : packs.map((pack) => path.resolve(cwd, pack)),
    policyConfigs: configs.map((file) => path.resolve(cwd, file)),
    requireComplete: values.has("--require-complete"),
    ...(baseline !== undefined ? { baseline: path.resolve(cwd, baseline) } : {}),
  };
}

function readOutput(spec: string, cwd: string): { format: ReportFormat; file: string } {
  const equals = spec.indexOf("=");
  const format = equals === -1 ? spec : spec.slice(0, equals);
  const file = equals === -1 ? "" : spec.slice(equals + 1);
  if (!(REPORT_FORMATS as readonly string[]).includes(format) || file === "") {
    throw new CliUsageError(
      `--output "${spec}" is not FORMAT=FILE with FORMAT one of ${REPORT_FORMATS.join(", ")} (e.g. --output sarif=results.sarif).`,
    );
  }
  return { format: format as ReportFormat, file: path.resolve(cwd, file) };
}
