import fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { encodeStruct, NotEncodable } from "../../../preflight/analyzer/struct-writer";
import type { WireValue } from "../../../preflight/analyzer/wire-values";

/** What google-protobuf writes: the reference. */
function reference(value: unknown): Buffer {
  return Buffer.from(Struct.fromJavaScript(value as never).serializeBinary());
}

/** A lone surrogate: the one kind of string the writer leaves to google-protobuf. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Strings of every kind: ASCII, any code point, graphemes, and some with lone surrogates. */
const anyString = fc.oneof(
  { arbitrary: fc.string({ maxLength: 300 }), weight: 10 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 10 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 10 },
  {
    arbitrary: fc
      .tuple(fc.string({ unit: "binary", maxLength: 4 }), loneSurrogate)
      .map(([text, lone]) => text + lone),
    weight: 1,
  },
);

const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.constantFrom(0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, 2 ** 53, 1e300),
    anyString,
    fc.array(tie("value"), { maxLength: 6 }),
    fc.dictionary(anyString, tie("value"), { maxKeys: 6, noNullPrototype: true }),
  ),
}));

describe("encodeStruct", () => {
  it("writes google-protobuf's bytes for every kind of value", () => {
    const value: Record<string, WireValue> = {
      n: null,
      numbers: [0, -0, -1.5, 1e300, 2 ** 53, Number.MIN_VALUE, Infinity, -Infinity, NaN],
      text: "grüße ✓ 🚀",
      empty: "",
      flags: [true, false],
      nested: { deeper: { list: [[], {}, [{ a: 1 }]] } },
      b: 1,
      a: 2,
      B: 3,
      é: 4,
      "10": 5,
      "9": 6,
      "": "empty key",
    };
    const bytes = encodeStruct(value);
    expect(bytes.equals(reference(value))).toBe(true);
    // Keys in JavaScript's default sort order, as jspb.Map writes them: "10" < "9" < "B" < "a" < "é".
    const text = bytes.toString("latin1");
    expect(text.indexOf("\x0a\x0210")).toBeLessThan(text.indexOf("\x0a\x019"));
    expect(text.indexOf("\x0a\x01B")).toBeLessThan(text.indexOf("\x0a\x01a"));
  });

  it("writes an empty Struct as no bytes, and the protocol's one NaN pattern for every NaN", () => {
    expect(encodeStruct({})).toEqual(Buffer.alloc(0));
    const otherNaN = new Float64Array(new Uint32Array([1, 0x7ff00000]).buffer)[0]!;
    expect(Number.isNaN(otherNaN)).toBe(true);
    const bytes = encodeStruct({ x: otherNaN });
    expect(bytes.toString("hex")).toBe("0a0e0a0178120911ffffffffffffff7f");
    expect(bytes.equals(reference({ x: otherNaN }))).toBe(true);
  });

  it("writes lengths of one, two and three varint bytes as google-protobuf does", () => {
    for (const size of [0, 1, 42, 43, 127, 128, 129, 16_383, 16_384, 70_000]) {
      const value = { s: "x".repeat(size), m: { inner: "é".repeat(size), list: ["y".repeat(size)] } };
      expect(encodeStruct(value).equals(reference(value)), `size ${size}`).toBe(true);
    }
  });

  it("leaves to google-protobuf what it does not reproduce exactly", () => {
    const refused: unknown[] = [
      { lone: "a\ud800b" },
      { ["\udc00"]: 1 },
      JSON.parse('{"__proto__": 1}'),
      { date: new Date(0) },
      { nullPrototype: Object.create(null) as object },
      { missing: undefined },
      { hole: [1, , 3] },
      { fn: () => 1 },
      { big: 1n },
      new Map(),
      [1, 2],
    ];
    for (const value of refused) {
      expect(() => encodeStruct(value as Record<string, WireValue>)).toThrow(NotEncodable);
    }
  });

  it("writes google-protobuf's bytes for any JSON value it accepts (property-based)", () => {
    let encoded = 0;
    fc.assert(
      fc.property(fc.dictionary(anyString, anyValue, { maxKeys: 8, noNullPrototype: true }), (value) => {
        let bytes: Buffer;
        try {
          bytes = encodeStruct(value as Record<string, WireValue>);
        } catch (error) {
          expect(error).toBeInstanceOf(NotEncodable);
          // Refused only for a lone surrogate or the key __proto__ (anyValue has no other kind).
          expect(JSON.stringify(value)).toMatch(/\\ud[89a-f][0-9a-f]{2}|"__proto__"/);
          return;
        }
        encoded++;
        expect(bytes.toString("hex")).toBe(reference(value).toString("hex"));
      }),
      { numRuns: 1000 },
    );
    expect(encoded).toBeGreaterThan(500);
  });
});
