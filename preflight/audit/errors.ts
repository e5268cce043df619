/** Exit code for a state file the audit cannot read (the same as any usage error of the CLI). */
export const EXIT_STATE_UNREADABLE = 2;

/**
 * A state file cannot be audited: it is not JSON, not a `pulumi stack export` of deployment version 3, damaged
 * (a resource without URN or type, a URN that is not a Pulumi URN), or holds secrets encrypted by a secrets
 * provider the audit cannot decrypt. The message names the file, where in it, and what to do.
 */
export class StateFileError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode = EXIT_STATE_UNREADABLE;
  /** The state file at fault. */
  readonly file: string;

  /**
   * @param file - the state file.
   * @param problem - what is wrong and, where it helps, how to fix it.
   */
  constructor(file: string, problem: string) {
    super(`State file ${file}: ${problem}`);
    this.name = "StateFileError";
    this.file = file;
  }
}
