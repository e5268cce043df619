/**
 * Errors the preflight engine throws. Both map to exit code 2 of `secure-ai check`: one means the
 * user pointed the preflight at something it cannot run, the other that the program itself failed.
 */

/** Exit code of `secure-ai check` for a usage error or a program that fails to run. */
export const EXIT_CODE_CANNOT_RUN = 2;

/**
 * The project or its configuration cannot be used: no Pulumi.yaml, bad YAML, an unsupported runtime,
 * a missing `main`, a config value of the wrong type. The message names the file and, where there is one,
 * the config key.
 */
export class PreflightUsageError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode = EXIT_CODE_CANNOT_RUN;
  /** The file at fault, when there is one. */
  readonly file?: string;
  /** The fully qualified config key at fault (`project:key`), when there is one. */
  readonly configKey?: string;

  /**
   * @param message - what is wrong and how to fix it.
   * @param details - the file and config key at fault.
   */
  constructor(message: string, details: { file?: string; configKey?: string } = {}) {
    super(message);
    this.name = "PreflightUsageError";
    this.file = details.file;
    this.configKey = details.configKey;
  }
}

/**
 * The Pulumi program failed: it threw (synchronously or from a promise), did not compile, or exited
 * before it finished. `programMessage` and `programStack` are the program's own error, unchanged.
 */
export class PreflightProgramError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode = EXIT_CODE_CANNOT_RUN;
  /** The program's own error message. */
  readonly programMessage: string;
  /** The program's own stack trace, when it produced one. */
  readonly programStack?: string;
  /** Name of the stack that was running. */
  readonly stackName: string;

  /**
   * @param stack - the stack being run.
   * @param programMessage - the program's error message.
   * @param programStack - the program's stack trace, if any.
   */
  constructor(stack: string, programMessage: string, programStack?: string) {
    super(`The Pulumi program failed to run for stack "${stack}": ${programMessage}`);
    this.name = "PreflightProgramError";
    this.stackName = stack;
    this.programMessage = programMessage;
    this.programStack = programStack;
  }
}
