import { describe, expect, it } from "vitest";
import {
  booleanOption,
  buildConfigSchema,
  integerOption,
  resolveConfig,
  stringListOption,
} from "../../../policy-packs/secure-ai/policies/lib/config";

describe("integerOption", () => {
  const option = integerOption({ default: 30, minimum: 7, maximum: 365, description: "Days to keep." });

  it("declares an integer schema with the given bounds, default and description", () => {
    expect(option.schema).toEqual({
      type: "integer",
      default: 30,
      minimum: 7,
      maximum: 365,
      description: "Days to keep.",
    });
  });

  it("accepts integers within the bounds, both ends included", () => {
    expect(option.parse(7)).toBe(7);
    expect(option.parse(100)).toBe(100);
    expect(option.parse(365)).toBe(365);
  });

  it("rejects integers outside the bounds", () => {
    expect(option.parse(6)).toBeUndefined();
    expect(option.parse(366)).toBeUndefined();
    expect(option.parse(-1000)).toBeUndefined();
    expect(option.parse(100_000)).toBeUndefined();
  });

  it("rejects fractions, numeric strings and other kinds of value", () => {
    expect(option.parse(7.5)).toBeUndefined();
    expect(option.parse(Number.NaN)).toBeUndefined();
    expect(option.parse("30")).toBeUndefined();
    expect(option.parse(true)).toBeUndefined();
    expect(option.parse(undefined)).toBeUndefined();
  });
});

describe("stringListOption", () => {
  const option = stringListOption({ default: ["team"], description: "Tags every resource needs." });

  it("declares an array of non-empty strings with a copy of the default", () => {
    expect(option.schema).toEqual({
      type: "array",
      items: { type: "string", minLength: 1 },
      default: ["team"],
      description: "Tags every resource needs.",
    });
  });

  it("accepts lists of strings, empty included", () => {
    expect(option.parse(["a", "b"])).toEqual(["a", "b"]);
    expect(option.parse([])).toEqual([]);
  });

  it("rejects lists with other items and values that are not lists", () => {
    expect(option.parse(["a", 1])).toBeUndefined();
    expect(option.parse([null])).toBeUndefined();
    expect(option.parse("a")).toBeUndefined();
    expect(option.parse({ 0: "a", length: 1 })).toBeUndefined();
    expect(option.parse(undefined)).toBeUndefined();
  });
});

describe("booleanOption", () => {
  const option = booleanOption({ default: true, description: "Whether to check." });

  it("declares a boolean schema", () => {
    expect(option.schema).toEqual({ type: "boolean", default: true, description: "Whether to check." });
  });

  it("accepts booleans only", () => {
    expect(option.parse(false)).toBe(false);
    expect(option.parse(true)).toBe(true);
    expect(option.parse("false")).toBeUndefined();
    expect(option.parse(0)).toBeUndefined();
    expect(option.parse(undefined)).toBeUndefined();
  });
});

describe("buildConfigSchema", () => {
  it("lists the extra properties and every option's schema", () => {
    const days = integerOption({ default: 30, minimum: 1, maximum: 90, description: "Days." });
    const extra = { waivers: { type: "array" as const } };
    expect(buildConfigSchema({ days }, extra)).toEqual({
      properties: { waivers: { type: "array" }, days: days.schema },
    });
  });
});

describe("resolveConfig", () => {
  const options = {
    days: integerOption({ default: 30, minimum: 1, maximum: 90, description: "Days." }),
    tags: stringListOption({ default: ["team"], description: "Tags." }),
    strict: booleanOption({ default: false, description: "Strict." }),
  };

  it("uses the configured values when they have the right shape", () => {
    expect(resolveConfig(options, { days: 60, tags: ["owner"], strict: true })).toEqual({
      days: 60,
      tags: ["owner"],
      strict: true,
    });
  });

  it("keeps the default for missing or malformed values and ignores unknown names", () => {
    expect(resolveConfig(options, { days: 500, tags: "owner", other: 1 })).toEqual({
      days: 30,
      tags: ["team"],
      strict: false,
    });
  });
});
