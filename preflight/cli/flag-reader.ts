import { CliUsageError } from "./usage-error";

/** The flags one command accepts. */
export interface FlagSet {
  /** The command, for messages (`check`, `audit`). */
  command: string;
  /** Flags that take a value (`--out DIR` or `--out=DIR`). */
  values: readonly string[];
  /** Flags that take no value. */
  switches: readonly string[];
}

/** The flags given, by name: every value of a value flag in order, one `""` per use of a switch. */
export type FlagValues = Map<string, string[]>;

/**
 * Reads `--flag value`, `--flag=value` and switches. A value may not start with `--` unless given with `=`.
 *
 * @param args - the arguments after the command.
 * @param flags - what the command accepts.
 * @throws CliUsageError for a positional argument, an unknown flag, a switch given a value, or a value flag
 *   without a value.
 */
export function readFlags(args: readonly string[], flags: FlagSet): FlagValues {
  const values: FlagValues = new Map();
  const add = (flag: string, value: string): void => {
    values.set(flag, [...(values.get(flag) ?? []), value]);
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (!arg.startsWith("-")) {
      throw new CliUsageError(
        `Unexpected argument "${arg}": ${flags.command} takes flags only (see \`secure-ai --help\`).`,
      );
    }
    const equals = arg.indexOf("=");
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    if (flags.switches.includes(flag)) {
      if (equals !== -1) {
        throw new CliUsageError(`${flag} takes no value (got "${arg.slice(equals + 1)}").`);
      }
      add(flag, "");
      continue;
    }
    if (!flags.values.includes(flag)) {
      throw new CliUsageError(`Unknown flag "${flag}" for ${flags.command} (see \`secure-ai --help\`).`);
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
    add(flag, value);
  }
  return values;
}

/**
 * The one value of a flag given at most once.
 *
 * @throws CliUsageError when the flag was given more than once.
 */
export function singleValue(values: FlagValues, flag: string): string | undefined {
  const given = values.get(flag) ?? [];
  if (given.length > 1) {
    throw new CliUsageError(`${flag} was given ${given.length} times; give it once.`);
  }
  return given[0];
}

/**
 * A flag's value checked against the values it allows.
 *
 * @param what - what the value is, for the message (`a report format`).
 * @throws CliUsageError for a value outside `allowed`.
 */
export function choiceValue<T extends string>(
  values: FlagValues,
  flag: string,
  allowed: readonly T[],
  fallback: T,
  what: string,
): T {
  const value = singleValue(values, flag) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliUsageError(`${flag} "${value}" is not ${what}; allowed: ${allowed.join(", ")}.`);
  }
  return value as T;
}
