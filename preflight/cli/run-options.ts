/**
 * Flags of `secure-ai check` that steer how the program and the packs run rather than what is reported:
 * `--skip-typecheck` and `--pack-start-timeout SECONDS`, each with its environment variable.
 */
import { type FlagValues, singleValue } from "./flag-reader";
import { CliUsageError } from "./usage-error";

/** Value flags read here. */
export const RUN_VALUE_FLAGS = ["--pack-start-timeout"] as const;
/** Switches read here. */
export const RUN_SWITCH_FLAGS = ["--skip-typecheck"] as const;

/** Environment variable that skips the type check (`1` or `true`), like `--skip-typecheck`. */
export const SKIP_TYPECHECK_ENV = "SECURE_AI_SKIP_TYPECHECK";
/** Environment variable holding the pack start-up limit in seconds, like `--pack-start-timeout`. */
export const PACK_START_TIMEOUT_ENV = "SECURE_AI_PACK_START_TIMEOUT";
/** Pack start-up limit when neither the flag nor the variable says. */
export const DEFAULT_PACK_START_TIMEOUT_SECONDS = 60;

/** How the run goes. */
export interface RunOptions {
  /**
   * Do not type-check a TypeScript program (`pulumi preview` type-checks through ts-node unless the project
   * turns it off). Also `SECURE_AI_SKIP_TYPECHECK=1`. @default false
   */
  skipTypeCheck: boolean;
  /**
   * How long a policy pack may take to start, in milliseconds (`--pack-start-timeout SECONDS`, else
   * `SECURE_AI_PACK_START_TIMEOUT`). @default 60000
   */
  packStartTimeoutMs: number;
}

/**
 * Reads the run flags, falling back to their environment variables.
 *
 * @param values - the flags given.
 * @param env - environment variables. @default process.env
 * @throws CliUsageError for a start-up limit that is not a positive number of seconds.
 */
export function readRunOptions(values: FlagValues, env: NodeJS.ProcessEnv = process.env): RunOptions {
  const skip = env[SKIP_TYPECHECK_ENV];
  const flagTimeout = singleValue(values, "--pack-start-timeout");
  const envTimeout = env[PACK_START_TIMEOUT_ENV];
  return {
    skipTypeCheck: values.has("--skip-typecheck") || skip === "1" || skip === "true",
    packStartTimeoutMs:
      flagTimeout !== undefined
        ? seconds(flagTimeout, "--pack-start-timeout")
        : envTimeout !== undefined && envTimeout !== ""
          ? seconds(envTimeout, PACK_START_TIMEOUT_ENV)
          : DEFAULT_PACK_START_TIMEOUT_SECONDS * 1_000,
  };
}

function seconds(value: string, source: string): number {
  const parsed = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(parsed > 0)) {
    throw new CliUsageError(`${source} "${value}" is not a positive number of seconds (for example 120).`);
  }
  return Math.round(parsed * 1_000);
}

/** The lines `--help` shows for these flags. */
export const RUN_USAGE_LINES = [
  "  --skip-typecheck     do not type-check a TypeScript program (pulumi preview does, through ts-node);",
  "                       also SECURE_AI_SKIP_TYPECHECK=1. Type errors otherwise exit 2, one line each",
  "  --pack-start-timeout SECONDS",
  "                       how long a policy pack may take to start (default 60; also",
  "                       SECURE_AI_PACK_START_TIMEOUT)",
];
