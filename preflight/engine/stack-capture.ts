/**
 * Per-resource stack capture in the Node.js SDK, and how the preflight child avoids paying for it.
 *
 * For every resource, `@pulumi/pulumi` formats two stack traces that the mock runtime throws away:
 * - `Resource.callsites()` (called from the `Resource` constructor) formats `new Error().stack` with an
 *   unlimited `Error.stackTraceLimit` to send the source position and stack trace of the registration to
 *   the engine. The recorder keeps only the source position (the first frame past the SDK's constructors),
 *   so the child captures just the frames that position needs.
 * - `debuggablePromise()` (about ten calls per resource) stores `new Error().stack` on each promise; it is
 *   read only when `PULUMI_DEBUG_PROMISE_LEAKS` is set, to print where a leaked promise was created.
 * With ts-node loaded (TypeScript programs), every formatted trace goes through source-map-support's
 * `prepareStackTrace`, which maps each frame: measured at about 70% of the child's CPU time for 1,000
 * resources. Errors the program throws keep their full, source-mapped stack: only these two captures change.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

/** Loads the SDK's own modules by absolute path (the program's copy, not this package's). */
const loadModule = createRequire(__filename);

/** The `Resource` class surface this module replaces (a static method of the SDK's `Resource`). */
interface ResourceClass {
  callsites?: () => unknown[];
  /** The SDK's parser of one formatted stack frame (`at fn (file:line:column)`). */
  framePositionRegExp?: RegExp;
}

/**
 * Frames `Resource.callsites` captures: itself, `Resource.stackTrace`, the `Resource`, custom or component
 * and resource class constructors (the SDK skips these five), then the program's line, and a few to spare
 * for deeper class hierarchies.
 */
export const SOURCE_POSITION_FRAMES = 10;

/** The `runtime/debuggable` module's exports this module wraps. */
interface DebuggableModule {
  debugPromiseLeaks?: boolean;
  debuggablePromise?: (promise: Promise<unknown>, context: unknown) => Promise<unknown>;
}

/** What {@link skipUnusedStackCapture} changed, for tests and diagnostics. */
export interface StackCaptureChanges {
  /**
   * `Resource.callsites` now captures at most {@link SOURCE_POSITION_FRAMES} frames: enough for the source
   * position the recorder keeps, a fraction of the cost of the SDK's unlimited trace.
   */
  sourcePositions: boolean;
  /** `debuggablePromise` captures no stack (left alone when `PULUMI_DEBUG_PROMISE_LEAKS` is set). */
  promiseStacks: boolean;
}

/**
 * Turns off the SDK's per-resource stack captures that the mock runtime never reads (see the module
 * comment). Each change is applied only when the SDK still has the expected shape, so a future SDK
 * layout degrades to the unchanged (slower) behaviour rather than breaking the run.
 *
 * @param sdkEntry - resolved path of the program's `@pulumi/pulumi` entry (`.../@pulumi/pulumi/index.js`).
 * @param resourceClass - that SDK's `Resource` class (`pulumi.Resource`).
 */
export function skipUnusedStackCapture(sdkEntry: string, resourceClass: unknown): StackCaptureChanges {
  const changes: StackCaptureChanges = { sourcePositions: false, promiseStacks: false };
  const resource = resourceClass as ResourceClass;
  const framePattern = resource.framePositionRegExp;
  if (typeof resource.callsites === "function" && framePattern instanceof RegExp) {
    resource.callsites = () => boundedCallsites(framePattern);
    changes.sourcePositions = true;
  }
  const debuggablePath = path.join(path.dirname(sdkEntry), "runtime", "debuggable.js");
  if (!fs.existsSync(debuggablePath)) {
    return changes;
  }
  const debuggable = loadModule(debuggablePath) as DebuggableModule;
  const original = debuggable.debuggablePromise;
  if (typeof original === "function" && !debuggable.debugPromiseLeaks) {
    debuggable.debuggablePromise = (promise, context) => {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        return original(promise, context);
      } finally {
        Error.stackTraceLimit = limit;
      }
    };
    changes.promiseStacks = true;
  }
  return changes;
}

/** The SDK's `Resource.callsites`, with the stack trace limited to {@link SOURCE_POSITION_FRAMES} frames. */
function boundedCallsites(framePattern: RegExp): { file?: string; line?: number; column?: number }[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = SOURCE_POSITION_FRAMES;
  try {
    // Drop the message line and this function's own frame: the first frame left is `Resource.callsites`
    // itself, as in the SDK's version (whose `stackTrace(skip)` counts on it).
    const frames = (new Error().stack ?? "").split("\n").slice(2);
    return frames.map((frame) => {
      const groups = framePattern.exec(frame)?.groups ?? {};
      const line = Number.parseInt(groups["line"] ?? "", 10);
      const column = Number.parseInt(groups["column"] ?? "", 10);
      const file = groups["file"];
      if (file === undefined || file.startsWith("node:") || Number.isNaN(line) || Number.isNaN(column)) {
        return {};
      }
      return { file, line, column };
    });
  } finally {
    Error.stackTraceLimit = limit;
  }
}
