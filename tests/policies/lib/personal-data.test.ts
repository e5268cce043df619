import { describe, expect, it } from "vitest";
import { holdsPersonalData } from "../../../policy-packs/secure-ai/policies/lib/personal-data";

const DEFAULT_MARKERS = ["personal-data=true", "data-classification=personal"];

describe("holdsPersonalData", () => {
  it("recognises a key=value marker with the value compared case-insensitively", () => {
    expect(holdsPersonalData({ tags: { "personal-data": "TRUE" } }, DEFAULT_MARKERS)).toBe(true);
    expect(holdsPersonalData({ tags: { "data-classification": "Personal" } }, DEFAULT_MARKERS)).toBe(true);
  });

  it("does not accept the key with another value", () => {
    expect(holdsPersonalData({ tags: { "personal-data": "false" } }, DEFAULT_MARKERS)).toBe(false);
    expect(holdsPersonalData({ tags: { "data-classification": "public" } }, DEFAULT_MARKERS)).toBe(false);
  });

  it("accepts any value for a marker that is just a key", () => {
    expect(holdsPersonalData({ tags: { pii: "" } }, ["pii"])).toBe(true);
    expect(holdsPersonalData({ tags: { other: "x" } }, ["pii"])).toBe(false);
  });

  it("reads another property, such as GCP labels", () => {
    expect(holdsPersonalData({ labels: { "personal-data": "true" } }, DEFAULT_MARKERS, "labels")).toBe(true);
    expect(holdsPersonalData({ labels: { "personal-data": "true" } }, DEFAULT_MARKERS)).toBe(false);
  });

  it("splits a marker at its first = even when the key is empty", () => {
    expect(holdsPersonalData({ tags: { "": "yes" } }, ["=yes"])).toBe(true);
    expect(holdsPersonalData({ tags: { "": "no" } }, ["=yes"])).toBe(false);
    expect(holdsPersonalData({ tags: { "=yes": "anything" } }, ["=yes"])).toBe(false);
  });
});
