/** The fields of the engine's PreflightProgramError the CLI prints (matched by name: no engine import needed). */
interface ProgramFailure extends Error {
  programMessage: string;
  programStack?: string;
  /** The program's own error name (`SecureAiConfigError`, `TypeError`), when it threw an Error. */
  programErrorName?: string;
}

function isProgramFailure(error: unknown): error is ProgramFailure {
  return error instanceof Error && error.name === "PreflightProgramError" && "programMessage" in error;
}

/** Errors that report a problem of the input (not a bug), printed without a stack trace unless verbose. */
const EXPECTED_ERRORS = new Set([
  "CliUsageError",
  "PreflightUsageError",
  "PreflightProgramError",
  "PreflightTypeError",
  "PolicyPackStartError",
  "PolicyConfigError",
  "AnalyzerCallError",
  "SecureAiConfigError",
  "StateFileError",
]);

/** What the reader can do next, by error. */
function hintFor(error: Error): string | undefined {
  if (isProgramFailure(error)) {
    if (error.programErrorName === "SecureAiConfigError") {
      return "fix that argument of SecureAiPlatform (or the stack config it comes from); --verbose shows where it was thrown";
    }
    return error.programStack === undefined ? undefined : "run with --verbose for the program's stack trace";
  }
  switch (error.name) {
    case "StateFileError":
      return "audit reads what `pulumi stack export --file FILE` writes; see docs/audit.md";
    case "PolicyPackStartError":
      return "a pack slow to start under load can be given longer with --pack-start-timeout SECONDS";
    default:
      return undefined;
  }
}

/** Options of {@link describeFailure}. */
export interface DescribeOptions {
  /** Add stack traces (the program's own, for a failing program). @default false */
  verbose?: boolean;
}

/**
 * The message `secure-ai check` prints on stderr for an error that stops the run. An expected error (a bad
 * flag, a project or config the preflight cannot use, a program that throws, type errors, a pack that does
 * not start) is its message on one line (type errors: one line each) and a hint; stack traces only with
 * `verbose`. Anything else is a bug and keeps its stack.
 *
 * @param error - what was thrown.
 * @param options - verbosity.
 */
export function describeFailure(error: unknown, options: DescribeOptions = {}): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  if (!EXPECTED_ERRORS.has(error.name)) {
    return error.stack ?? error.message;
  }
  const lines = [isProgramFailure(error) ? programSummary(error) : error.message];
  const hint = hintFor(error);
  if (options.verbose === true) {
    if (isProgramFailure(error) && error.programStack !== undefined) {
      lines.push(error.programStack);
    } else if (!isProgramFailure(error) && error.stack !== undefined) {
      lines.push(error.stack.split("\n").slice(1).join("\n"));
    }
  } else if (hint !== undefined) {
    lines.push(`Hint: ${hint}.`);
  }
  return lines.join("\n");
}

/** `The Pulumi program failed ... for stack "x": Name: message` with the program's message on one line. */
function programSummary(error: ProgramFailure): string {
  const [summary] = error.message.split(error.programMessage);
  const name =
    error.programErrorName !== undefined && error.programErrorName !== "Error"
      ? `${error.programErrorName}: `
      : "";
  const message =
    error.programMessage.includes("\n") && error.programStack === undefined
      ? error.programMessage
      : error.programMessage.split("\n")[0];
  return `${summary ?? ""}${name}${message}`;
}
