import { describe, expect, it } from "vitest";
import {
  booleanOption,
  buildConfigSchema,
  integerOption,
  resolveConfig,
  stringListOption,
} from "../../../policy-packs/secure-ai/policies/lib/config";

/** A retention option of 7 to 365 days; built inside each test so every test exercises the factory. */
function retentionDays(): ReturnType<typeof integerOption> {
  return integerOption({ default: 30, minimum: 7, maximum: 365, description: "Days to keep." });
}

describe("integerOption", () => {
  it("declares an integer schema with the given bounds, default and description", () => {
    const option = retentionDays();
    expect(option.schema).toEqual({
      type: "integer",
      default: 30,
      minimum: 7,
      maximum: 365,
      description: "Days to keep.",
    });
  });

  it("accepts integers within the bounds, both ends included", () => {
    const option = retentionDays();
    expect(option.parse(7)).toBe(7);
    expect(option.parse(100)).toBe(100);
    expect(option.parse(365)).toBe(365);
  });

  it("rejects integers outside the bounds", () => {
    const option = retentionDays();
    expect(option.parse(6)).toBeUndefined();
    expect(option.parse(366)).toBeUndefined();
    expect(option.parse(-1000)).toBeUndefined();
    expect(option.parse(100_000)).toBeUndefined();
  });

  it("rejects fractions, numeric strings and other kinds of value", () => {
    const option = retentionDays();
    expect(option.parse(7.5)).toBeUndefined();
    expect(option.parse(Number.NaN)).toBeUndefined();
    expect(option.parse("30")).toBeUndefined();
    expect(option.parse(true)).toBeUndefined();
    expect(option.parse(undefined)).toBeUndefined();
  });
});

function requiredTags(): ReturnType<typeof stringListOption> {
  return stringListOption({ default: ["team"], description: "Tags every resource needs." });
}

describe("stringListOption", () => {
  it("declares an array of non-empty strings with a copy of the default", () => {
    const option = requiredTags();
    expect(option.schema).toEqual({
      type: "array",
      items: { type: "string", minLength: 1 },
      default: ["team"],
      description: "Tags every resource needs.",
    });
  });

  it("accepts lists of strings, empty included", () => {
    const option = requiredTags();
    expect(option.parse(["a", "b"])).toEqual(["a", "b"]);
    expect(option.parse([])).toEqual([]);
  });

  it("rejects lists with other items and values that are not lists", () => {
    const option = requiredTags();
    expect(option.parse(["a", 1])).toBeUndefined();
    expect(option.parse([null])).toBeUndefined();
    expect(option.parse("a")).toBeUndefined();
    expect(option.parse({ 0: "a", length: 1 })).toBeUndefined();
    expect(option.parse(undefined)).toBeUndefined();
  });
});

function strictSwitch(): ReturnType<typeof booleanOption> {
  return booleanOption({ default: true, description: "Whether to check." });
}

describe("booleanOption", () => {
  it("declares a boolean schema", () => {
    const option = strictSwitch();
    expect(option.schema).toEqual({ type: "boolean", default: true, description: "Whether to check." });
  });

  it("accepts booleans only", () => {
    const option = strictSwitch();
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

function policyOptions() {
  return {
    days: integerOption({ default: 30, minimum: 1, maximum: 90, description: "Days." }),
    tags: stringListOption({ default: ["team"], description: "Tags." }),
    strict: booleanOption({ default: false, description: "Strict." }),
  };
}

describe("resolveConfig", () => {
  it("uses the configured values when they have the right shape", () => {
    const options = policyOptions();
    expect(resolveConfig(options, { days: 60, tags: ["owner"], strict: true })).toEqual({
      days: 60,
      tags: ["owner"],
      strict: true,
    });
  });

  it("keeps the default for missing or malformed values and ignores unknown names", () => {
    const options = policyOptions();
    expect(resolveConfig(options, { days: 500, tags: "owner", other: 1 })).toEqual({
      days: 30,
      tags: ["team"],
      strict: false,
    });
  });
});
