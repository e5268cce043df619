/** Exit code for a usage error or a program or pack that cannot run (public contract). */
export const EXIT_USAGE = 2;

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
