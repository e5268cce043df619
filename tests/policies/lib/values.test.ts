import { describe, expect, it } from "vitest";
import {
  Secret,
  UNKNOWN_SENTINELS,
  UNKNOWN_STRING,
} from "../../../policy-packs/secure-ai/policies/lib/sdk-internals";
import {
  UNKNOWN,
  describeValue,
  get,
  isSet,
  isUnknown,
  knownArray,
  knownBoolean,
  knownKeys,
  knownNumber,
  knownString,
  rawCopy,
} from "../../../policy-packs/secure-ai/policies/lib/values";

describe("get", () => {
  it("returns the raw value at a nested path, array indexes included", () => {
    const props = { rules: [{ name: "first" }, { name: "second" }] };
    expect(get(props, "rules", 1, "name")).toBe("second");
    expect(get(props)).toBe(props);
  });

  it("keeps a known string that is not a sentinel", () => {
    expect(get({ name: "logs" }, "name")).toBe("logs");
  });

  it("turns every unknown sentinel into UNKNOWN, and any step below it too", () => {
    for (const sentinel of UNKNOWN_SENTINELS) {
      expect(get({ value: sentinel }, "value")).toBe(UNKNOWN);
    }
    expect(get({ value: UNKNOWN_STRING }, "value", "below", 0)).toBe(UNKNOWN);
    expect(get(UNKNOWN_STRING)).toBe(UNKNOWN);
  });

  it("unwraps secrets, including a secret that holds a sentinel", () => {
    expect(get(new Secret("hunter2"))).toBe("hunter2");
    expect(get({ password: new Secret("hunter2") }, "password")).toBe("hunter2");
    expect(get({ password: new Secret(UNKNOWN_STRING) }, "password")).toBe(UNKNOWN);
    expect(get(new Secret({ inner: 1 }), "inner")).toBe(1);
  });

  it("reads null as absent", () => {
    expect(get({ value: null }, "value")).toBeUndefined();
    expect(get(null)).toBeUndefined();
  });

  it("returns undefined below an absent, null or non-object step instead of throwing", () => {
    expect(get({}, "missing", "deeper")).toBeUndefined();
    expect(get({ value: null }, "value", "deeper")).toBeUndefined();
    expect(get({ name: "abc" }, "name", "length")).toBeUndefined();
    expect(get({ name: "abc" }, "name", 0)).toBeUndefined();
    expect(get({ count: 5 }, "count", "toString")).toBeUndefined();
  });

  it("reads own properties only, not inherited ones", () => {
    expect(get({}, "toString")).toBeUndefined();
  });

  it("does not trigger a get trap", () => {
    const props = new Proxy(
      { value: 1 },
      {
        get: () => {
          throw new Error("trap called");
        },
      },
    );
    expect(get(props, "value")).toBe(1);
  });
});

describe("isUnknown", () => {
  it("is true for UNKNOWN only", () => {
    expect(isUnknown(UNKNOWN)).toBe(true);
    expect(isUnknown(UNKNOWN_STRING)).toBe(false);
    expect(isUnknown(undefined)).toBe(false);
  });
});

describe("isSet", () => {
  it("counts unknown and known values as set", () => {
    expect(isSet(UNKNOWN)).toBe(true);
    expect(isSet("x")).toBe(true);
    expect(isSet(0)).toBe(true);
    expect(isSet(false)).toBe(true);
    expect(isSet(["a"])).toBe(true);
    expect(isSet({})).toBe(true);
  });

  it("counts absent values, empty strings and empty lists as not set", () => {
    expect(isSet(undefined)).toBe(false);
    expect(isSet("")).toBe(false);
    expect(isSet([])).toBe(false);
  });
});

describe("knownString", () => {
  it("returns known strings only", () => {
    expect(knownString("a")).toBe("a");
    expect(knownString("")).toBe("");
    expect(knownString(1)).toBeUndefined();
    expect(knownString(UNKNOWN)).toBeUndefined();
  });
});

describe("knownNumber", () => {
  it("returns finite numbers", () => {
    expect(knownNumber(5)).toBe(5);
    expect(knownNumber(0)).toBe(0);
    expect(knownNumber(-2.5)).toBe(-2.5);
  });

  it("rejects numbers that are not finite", () => {
    expect(knownNumber(Number.NaN)).toBeUndefined();
    expect(knownNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(knownNumber(Number.NEGATIVE_INFINITY)).toBeUndefined();
  });

  it("converts numeric strings to numbers", () => {
    expect(knownNumber("5")).toBe(5);
    expect(knownNumber(" 42 ")).toBe(42);
    expect(knownNumber("0")).toBe(0);
  });

  it("rejects empty, blank, non-numeric and non-finite strings", () => {
    expect(knownNumber("")).toBeUndefined();
    expect(knownNumber("   ")).toBeUndefined();
    expect(knownNumber("abc")).toBeUndefined();
    expect(knownNumber("Infinity")).toBeUndefined();
  });

  it("rejects other kinds of value, even ones that convert to a number", () => {
    expect(knownNumber(true)).toBeUndefined();
    expect(knownNumber([])).toBeUndefined();
    expect(knownNumber([7])).toBeUndefined();
    expect(knownNumber(UNKNOWN)).toBeUndefined();
    expect(knownNumber(undefined)).toBeUndefined();
  });
});

describe("knownBoolean", () => {
  it("returns booleans", () => {
    expect(knownBoolean(true)).toBe(true);
    expect(knownBoolean(false)).toBe(false);
  });

  it("converts the strings true and false", () => {
    expect(knownBoolean("true")).toBe(true);
    expect(knownBoolean("false")).toBe(false);
  });

  it("rejects other strings and other kinds of value", () => {
    expect(knownBoolean("")).toBeUndefined();
    expect(knownBoolean("yes")).toBeUndefined();
    expect(knownBoolean("TRUE")).toBeUndefined();
    expect(knownBoolean(1)).toBeUndefined();
    expect(knownBoolean(UNKNOWN)).toBeUndefined();
    expect(knownBoolean(undefined)).toBeUndefined();
  });
});

describe("knownArray", () => {
  it("returns the elements unwrapped", () => {
    expect(knownArray(["a", new Secret("b"), null, UNKNOWN_STRING])).toEqual(["a", "b", undefined, UNKNOWN]);
  });

  it("returns an empty list for anything but an array", () => {
    expect(knownArray("abc")).toEqual([]);
    expect(knownArray({ 0: "a", length: 1 })).toEqual([]);
    expect(knownArray(UNKNOWN)).toEqual([]);
  });
});

describe("knownKeys", () => {
  it("returns the own keys of an object", () => {
    expect(knownKeys({ a: 1, b: 2 })).toEqual(["a", "b"]);
  });

  it("returns no keys for arrays, null, strings and unknowns", () => {
    expect(knownKeys(["x", "y"])).toEqual([]);
    expect(knownKeys(null)).toEqual([]);
    expect(knownKeys("ab")).toEqual([]);
    expect(knownKeys(UNKNOWN)).toEqual([]);
    expect(knownKeys(undefined)).toEqual([]);
  });
});

describe("describeValue", () => {
  it("names unknown and absent values", () => {
    expect(describeValue(UNKNOWN)).toBe("(unknown until apply)");
    expect(describeValue(undefined)).toBe("(not set)");
  });

  it("quotes strings of up to 80 characters whole", () => {
    expect(describeValue("abc")).toBe('"abc"');
    expect(describeValue("")).toBe('""');
    const eighty = "x".repeat(80);
    expect(describeValue(eighty)).toBe(`"${eighty}"`);
  });

  it("shortens longer strings to 77 characters and an ellipsis", () => {
    const long = `${"a".repeat(77)}bcdef`;
    expect(describeValue(long)).toBe(`"${"a".repeat(77)}..."`);
    expect(describeValue("y".repeat(81))).toBe(`"${"y".repeat(77)}..."`);
  });

  it("prints numbers and booleans as they are", () => {
    expect(describeValue(5)).toBe("5");
    expect(describeValue(0)).toBe("0");
    expect(describeValue(true)).toBe("true");
    expect(describeValue(false)).toBe("false");
  });

  it("summarises lists and objects instead of dumping them", () => {
    expect(describeValue(["a", "b", "c"])).toBe("a list of 3");
    expect(describeValue([])).toBe("a list of 0");
    expect(describeValue({ big: "object" })).toBe("an object");
  });
});

describe("rawCopy", () => {
  it("copies own properties with secrets and sentinels untouched", () => {
    const secret = new Secret("hunter2");
    const nested = { inner: true };
    const copy = rawCopy({ password: secret, name: UNKNOWN_STRING, nested, empty: null });
    expect(copy).toEqual({ password: secret, name: UNKNOWN_STRING, nested, empty: null });
    expect(copy.password).toBe(secret);
    expect(copy.nested).toBe(nested);
  });

  it("returns a new object, not the input", () => {
    const props = { a: 1 };
    const copy = rawCopy(props);
    copy.a = 2;
    expect(props.a).toBe(1);
  });

  it("returns an empty object for null and for anything that is not an object", () => {
    expect(rawCopy(null)).toEqual({});
    expect(rawCopy(undefined)).toEqual({});
    expect(rawCopy("abc")).toEqual({});
    expect(rawCopy(3)).toEqual({});
  });
});
