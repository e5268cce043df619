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
  /** The name of the program's error (`SecureAiConfigError`, `TypeError`), when it threw an Error. */
  readonly programErrorName?: string;

  /**
   * @param stack - the stack being run.
   * @param programMessage - the program's error message.
   * @param programStack - the program's stack trace, if any.
   * @param programErrorName - the name of the program's error, if it threw an Error.
   */
  constructor(stack: string, programMessage: string, programStack?: string, programErrorName?: string) {
    super(`The Pulumi program failed to run for stack "${stack}": ${programMessage}`);
    this.name = "PreflightProgramError";
    this.stackName = stack;
    this.programMessage = programMessage;
    this.programStack = programStack;
    this.programErrorName = programErrorName;
  }
}

/**
 * The TypeScript program has type errors, which `pulumi preview` reports (ts-node type-checks unless told
 * not to). `errors` holds one line per error: `file:line:column - error TScode: message`.
 */
export class PreflightTypeError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode = EXIT_CODE_CANNOT_RUN;
  /** The errors, one line each. */
  readonly errors: readonly string[];

  /**
   * @param errors - the compiler's errors, one line each.
   * @param compiler - the compiler that found them, e.g. `typescript 3.8.3 and ts-node 7.0.1 vendored in
   *   @pulumi/pulumi 3.248.0`.
   */
  constructor(errors: readonly string[], compiler?: string) {
    const count = errors.length === 1 ? "1 type error" : `${errors.length} type errors`;
    const by = compiler === undefined ? "" : `found with ${compiler}; `;
    super(
      [
        `The Pulumi program has ${count} (${by}pulumi preview would stop on them too):`,
        ...errors.map((error) => `  ${error}`),
        "Hint: fix them, or skip the type check with --skip-typecheck (SECURE_AI_SKIP_TYPECHECK=1).",
      ].join("\n"),
    );
    this.name = "PreflightTypeError";
    this.errors = errors;
  }
}
