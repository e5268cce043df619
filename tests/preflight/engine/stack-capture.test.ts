// The child's switch-off of the SDK's per-resource stack captures, against a stand-in SDK layout.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SOURCE_POSITION_FRAMES, skipUnusedStackCapture } from "../../../preflight/engine/stack-capture";

const created: string[] = [];

/** A stand-in SDK whose `debuggablePromise` stores the formatted stack it captured, like the real one. */
function fakeSdk(options: { debugPromiseLeaks?: boolean; withDebuggable?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fake-sdk-"));
  created.push(dir);
  fs.writeFileSync(path.join(dir, "index.js"), "module.exports = {};\n");
  if (options.withDebuggable ?? true) {
    fs.mkdirSync(path.join(dir, "runtime"));
    fs.writeFileSync(
      path.join(dir, "runtime", "debuggable.js"),
      [
        `exports.debugPromiseLeaks = ${options.debugPromiseLeaks ? "true" : "false"};`,
        "exports.debuggablePromise = function (p, ctx) {",
        "  p.capturedStack = new Error().stack;",
        "  p.context = ctx;",
        "  return p;",
        "};",
      ].join("\n"),
    );
  }
  return path.join(dir, "index.js");
}

function loadDebuggable(entry: string): {
  debuggablePromise(
    promise: Promise<unknown>,
    context: unknown,
  ): Promise<unknown> & { capturedStack?: string };
} {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(path.dirname(entry), "runtime", "debuggable.js"));
}

afterEach(() => {
  for (const dir of created.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("skipping the SDK's unused stack captures", () => {
  it("makes Resource.callsites capture only the frames a source position needs, parsed as the SDK does", () => {
    const resourceClass = {
      callsites: () => [{ file: "index.ts", line: 1, column: 1 }],
      framePositionRegExp: /^\s*at .* \((?<file>.*):(?<line>[0-9]+):(?<column>[0-9]+)\)$/,
    };
    const changes = skipUnusedStackCapture(fakeSdk(), resourceClass);
    expect(changes.sourcePositions).toBe(true);
    const limit = Error.stackTraceLimit;
    const nest = (depth: number): unknown[] => (depth === 0 ? resourceClass.callsites() : nest(depth - 1));
    const frames = nest(30) as { file?: string; line?: number }[];
    expect(frames.length).toBeLessThanOrEqual(SOURCE_POSITION_FRAMES);
    // As in the SDK's version, frame 0 is callsites itself and frame 1 its caller (here `nest`, in this file).
    expect(frames[1]?.file).toBe(__filename);
    expect(frames[1]?.line).toBeGreaterThan(0);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it("leaves Resource.callsites alone when the SDK has no frame parser to reuse", () => {
    const resourceClass = { callsites: () => [{ file: "index.ts", line: 1, column: 1 }] };
    expect(skipUnusedStackCapture(fakeSdk(), resourceClass).sourcePositions).toBe(false);
    expect(resourceClass.callsites()).toHaveLength(1);
  });

  it("keeps debuggablePromise's behaviour but captures no frames, and restores the stack trace limit", () => {
    const entry = fakeSdk();
    const changes = skipUnusedStackCapture(entry, {});
    expect(changes).toEqual({ sourcePositions: false, promiseStacks: true });
    const limit = Error.stackTraceLimit;
    const promise = loadDebuggable(entry).debuggablePromise(Promise.resolve(1), "ctx");
    expect(promise.capturedStack).toBe("Error");
    expect((promise as unknown as { context: unknown }).context).toBe("ctx");
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error("after").stack?.split("\n").length).toBeGreaterThan(1);
  });

  it("leaves promise stacks alone when PULUMI_DEBUG_PROMISE_LEAKS asked for them", () => {
    const entry = fakeSdk({ debugPromiseLeaks: true });
    expect(skipUnusedStackCapture(entry, {}).promiseStacks).toBe(false);
    const promise = loadDebuggable(entry).debuggablePromise(Promise.resolve(1), "ctx");
    expect(promise.capturedStack?.split("\n").length).toBeGreaterThan(1);
  });

  it("changes nothing in an SDK without the expected modules", () => {
    expect(skipUnusedStackCapture(fakeSdk({ withDebuggable: false }), {})).toEqual({
      sourcePositions: false,
      promiseStacks: false,
    });
  });
});
