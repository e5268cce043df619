/**
 * The not-applicable encoding cache against a stand-in for the generated classes, so each rule of the wrapper
 * (when it installs, what it caches, how it splits a response) is checked in isolation. The byte-for-byte
 * comparison with the real google-protobuf classes is in tests/policies/not-applicable-encoding.test.ts.
 */
import { describe, expect, it } from "vitest";
import { cacheNotApplicableEncoding } from "../../../policy-packs/secure-ai/policies/lib/not-applicable-encoding";

interface Entry {
  getPolicyName(): string;
  getReason(): string;
}

const entry = (policyName: string, reason: string): Entry => ({
  getPolicyName: () => policyName,
  getReason: () => reason,
});

/** A stand-in module whose `serializeBinary` writes the diagnostics, then the entries, as text bytes. */
function fakeProto() {
  const calls = { serialize: 0 };
  class AnalyzeResponse {
    static __secureAiCachedNotApplicable?: boolean;
    diagnostics: string[] = [];
    entries: Entry[] = [];
    getNotApplicableList(): Entry[] {
      return this.entries;
    }
    setNotApplicableList(list: Entry[]): void {
      this.entries = list;
    }
    serializeBinary(): Uint8Array {
      calls.serialize += 1;
      const text =
        this.diagnostics.map((diagnostic) => `D(${diagnostic})`).join("") +
        this.entries.map((item) => `N(${item.getPolicyName()}|${item.getReason()})`).join("");
      return new Uint8Array(Buffer.from(text));
    }
  }
  const module = { AnalyzeResponse };
  const requireFrom = ((request: string) => {
    if (request !== "@pulumi/pulumi/proto/analyzer_pb") throw new Error(`unexpected ${request}`);
    return module;
  }) as unknown as NodeJS.Require;
  return { AnalyzeResponse, requireFrom, calls };
}

function serialize(
  Response: ReturnType<typeof fakeProto>["AnalyzeResponse"],
  entries: Entry[],
  diagnostics: string[] = [],
): string {
  const response = new Response();
  response.diagnostics = diagnostics;
  response.entries = entries;
  return Buffer.from(response.serializeBinary()).toString();
}

describe("cacheNotApplicableEncoding (stand-in classes)", () => {
  it("wraps serializeBinary once; a second install keeps the same wrapper", () => {
    const { AnalyzeResponse, requireFrom } = fakeProto();
    const original = AnalyzeResponse.prototype.serializeBinary;
    expect(cacheNotApplicableEncoding(requireFrom)).toBe(true);
    const wrapped = AnalyzeResponse.prototype.serializeBinary;
    expect(wrapped).not.toBe(original);
    expect(AnalyzeResponse.__secureAiCachedNotApplicable).toBe(true);
    expect(cacheNotApplicableEncoding(requireFrom)).toBe(true);
    expect(AnalyzeResponse.prototype.serializeBinary).toBe(wrapped);
  });

  it("writes the other fields first, then the list, and restores the message's list", () => {
    const { AnalyzeResponse, requireFrom } = fakeProto();
    cacheNotApplicableEncoding(requireFrom);
    const list = [entry("a", "x"), entry("b", "y")];
    const response = new AnalyzeResponse();
    response.diagnostics = ["finding"];
    response.entries = list;
    expect(Buffer.from(response.serializeBinary()).toString()).toBe("D(finding)N(a|x)N(b|y)");
    expect(response.entries).toBe(list);
    expect(serialize(AnalyzeResponse, [], ["only"])).toBe("D(only)");
    expect(serialize(AnalyzeResponse, [entry("c", "z")])).toBe("N(c|z)");
  });

  it("tells apart lists of the same length, and names from reasons", () => {
    const { AnalyzeResponse, requireFrom } = fakeProto();
    cacheNotApplicableEncoding(requireFrom);
    expect(serialize(AnalyzeResponse, [entry("a", "x"), entry("b", "y")])).toBe("N(a|x)N(b|y)");
    expect(serialize(AnalyzeResponse, [entry("c", "x"), entry("b", "y")])).toBe("N(c|x)N(b|y)");
    expect(serialize(AnalyzeResponse, [entry("a", "x"), entry("b", "z")])).toBe("N(a|x)N(b|z)");
    expect(serialize(AnalyzeResponse, [entry("ax", ""), entry("b", "y")])).toBe("N(ax|)N(b|y)");
    expect(serialize(AnalyzeResponse, [entry("a", "x\u0001b"), entry("", "y")])).toBe("N(a|x\u0001b)N(|y)");
  });

  it("encodes a repeated list from the cache, without calling the original for it again", () => {
    const { AnalyzeResponse, requireFrom, calls } = fakeProto();
    cacheNotApplicableEncoding(requireFrom);
    const list = () => [entry("a", "x"), entry("b", "y")];
    serialize(AnalyzeResponse, list());
    const afterFirst = calls.serialize;
    expect(serialize(AnalyzeResponse, list())).toBe("N(a|x)N(b|y)");
    // Only the head (the response without its list) is serialized by the original the second time.
    expect(calls.serialize - afterFirst).toBe(1);
  });

  it("serves interleaved lists of several types from the recent lists, each with its own bytes", () => {
    const { AnalyzeResponse, requireFrom, calls } = fakeProto();
    cacheNotApplicableEncoding(requireFrom);
    const shared = entry("s", "same entry object in every list");
    const lists = Array.from({ length: 10 }, (_, index) => () => [shared, entry(`p${index}`, "r")]);
    for (let round = 0; round < 3; round++) {
      for (const [index, list] of lists.entries()) {
        expect(serialize(AnalyzeResponse, list())).toBe(`N(s|same entry object in every list)N(p${index}|r)`);
      }
    }
    // Ten lists, more than the recent ones kept: later rounds still give each list its own bytes, from the
    // keyed cache; the original writes each list once (plus one head per response).
    expect(calls.serialize).toBe(10 + 30);
  });

  it.each([
    ["a module without AnalyzeResponse", {}],
    ["a response without serializeBinary", { AnalyzeResponse: class {} }],
    [
      "a response without getNotApplicableList",
      {
        AnalyzeResponse: class {
          serializeBinary(): Uint8Array {
            return new Uint8Array();
          }
          setNotApplicableList(): void {}
        },
      },
    ],
    [
      "a response without setNotApplicableList",
      {
        AnalyzeResponse: class {
          serializeBinary(): Uint8Array {
            return new Uint8Array();
          }
          getNotApplicableList(): Entry[] {
            return [];
          }
        },
      },
    ],
  ])("changes nothing for %s", (_, module) => {
    const requireFrom = (() => module) as unknown as NodeJS.Require;
    const Response = (module as { AnalyzeResponse?: { prototype: Record<string, unknown> } }).AnalyzeResponse;
    const before = Response?.prototype.serializeBinary;
    expect(cacheNotApplicableEncoding(requireFrom)).toBe(false);
    expect(Response?.prototype.serializeBinary).toBe(before);
    expect(
      (Response as { __secureAiCachedNotApplicable?: boolean } | undefined)?.__secureAiCachedNotApplicable,
    ).toBe(undefined);
  });
});
