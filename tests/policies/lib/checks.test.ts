import { describe, expect, it } from "vitest";
import {
  requireBoolean,
  requireOneOf,
  requireSet,
} from "../../../policy-packs/secure-ai/policies/lib/checks";
import { UNKNOWN_STRING } from "../../../policy-packs/secure-ai/policies/lib/sdk-internals";

/** Runs a check and returns the messages it reported. */
function reported(check: (report: (message: string) => void) => void): string[] {
  const messages: string[] = [];
  check((message) => messages.push(message));
  return messages;
}

describe("requireSet", () => {
  it("reports an absent, null or empty value with its dotted path and the reason", () => {
    expect(reported((r) => requireSet({}, ["logging", "target"], r, "logs are needed"))).toEqual([
      "logging.target is not set: logs are needed",
    ]);
    expect(reported((r) => requireSet({ rules: [null] }, ["rules", 0], r, "why"))).toEqual([
      "rules.0 is not set: why",
    ]);
    expect(reported((r) => requireSet({ name: "" }, ["name"], r, "why"))).toEqual(["name is not set: why"]);
    expect(reported((r) => requireSet({ list: [] }, ["list"], r, "why"))).toEqual(["list is not set: why"]);
  });

  it("accepts known and unknown values", () => {
    expect(reported((r) => requireSet({ name: "logs" }, ["name"], r, "why"))).toEqual([]);
    expect(reported((r) => requireSet({ name: UNKNOWN_STRING }, ["name"], r, "why"))).toEqual([]);
  });
});

describe("requireBoolean", () => {
  it("accepts the expected value, as a boolean or as its string form", () => {
    expect(reported((r) => requireBoolean({ on: true }, ["on"], true, false, r))).toEqual([]);
    expect(reported((r) => requireBoolean({ on: "true" }, ["on"], true, false, r))).toEqual([]);
    expect(reported((r) => requireBoolean({ off: false }, ["off"], false, true, r))).toEqual([]);
  });

  it("lets an unknown value pass", () => {
    expect(reported((r) => requireBoolean({ on: UNKNOWN_STRING }, ["on"], true, false, r))).toEqual([]);
  });

  it("reports a different known value with its description", () => {
    expect(reported((r) => requireBoolean({ a: { on: false } }, ["a", "on"], true, true, r))).toEqual([
      "a.on is false; it must be true",
    ]);
    expect(reported((r) => requireBoolean({ on: "yes" }, ["on"], true, true, r))).toEqual([
      'on is "yes"; it must be true',
    ]);
  });

  it("compares an absent value as the provider default", () => {
    expect(reported((r) => requireBoolean({}, ["on"], true, true, r))).toEqual([]);
    expect(reported((r) => requireBoolean({}, ["a", "on"], true, false, r))).toEqual([
      "a.on is not set (the provider default is false); it must be true",
    ]);
    expect(reported((r) => requireBoolean({}, ["on"], false, undefined, r))).toEqual([
      "on is not set; it must be false",
    ]);
  });
});

describe("requireOneOf", () => {
  const allowed = ["aws:kms", "AES256"];

  it("accepts an allowed value", () => {
    expect(reported((r) => requireOneOf({ algo: "AES256" }, ["algo"], allowed, undefined, r))).toEqual([]);
  });

  it("lets an unknown value pass", () => {
    expect(reported((r) => requireOneOf({ algo: UNKNOWN_STRING }, ["algo"], allowed, undefined, r))).toEqual(
      [],
    );
  });

  it("reports a known value that is not allowed, listing what is", () => {
    expect(
      reported((r) => requireOneOf({ s: { algo: "none" } }, ["s", "algo"], allowed, "AES256", r)),
    ).toEqual(['s.algo is "none"; allowed: aws:kms, AES256']);
  });

  it("reports a value that is not a string", () => {
    expect(reported((r) => requireOneOf({ algo: 5 }, ["algo"], allowed, "AES256", r))).toEqual([
      "algo is 5; allowed: aws:kms, AES256",
    ]);
  });

  it("compares an absent value as the provider default", () => {
    expect(reported((r) => requireOneOf({}, ["algo"], allowed, "aws:kms", r))).toEqual([]);
    expect(reported((r) => requireOneOf({}, ["s", "algo"], allowed, "none", r))).toEqual([
      's.algo is not set (the provider default is "none"); allowed: aws:kms, AES256',
    ]);
  });

  it("reports an absent value without a provider default", () => {
    expect(reported((r) => requireOneOf({}, ["algo"], allowed, undefined, r))).toEqual([
      "algo is not set; allowed: aws:kms, AES256",
    ]);
  });
});
