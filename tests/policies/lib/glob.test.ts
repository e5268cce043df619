import { describe, expect, it } from "vitest";
import { globMatches, globToRegExp } from "../../../policy-packs/secure-ai/policies/lib/glob";

describe("globMatches", () => {
  it("matches a pattern without wildcards exactly", () => {
    expect(globMatches("data", "data")).toBe(true);
    expect(globMatches("data", "data-2")).toBe(false);
    expect(globMatches("data", "my-data")).toBe(false);
  });

  it("lets * match any run of characters, including none and line breaks", () => {
    expect(globMatches("data-*", "data-")).toBe(true);
    expect(globMatches("data-*", "data-logs")).toBe(true);
    expect(globMatches("data-*", "data-\nlogs")).toBe(true);
    expect(globMatches("*-logs", "app-data")).toBe(false);
  });

  it("lets ? match exactly one character", () => {
    expect(globMatches("data-?", "data-1")).toBe(true);
    expect(globMatches("data-?", "data-")).toBe(false);
    expect(globMatches("data-?", "data-12")).toBe(false);
    expect(globMatches("a?c", "ac")).toBe(false);
  });

  it("treats regular-expression characters literally", () => {
    expect(globMatches("a.b", "a.b")).toBe(true);
    expect(globMatches("a.b", "axb")).toBe(false);
    expect(globMatches("a+", "a+")).toBe(true);
    expect(globMatches("a+", "aa")).toBe(false);
    expect(globMatches("(x|y)[0]^$\\{1}", "(x|y)[0]^$\\{1}")).toBe(true);
  });
});

describe("globToRegExp", () => {
  it("compiles to an anchored expression and reuses it for the same pattern", () => {
    const compiled = globToRegExp("app-*.log?");
    expect(compiled.source).toBe("^app-.*\\.log.$");
    expect(compiled.flags).toBe("s");
    expect(globToRegExp("app-*.log?")).toBe(compiled);
  });
});
