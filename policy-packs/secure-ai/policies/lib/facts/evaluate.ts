/**
 * Compiles a fact into a checker once, when the pack loads: the path is split, the expectation's test and
 * the parts of its message are fixed, so checking a resource walks the path with the unknown-safe readers of
 * `../values` and builds a message only when it reports. Unknown values are noted by those readers (the
 * policy then signals `unknown-inputs` in preview, and the update pass turns them into violations).
 */
import {
  describeValue,
  get,
  isSet,
  isUnknown,
  knownArray,
  knownBoolean,
  knownString,
  UNKNOWN,
  type Value,
} from "../values";
import type { Condition, Expectation, Fact } from "./model";

/** Reports one finding (a complete message). */
export type FactReport = (message: string) => void;

/** A compiled fact: checks one resource's properties. */
export type FactCheck = (props: unknown, report: FactReport) => void;

/** The path split at its `[]` list markers: every chunk but the last names a list. */
function chunksOf(path: string): string[][] {
  return path.split("[]").map((chunk) => chunk.split(".").filter((key) => key !== ""));
}

/** A text for the expected value(s), for messages and docs. */
export function expectedText(expect: Expectation): string {
  switch (expect.kind) {
    case "set":
      return expect.rejectPrefixes === undefined
        ? "set"
        : `set to a customer-managed key (not ${expect.rejectPrefixes.map((prefix) => `${prefix}*`).join(", ")})`;
    case "equals":
      return JSON.stringify(expect.value);
    case "oneOf":
      return `one of ${expect.values.join(", ")}`;
    case "noneOf":
      return `none of ${expect.values.join(", ")}`;
    case "atLeast":
      return `${expect.minimum} or stronger`;
    case "custom":
      return expect.describe;
  }
}

/** The provider default an absent value counts as, for messages and docs. */
export function absentText(expect: Expectation): string | undefined {
  return "absent" in expect && expect.absent !== undefined ? JSON.stringify(expect.absent) : undefined;
}

function stated(value: Value, expect: Expectation): string {
  if (value !== undefined) {
    return `is ${describeValue(value)}`;
  }
  const absent = absentText(expect);
  return absent === undefined ? "is not set" : `is not set (the provider default is ${absent})`;
}

/** Marks a fragment that says why itself (the fact's `why` is not appended). */
const SELF_CONTAINED = "\u0000";

/** The message fragment when `value` breaks `expect`, or undefined. Unknown values never break it. */
function breaks(value: Value, expect: Expectation, container: unknown): string | undefined {
  if (isUnknown(value)) {
    return undefined;
  }
  switch (expect.kind) {
    case "set": {
      if (!isSet(value)) {
        return "is not set";
      }
      const text = knownString(value);
      const managed = text === undefined ? undefined : expect.rejectPrefixes?.find((p) => text.startsWith(p));
      return managed === undefined
        ? undefined
        : `${SELF_CONTAINED}is the AWS-managed key "${text}"; use a customer-managed key`;
    }
    case "equals": {
      const known =
        value === undefined
          ? expect.absent
          : typeof expect.value === "boolean"
            ? knownBoolean(value)
            : knownString(value);
      return known === expect.value
        ? undefined
        : `${stated(value, expect)}; it must be ${JSON.stringify(expect.value)}`;
    }
    case "oneOf": {
      const known = value === undefined ? expect.absent : knownString(value);
      return known !== undefined && expect.values.includes(known)
        ? undefined
        : `${stated(value, expect)}; allowed: ${expect.values.join(", ")}`;
    }
    case "noneOf": {
      const items =
        value === undefined ? [expect.absent] : Array.isArray(value) ? knownArray(value) : [value];
      const bad = items.map((item) => knownString(item as Value)).filter((item) => item !== undefined);
      const hit = bad.find((item) => expect.values.includes(item));
      return hit === undefined
        ? undefined
        : `${stated(value, expect)}; ${JSON.stringify(hit)} is not allowed`;
    }
    case "atLeast": {
      const known = value === undefined ? expect.absent : knownString(value);
      const rank = known === undefined ? -1 : expect.ladder.indexOf(known);
      return rank >= expect.ladder.indexOf(expect.minimum)
        ? undefined
        : `${stated(value, expect)}; it must be ${expect.minimum} or stronger (${expect.ladder.join(" < ")})`;
    }
    case "custom":
      return value === undefined ? undefined : expect.test(value, container);
  }
}

/** Whether the fact applies to `container` (unknown condition values: no, and they are noted). */
function applies(container: unknown, condition: Condition | undefined, keys: string[] | undefined): boolean {
  if (condition === undefined || keys === undefined) {
    return true;
  }
  const value = get(container, ...keys);
  if (value === UNKNOWN) {
    return false;
  }
  if (condition.present !== undefined) {
    return isSet(value) === condition.present;
  }
  const known = value === undefined ? condition.absent : (knownBoolean(value) ?? knownString(value));
  return known !== undefined && (condition.in ?? []).includes(known);
}

/** Compiles one fact. */
export function compileFact(fact: Fact): FactCheck {
  const chunks = chunksOf(fact.path);
  const leaf = chunks[chunks.length - 1];
  const parent = leaf.slice(0, -1);
  const whenKeys = fact.when?.path.split(".");
  const tail = `: ${fact.why}${fact.since === undefined ? "" : ` (the property exists since ${fact.since})`}`;
  const visit = (container: unknown, label: string, report: FactReport) => {
    if (!applies(container, fact.when, whenKeys)) {
      return;
    }
    if (fact.optionalParent && parent.length > 0 && get(container, ...parent) === undefined) {
      return;
    }
    const problem = breaks(get(container, ...leaf), fact.expect, container);
    if (problem !== undefined) {
      report(
        problem.startsWith(SELF_CONTAINED)
          ? `${label}${leaf.join(".")} ${problem.slice(1)}`
          : `${label}${leaf.join(".")} ${problem}${tail}`,
      );
    }
  };
  const walk = (container: unknown, index: number, label: string, report: FactReport): void => {
    if (index === chunks.length - 1) {
      visit(container, label, report);
      return;
    }
    const chunk = chunks[index];
    const list = get(container, ...chunk);
    if (isUnknown(list)) {
      return;
    }
    const items = knownArray(list);
    for (let at = 0; at < items.length; at += 1) {
      if (items[at] !== UNKNOWN) {
        walk(items[at], index + 1, `${label}${chunk.join(".")}[${at}].`, report);
      }
    }
  };
  return chunks.length === 1
    ? (props, report) => visit(props, "", report)
    : (props, report) => walk(props, 0, "", report);
}

/** A breaking value for a fact (the tests' negatives), from `fact.negative` or the expectation. */
export function negativeOf(fact: Fact): unknown {
  if ("negative" in fact) {
    return fact.negative;
  }
  const expect = fact.expect;
  switch (expect.kind) {
    case "set":
      return undefined;
    case "equals":
      return typeof expect.value === "boolean" ? !expect.value : `not-${expect.value}`;
    case "oneOf":
      return "not-allowed";
    case "noneOf":
      return expect.values[0];
    case "atLeast":
      return expect.ladder[0] === expect.minimum ? "unknown-version" : expect.ladder[0];
    case "custom":
      return undefined;
  }
}
