/**
 * Output streams whose reader goes away early. `secure-ai check | head -3` (or a pager that quits) closes the
 * pipe behind stdout; the next write fails with EPIPE, which Node reports as an `error` event on the stream,
 * and an `error` event nobody listens to crashes the process with a stack trace. A closed reader only means
 * that nobody reads the rest, so the CLI listens on stdout and stderr: it stops writing quietly and keeps the
 * exit code the run earned. Any other write error (a full disk behind `> report.txt`) is kept, so that the
 * CLI can name it on stderr and exit 2 instead of passing off a truncated report as delivered.
 */

/** Codes of a write whose reader has gone: a closed pipe or socket, or the stream Node then destroyed. */
const CLOSED_READER_CODES: ReadonlySet<string> = new Set(["EPIPE", "ECONNRESET", "ERR_STREAM_DESTROYED"]);

/** Whether a stream error means the reader went away. */
export function isClosedReader(error: unknown): boolean {
  if (typeof error !== "object" || error === null) {
    return false;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && CLOSED_READER_CODES.has(code);
}

/** What happened to a watched stream so far. */
export interface StreamWatch {
  /** The reader went away: later output is dropped. */
  readonly readerClosed: boolean;
  /** The first write error that was not a closed reader. @default undefined */
  readonly failure: Error | undefined;
}

/** The part of a stream the watch needs. */
export interface ErrorEmitter {
  on(event: "error", listener: (error: Error) => void): unknown;
}

/**
 * Listens for write errors on `stream` (so that none of them crashes the process) and records them.
 *
 * @param stream - usually `process.stdout` or `process.stderr`.
 */
export function watchForClosedReader(stream: ErrorEmitter): StreamWatch {
  const watch: { readerClosed: boolean; failure: Error | undefined } = {
    readerClosed: false,
    failure: undefined,
  };
  stream.on("error", (error) => {
    if (isClosedReader(error)) {
      watch.readerClosed = true;
    } else {
      watch.failure ??= error;
    }
  });
  return watch;
}
