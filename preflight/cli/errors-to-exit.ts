/** The fields of the engine's PreflightProgramError the CLI prints (matched by name: no engine import needed). */
interface ProgramFailure extends Error {
  programMessage: string;
  programStack?: string;
}

function isProgramFailure(error: unknown): error is ProgramFailure {
  return error instanceof Error && error.name === "PreflightProgramError" && "programMessage" in error;
}

/**
 * The message `secure-ai check` prints on stderr for an error that stops the run: for a failing program,
 * the preflight's summary followed by the program's own stack trace (or message); otherwise the error's
 * message (a pack's stderr is already part of it).
 *
 * @param error - what was thrown.
 */
export function describeFailure(error: unknown): string {
  if (isProgramFailure(error)) {
    return `${error.message}\n${error.programStack ?? error.programMessage}`;
  }
  return error instanceof Error ? error.message : String(error);
}
