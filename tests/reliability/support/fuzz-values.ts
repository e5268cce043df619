/**
 * Property values as hostile as the engine can send them, in wire form (what the CLI puts into the
 * analyzer's protobuf Struct): unknown sentinels of every kind, secrets, wrong types, huge strings and
 * arrays, nested nulls, deep nesting. Keys come from the policy's own vocabulary so the values reach the
 * code paths that read them.
 */
import fc from "fast-check";
import { UNKNOWN_SENTINELS } from "../../../policy-packs/secure-ai/policies/lib/sdk-internals";
import { SECRET_SIG, SIG_KEY } from "../../../preflight/analyzer/wire-values";

/** A secret wrapping `value`, as the engine encodes it. */
export function secretOf(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}

const HUGE_STRING = "x".repeat(100_000);
const HUGE_ARRAY_LENGTH = 5_000;

/** Strings that mean something to policies (CIDRs, wildcards, TLS names, ARNs) plus odd ones. */
const MEANINGFUL = [
  "",
  " ",
  "*",
  "0.0.0.0/0",
  "::/0",
  "Internet",
  "TLSv1",
  "TLS1_0",
  "TLS_1_3",
  "ELBSecurityPolicy-2016-08",
  "arn:aws:kms:eu-west-1:111122223333:key/abc",
  "projects/p/locations/l/keyRings/r/cryptoKeys/k",
  "true",
  "false",
  "-1",
  "{}",
  "[]",
  "null",
  "__proto__",
  "constructor",
  "ingress",
  "\u0000",
  "💥",
];

/** Leaf values of every kind. */
export const fuzzLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...UNKNOWN_SENTINELS),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(0, -0, -1, 1, 2 ** 53, -(2 ** 53), 1e308, Number.NaN, Number.POSITIVE_INFINITY, 0.5),
  fc.integer(),
  fc.constantFrom(...MEANINGFUL),
  fc.string({ maxLength: 40 }),
);

/** A huge value: a 100,000-character string, or an array of 5,000 leaves. Only at the top of a property. */
const hugeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(HUGE_STRING),
  fuzzLeaf.map((leaf) => Array.from({ length: HUGE_ARRAY_LENGTH }, () => leaf)),
);

/** Values, nested to a few levels, over `keys`. */
export function fuzzValue(keys: readonly string[]): fc.Arbitrary<unknown> {
  const key =
    keys.length > 0
      ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 }))
      : fc.string({ maxLength: 8 });
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth: 3, withCrossShrink: true },
      { weight: 5, arbitrary: fuzzLeaf },
      { weight: 2, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
      { weight: 2, arbitrary: fc.dictionary(key, tie("value"), { maxKeys: 5 }) },
      { weight: 1, arbitrary: tie("value").map(secretOf) },
      { weight: 1, arbitrary: fc.constant({ a: { b: { c: { d: null } } } }) },
    ),
  }));
  return value;
}

/** A value for a top-level property: mostly nested fuzz, sometimes huge. */
function topValue(keys: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: fuzzValue(keys) }, { weight: 1, arbitrary: hugeValue });
}

/** A property map over `keys` with fuzzed values. */
export function fuzzProps(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const key =
    keys.length > 0
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...keys) },
          { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
        )
      : fc.string({ maxLength: 8 });
  return fc.dictionary(key, topValue(keys), { maxKeys: 8 });
}

/**
 * Mutates a known-good property map: some paths replaced by fuzz values, some deleted, so the policy
 * sees almost-real input with one surprise.
 */
export function mutatedProps(
  real: Record<string, unknown>,
  keys: readonly string[],
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.array(fc.tuple(fc.nat(), fc.boolean(), topValue(keys)), { minLength: 1, maxLength: 3 }))
    .map(([edits]) => {
      const copy = structuredClone(real);
      for (const [where, remove, value] of edits) {
        const slots = slotsOf(copy);
        const slot = slots[where % Math.max(slots.length, 1)];
        if (slot === undefined) continue;
        if (remove && !Array.isArray(slot.parent)) delete slot.parent[slot.key as string];
        // A fresh copy per edit: constants are shared instances, and inserting one twice could nest it in itself.
        else (slot.parent as Record<string | number, unknown>)[slot.key] = structuredClone(value);
      }
      return copy;
    });
}

interface Slot {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}

function slotsOf(value: unknown): Slot[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [{ parent: value, key: index }, ...slotsOf(item)]);
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    // A secret, asset or archive is one value on the wire: replace it whole, never take it apart.
    if (SIG_KEY in record) return [];
    return Object.keys(record).flatMap((key) => [{ parent: record, key }, ...slotsOf(record[key])]);
  }
  return [];
}

/**
 * Keys the engine never sends as plain property names: the wire's special-value signature key (an object
 * carrying it is a secret, asset or archive, decoded by the SDK before any policy runs) and `__proto__`.
 */
const WIRE_RESERVED = new Set([SIG_KEY, "__proto__"]);

/** Identifier-like string literals of a function's source: the property names a policy reads. */
export function literalsOf(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/["'`]([A-Za-z_$][\w$.]{0,60})["'`]/g)) {
    for (const part of (match[1] as string).split(".")) {
      if (part !== "" && !WIRE_RESERVED.has(part)) names.add(part);
    }
  }
  return [...names];
}

/** A random property name that is not reserved on the wire. */
export const randomKey = fc.string({ maxLength: 8 }).filter((key) => !WIRE_RESERVED.has(key));
