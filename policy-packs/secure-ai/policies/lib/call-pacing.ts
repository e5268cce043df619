/**
 * Runs a unary gRPC handler's calls one per turn of the event loop, in the order they arrived.
 *
 * A client with several calls in flight hands them to the pack together: the preflight keeps 8 Analyze calls
 * open, and their requests arrive in one read of the socket. Run as they arrive, all of them are answered
 * within that one turn, and Node's HTTP/2 session sends what its streams wrote only from an immediate
 * scheduled for the end of the turn (`Http2Session::MaybeScheduleWrite` in Node's `node_http2.cc`). The
 * answers then leave together, the client decodes all of them while the pack waits, and the client's next
 * requests arrive together again: the two processes take turns instead of working side by side. Measured in
 * the policy-evaluation benchmark, the pack's requests came in 125 batches of exactly 8 per 1,000 resources.
 *
 * Here the first call starts at once and each later one in the turn after the one before it answered. Each
 * answer is then on the wire before the next is computed, so the client decodes one while the pack computes
 * the next (docs/benchmarks.md, session 11). A handler that throws, or whose returned promise rejects,
 * without answering is answered with that error, and the next call still runs: one broken call never holds
 * up the others.
 *
 * Only the running pack's Analyze handler is paced (`./type-index-server.ts`); `SECURE_AI_PACK_PACING=0`
 * runs calls as they arrive.
 */

/** A gRPC unary handler as the SDK writes them (`callback(error)` or `callback(undefined, response)`). */
export type PacedHandler<Call, Response> = (
  call: Call,
  callback: (error: unknown, response?: Response) => void,
) => unknown;

/**
 * `handler`, called for one call at a time: the next call starts in the turn after the previous one's
 * callback (see the module comment).
 *
 * @param handler - the unary handler to pace.
 * @param nextTurn - schedules work for the next turn of the event loop. @default `setImmediate`
 */
export function oneCallPerTurn<Call, Response>(
  handler: PacedHandler<Call, Response>,
  nextTurn: (work: () => void) => void = (work) => setImmediate(work),
): PacedHandler<Call, Response> {
  const waiting: [Call, (error: unknown, response?: Response) => void][] = [];
  let running = false;

  const runNext = (): void => {
    const next = waiting.shift();
    if (next === undefined) {
      running = false;
      return;
    }
    const [call, callback] = next;
    let answered = false;
    const answer = (error: unknown, response?: Response): void => {
      if (answered) {
        return;
      }
      answered = true;
      try {
        callback(error, response);
      } finally {
        nextTurn(runNext);
      }
    };
    try {
      const result = handler(call, answer);
      if (isThenable(result)) {
        result.then(undefined, (error: unknown) => answer(error));
      }
    } catch (error) {
      answer(error);
    }
  };

  return (call, callback) => {
    waiting.push([call, callback]);
    if (!running) {
      running = true;
      runNext();
    }
    return undefined;
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function"
  );
}
