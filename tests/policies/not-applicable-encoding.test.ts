import { createRequire } from "node:module";
import type * as AnalyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { describe, expect, it } from "vitest";
import { cacheNotApplicableEncoding } from "../../policy-packs/secure-ai/policies/lib/not-applicable-encoding";

/** The generated classes, resolved as `@pulumi/policy`'s server resolves them. */
const proto = createRequire(require.resolve("@pulumi/policy"))(
  "@pulumi/pulumi/proto/analyzer_pb",
) as typeof AnalyzerProto;

type Entry = [policyName: string, reason: string];

/** A diagnostic's text; `|` separates policy, pack, version, description, message, urn; then level, severity. */
function diagnosticOf(text: string, index: number): InstanceType<typeof proto.AnalyzeDiagnostic> {
  const diagnostic = new proto.AnalyzeDiagnostic();
  const parts = text.split("|");
  if (parts.length === 1) {
    diagnostic.setPolicyname("aws-kms-key-require-rotation");
    diagnostic.setMessage(text);
    diagnostic.setUrn("urn:pulumi:dev::demo::aws:kms/key:Key::sai-key");
    diagnostic.setEnforcementlevel(proto.EnforcementLevel.MANDATORY);
    return diagnostic;
  }
  const [policy, pack, version, description, message, urn] = parts;
  diagnostic.setPolicyname(policy!);
  diagnostic.setPolicypackname(pack!);
  diagnostic.setPolicypackversion(version!);
  diagnostic.setDescription(description!);
  diagnostic.setMessage(message!);
  diagnostic.setUrn(urn!);
  diagnostic.setEnforcementlevel((index % 4) as AnalyzerProto.EnforcementLevel);
  diagnostic.setSeverity((index % 5) as AnalyzerProto.PolicySeverity);
  return diagnostic;
}

function response(entries: Entry[], diagnostics: string[] = []): InstanceType<typeof proto.AnalyzeResponse> {
  const message = new proto.AnalyzeResponse();
  message.setDiagnosticsList(diagnostics.map(diagnosticOf));
  message.setNotApplicableList(
    entries.map(([policyName, reason]) => {
      const entry = new proto.PolicyNotApplicable();
      entry.setPolicyName(policyName);
      entry.setReason(reason);
      return entry;
    }),
  );
  return message;
}

const CASES: { name: string; entries: Entry[]; diagnostics?: string[] }[] = [
  {
    name: "every diagnostic field, levels and severities, empty and non-ASCII text",
    entries: [["p", "r"]],
    diagnostics: [
      "a|secure-ai|0.1.0|desc|msg|urn:pulumi:s::p::t::n",
      "|||||",
      "ü|pack ✓|1|résumé 😀|" + "long ".repeat(400) + "|u",
      "b|p|v|d|m|",
      "c|p|v|d|m|u",
      "lone|p|v|\ud800|m|u",
    ],
  },
  {
    name: "diagnostics only, every field",
    entries: [],
    diagnostics: ["a|b|c|d|e|f", "|||||", "x|y|z|w|v|u"],
  },
  { name: "nothing at all", entries: [] },
  { name: "no entries", entries: [], diagnostics: ["rotation is off"] },
  {
    name: "type fast path entries",
    entries: [
      [
        "aws-s3-bucket-require-cmk-encryption",
        "Policy only applies to resources of type 'aws:s3/bucket:Bucket'",
      ],
      [
        "gcp-kms-cryptokey-require-rotation",
        "Policy only applies to resources of type 'gcp:kms/cryptoKey:CryptoKey'",
      ],
    ],
  },
  {
    name: "entries after diagnostics",
    entries: [["azure-keyvault-vault-require-purge-protection", "not a vault"]],
    diagnostics: ["rotation is off", "second finding"],
  },
  {
    name: "empty fields, non-ASCII and surrogates",
    entries: [
      ["", "reason only"],
      ["name-only", ""],
      ["", ""],
      ["ümlaut-policy", "résumé ✓ 😀"],
      ["lone-surrogate", "\ud800 broken"],
    ],
  },
];

describe("cacheNotApplicableEncoding", () => {
  // Original bytes first: the wrapper replaces the prototype's method for the rest of this file.
  const originalBytes = CASES.map((item) =>
    Buffer.from(response(item.entries, item.diagnostics).serializeBinary()),
  );

  it("installs once and reports it", () => {
    expect(cacheNotApplicableEncoding()).toBe(true);
    expect(cacheNotApplicableEncoding()).toBe(true);
    expect(proto.AnalyzeResponse.prototype.serializeBinary.name).toBe("serializeWithCachedNotApplicable");
  });

  it.each(CASES.map((item, index) => [item.name, index] as const))(
    "encodes %s exactly as google-protobuf does, from the cache too",
    (_, index) => {
      cacheNotApplicableEncoding();
      const item = CASES[index]!;
      const first = Buffer.from(response(item.entries, item.diagnostics).serializeBinary());
      const again = Buffer.from(response(item.entries, item.diagnostics).serializeBinary());
      expect(first.equals(originalBytes[index]!)).toBe(true);
      expect(again.equals(originalBytes[index]!)).toBe(true);
    },
  );

  it("decodes back to the same entries and leaves the message unchanged", () => {
    cacheNotApplicableEncoding();
    const entries: Entry[] = [
      ["a", "first"],
      ["b", "second"],
      ["a", "first"],
    ];
    const message = response(entries, ["finding"]);
    const decoded = proto.AnalyzeResponse.deserializeBinary(message.serializeBinary());
    expect(decoded.getNotApplicableList().map((entry) => [entry.getPolicyName(), entry.getReason()])).toEqual(
      entries,
    );
    expect(decoded.getDiagnosticsList().map((diagnostic) => diagnostic.getMessage())).toEqual(["finding"]);
    expect(message.getNotApplicableList()).toHaveLength(3);
  });

  it("reports false when the generated classes cannot be loaded", () => {
    const missing = ((request: string) => {
      throw new Error(`Cannot find module '${request}'`);
    }) as unknown as NodeJS.Require;
    expect(cacheNotApplicableEncoding(missing)).toBe(false);
  });
});
