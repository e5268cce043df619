import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { describe, expect, it } from "vitest";
import {
  cachingAnalyzeResponseDeserializer,
  firstNotApplicableOffset,
  isNotApplicableRun,
  notApplicableSuffixStart,
} from "../../../preflight/analyzer/analyze-response-cache";

function response(diagnostics: string[], notApplicable: [string, string][]): Buffer {
  const message = new analyzerProto.AnalyzeResponse();
  message.setDiagnosticsList(
    diagnostics.map((text) => {
      const diagnostic = new analyzerProto.AnalyzeDiagnostic();
      diagnostic.setPolicyname(text);
      diagnostic.setMessage(`${text} failed`);
      return diagnostic;
    }),
  );
  message.setNotApplicableList(
    notApplicable.map(([name, reason]) => {
      const entry = new analyzerProto.PolicyNotApplicable();
      entry.setPolicyName(name);
      entry.setReason(reason);
      return entry;
    }),
  );
  return Buffer.from(message.serializeBinary());
}

const SKIPPED: [string, string][] = [
  ["aws-kms-key-require-rotation", "Policy only applies to resources of type 'aws:kms/key:Key'"],
  [
    "gcp-kms-cryptokey-require-rotation",
    "Policy only applies to resources of type 'gcp:kms/cryptoKey:CryptoKey'",
  ],
];

describe("the caching AnalyzeResponse deserializer", () => {
  it("decodes exactly what the generated code decodes, diagnostics and not-applicable list", () => {
    const bytes = response(["a", "b"], SKIPPED);
    const generated = analyzerProto.AnalyzeResponse.deserializeBinary(bytes);
    const cached = cachingAnalyzeResponseDeserializer()(bytes);
    expect(cached.getDiagnosticsList().map((item) => item.toObject())).toEqual(
      generated.getDiagnosticsList().map((item) => item.toObject()),
    );
    expect(cached.decodedNotApplicable).toEqual(
      generated
        .getNotApplicableList()
        .map((item) => ({ policyName: item.getPolicyName(), reason: item.getReason() })),
    );
  });

  it("decodes a repeated list once and shares it, frozen", () => {
    const deserialize = cachingAnalyzeResponseDeserializer();
    const first = deserialize(response(["a"], SKIPPED));
    const second = deserialize(response([], SKIPPED));
    expect(second.decodedNotApplicable).toBe(first.decodedNotApplicable);
    expect(Object.isFrozen(first.decodedNotApplicable)).toBe(true);
    expect(second.getDiagnosticsList()).toEqual([]);
    const other = deserialize(response([], SKIPPED.slice(1)));
    expect(other.decodedNotApplicable).toEqual([{ policyName: SKIPPED[1]![0], reason: SKIPPED[1]![1] }]);
  });

  it("finds the trailing run of field 3, and refuses a message where field 3 comes before another field", () => {
    const bytes = response(["a"], SKIPPED);
    const diagnosticsOnly = response(["a"], []);
    expect(notApplicableSuffixStart(bytes)).toBe(diagnosticsOnly.length);
    expect(notApplicableSuffixStart(diagnosticsOnly)).toBe(diagnosticsOnly.length);
    const interleaved = Buffer.concat([response([], SKIPPED), diagnosticsOnly]);
    expect(notApplicableSuffixStart(interleaved)).toBeUndefined();
    // Such a message is still decoded whole and correctly.
    const decoded = cachingAnalyzeResponseDeserializer()(interleaved);
    expect(decoded.decodedNotApplicable).toBeUndefined();
    expect(decoded.getNotApplicableList()).toHaveLength(2);
    expect(decoded.getDiagnosticsList()).toHaveLength(1);
  });

  it("takes a seen list from the cache without walking it, and still refuses one followed by another field", () => {
    const deserialize = cachingAnalyzeResponseDeserializer();
    const seen = deserialize(response(["a"], SKIPPED));
    const again = deserialize(response(["b"], SKIPPED));
    expect(again.decodedNotApplicable).toBe(seen.decodedNotApplicable);
    expect(again.getDiagnosticsList().map((item) => item.getPolicyname())).toEqual(["b"]);
    // The seen list, then a diagnostic: the suffix is not the cached bytes, and is no run of field 3.
    const trailing = Buffer.concat([response([], SKIPPED), response(["c"], [])]);
    expect(firstNotApplicableOffset(trailing)).toBe(0);
    expect(isNotApplicableRun(trailing, 0)).toBe(false);
    const decoded = deserialize(trailing);
    expect(decoded.decodedNotApplicable).toBeUndefined();
    expect(decoded.getNotApplicableList()).toHaveLength(2);
    expect(decoded.getDiagnosticsList().map((item) => item.getPolicyname())).toEqual(["c"]);
  });

  it("tells apart lists of the same length and keeps its own copy of the bytes", () => {
    const deserialize = cachingAnalyzeResponseDeserializer();
    const reasonA = "Policy only applies to resources of type 'aws:kms/key:Key'";
    const reasonB = "Policy only applies to resources of type 'aws:kms/key:Kez'";
    const a = response([], [["p", reasonA]]);
    const b = response([], [["p", reasonB]]);
    expect(a.length).toBe(b.length);
    // One pooled allocation reused for both answers, as a transport may do.
    const pool = Buffer.alloc(a.length);
    a.copy(pool);
    const first = deserialize(pool);
    b.copy(pool);
    const second = deserialize(pool);
    expect(first.decodedNotApplicable).toEqual([{ policyName: "p", reason: reasonA }]);
    expect(second.decodedNotApplicable).toEqual([{ policyName: "p", reason: reasonB }]);
    a.copy(pool);
    expect(deserialize(pool).decodedNotApplicable).toBe(first.decodedNotApplicable);
  });
});
