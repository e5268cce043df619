/**
 * How a validation answers "not applicable" without capturing stack traces: the cheap type-mismatch signal of
 * multi-type policies, and the `unknown-inputs: ...` signal with which a validation that read unknown values
 * (and reported nothing) ends, or, in the update pass, the violations those values become.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import { isPreview, type Observation } from "./observe";

/**
 * Tells the server the policy does not apply, without the stack trace a thrown `Error` normally captures:
 * multi-type policies (no `__pulumiType` fast path) call this for most resources of a stack.
 */
function notApplicableWithoutStack(args: ResourceValidationArgs, reason: string): never {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    args.notApplicable(reason);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A policy's not-applicable signal, made once per server: the first call obtains the server's own error
 * from `args.notApplicable(reason)`, later calls with the same `notApplicable` function throw that same
 * object again (the server reads only its class and `reason`), so a multi-type policy skipping thousands of
 * resources builds no error per resource. Another `notApplicable` (another server, a test harness) gets
 * its own error.
 */
export function notApplicableSignal(reason: string): (args: ResourceValidationArgs) => never {
  let source: unknown;
  let signal: unknown;
  return (args) => {
    if (args.notApplicable === source) {
      throw signal;
    }
    try {
      notApplicableWithoutStack(args, reason);
    } catch (error) {
      source = args.notApplicable;
      signal = error;
      throw error;
    }
    throw new Error(`notApplicable("${reason}") returned instead of throwing`);
  };
}

/** The prefix of the not-applicable reason by which a policy says its verdict rests on unknown values. */
export const UNKNOWN_INPUTS_PREFIX = "unknown-inputs: ";

let unknownSource: unknown;
let unknownPrototype: object | undefined;

/**
 * Signals not-applicable with a reason that varies per resource (the unknown paths). The first call obtains
 * the server's error from `args.notApplicable(reason)` without a stack trace; later calls through the same
 * `notApplicable` build an object of that error's class with the new `reason` and `message` (all the server
 * reads), so no stack is ever captured.
 */
function notApplicableWithReason(notApplicable: (reason?: string) => never, reason: string): never {
  if (notApplicable === unknownSource && unknownPrototype !== undefined) {
    throw Object.assign(Object.create(unknownPrototype) as object, { reason, message: reason });
  }
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    notApplicable(reason);
  } catch (error) {
    if (typeof error === "object" && error !== null) {
      unknownSource = notApplicable;
      unknownPrototype = Object.getPrototypeOf(error) as object;
    }
    throw error;
  } finally {
    Error.stackTraceLimit = limit;
  }
  throw new Error(`notApplicable("${reason}") returned instead of throwing`);
}

/**
 * Ends a validation by what it could not read. A value that was set but unreadable (a policy document that
 * is not JSON, a value of the wrong type) is a violation naming its property in both passes when the policy
 * reported nothing itself (its own finding usually names the same value). In the update pass
 * (`PULUMI_DRY_RUN=false`) each unknown value is a violation too; in preview, a validation that reported
 * nothing but read unknown values signals not-applicable with `unknown-inputs: <path>, <path>`.
 *
 * @param reportAt - reports a finding about the resource a root label (URN or type) names.
 */
export function settleObservation(
  observation: Observation,
  findings: number,
  reportAt: (label: string | undefined, message: string) => void,
  notApplicable: (reason?: string) => never,
): void {
  if (observation.unreadable.length === 0 && observation.unknown.length === 0) {
    // Nothing to settle, whatever the pass: skip reading the environment (a native call) per validation.
    return;
  }
  const preview = isPreview();
  const during = preview ? "" : " during the update";
  let reported = findings;
  if (findings === 0) {
    observation.unreadable.forEach((entry, index) => {
      const split = entry.indexOf(": ");
      reportAt(
        observation.rootsOfUnreadable[index],
        `${entry.slice(0, split)} could not be read${during}: ${entry.slice(split + 2)}`,
      );
      reported += 1;
    });
  }
  if (!preview) {
    observation.unknownRelative.forEach((path, index) =>
      reportAt(
        observation.rootsOfUnknown[index],
        `${path} could not be read during the update: the value is unknown, and an update must know every value`,
      ),
    );
    return;
  }
  if (reported === 0 && observation.unknown.length > 0) {
    notApplicableWithReason(notApplicable, `${UNKNOWN_INPUTS_PREFIX}${observation.unknown.join(", ")}`);
  }
}
