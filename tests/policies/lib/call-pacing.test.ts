/**
 * `oneCallPerTurn`: calls that arrive together run one at a time, in arrival order, the next one in the turn
 * after the previous answered; a handler that throws or rejects is answered with its error and the queue
 * goes on.
 */
import { describe, expect, it } from "vitest";
import { oneCallPerTurn } from "../../../policy-packs/secure-ai/policies/lib/call-pacing";

type Callback = (error: unknown, response?: string) => void;

/** A turn scheduler the test advances by hand. */
function manualTurns() {
  const queued: (() => void)[] = [];
  return {
    nextTurn: (work: () => void) => queued.push(work),
    /** Runs what the previous turn scheduled; returns how many pieces of work ran. */
    turn(): number {
      const now = queued.splice(0);
      now.forEach((work) => work());
      return now.length;
    },
    get pending() {
      return queued.length;
    },
  };
}

describe("oneCallPerTurn", () => {
  it("runs the first call at once and each later one a turn after the previous answered, in order", () => {
    const turns = manualTurns();
    const started: string[] = [];
    const answers: string[] = [];
    const paced = oneCallPerTurn<string, string>((call, callback) => {
      started.push(call);
      callback(undefined, `answer ${call}`);
    }, turns.nextTurn);
    for (const call of ["a", "b", "c"]) {
      paced(call, (_error, response) => answers.push(response!));
    }
    expect(started).toEqual(["a"]);
    expect(answers).toEqual(["answer a"]);
    expect(turns.turn()).toBe(1);
    expect(started).toEqual(["a", "b"]);
    expect(turns.turn()).toBe(1);
    expect(answers).toEqual(["answer a", "answer b", "answer c"]);
    // The last answer schedules one more turn, which finds nothing waiting; then the pacer is idle.
    expect(turns.turn()).toBe(1);
    expect(turns.pending).toBe(0);
    paced("d", (_error, response) => answers.push(response!));
    expect(answers.at(-1)).toBe("answer d");
  });

  it("does not start the next call before an asynchronous answer arrives", async () => {
    const turns = manualTurns();
    const callbacks: Callback[] = [];
    const started: string[] = [];
    const paced = oneCallPerTurn<string, string>((call, callback) => {
      started.push(call);
      callbacks.push(callback);
    }, turns.nextTurn);
    paced("a", () => undefined);
    paced("b", () => undefined);
    expect(turns.turn()).toBe(0);
    expect(started).toEqual(["a"]);
    callbacks[0]!(undefined, "late");
    expect(started).toEqual(["a"]);
    turns.turn();
    expect(started).toEqual(["a", "b"]);
  });

  it("answers a handler that throws or rejects with its error and runs the next call", async () => {
    const turns = manualTurns();
    const results: unknown[] = [];
    const record: Callback = (error, response) => results.push(error ?? response);
    const paced = oneCallPerTurn<string, string>((call, callback) => {
      if (call === "throws") {
        throw new Error("thrown");
      }
      if (call === "rejects") {
        return Promise.reject(new Error("rejected"));
      }
      callback(undefined, call);
      return undefined;
    }, turns.nextTurn);
    paced("throws", record);
    paced("rejects", record);
    paced("fine", record);
    expect((results[0] as Error).message).toBe("thrown");
    turns.turn();
    await Promise.resolve();
    expect((results[1] as Error).message).toBe("rejected");
    turns.turn();
    expect(results[2]).toBe("fine");
  });

  it("passes on only the first answer of a handler that answers twice", () => {
    const turns = manualTurns();
    const results: unknown[] = [];
    const paced = oneCallPerTurn<string, string>((call, callback) => {
      callback(undefined, `${call} 1`);
      callback(undefined, `${call} 2`);
    }, turns.nextTurn);
    paced("a", (_error, response) => results.push(response));
    expect(results).toEqual(["a 1"]);
    expect(turns.pending).toBe(1);
  });

  it("uses setImmediate by default", async () => {
    const order: string[] = [];
    const paced = oneCallPerTurn<string, string>((call, callback) => {
      order.push(`start ${call}`);
      callback(undefined, call);
    });
    paced("a", () => order.push("answered a"));
    paced("b", () => order.push("answered b"));
    await Promise.resolve();
    expect(order).toEqual(["start a", "answered a"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["start a", "answered a", "start b", "answered b"]);
  });
});
