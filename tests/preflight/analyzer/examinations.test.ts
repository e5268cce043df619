import { describe, expect, it } from "vitest";
import { resourceExaminations } from "../../../preflight/analyzer/examinations";
import type { PolicyInfo } from "../../../preflight/model";

function policy(name: string, extra: Partial<PolicyInfo> = {}): PolicyInfo {
  return {
    name,
    description: name,
    enforcementLevel: "mandatory",
    type: "resource",
    severity: "high",
    tags: [],
    controls: [`SAI-${name}`],
    ...extra,
  };
}

const pack = {
  name: "secure-ai",
  policies: new Map(
    [
      policy("runs"),
      policy("skipped"),
      policy("unknown"),
      policy("off", { enforcementLevel: "disabled" }),
      policy("stack", { type: "stack" }),
    ].map((item) => [item.name, item]),
  ),
};
// One frozen list for every answer, as the caching deserializer hands it out.
const notApplicable = Object.freeze([
  { policyName: "skipped", reason: "Policy only applies to resources of type 'x'" },
  { policyName: "unknown", reason: "unknown-inputs: kmsKeyId" },
]);
const key = { urn: "urn:pulumi:s::p::aws:kms/key:Key::k", type: "aws:kms/key:Key" };
const bucket = { urn: "urn:pulumi:s::p::aws:kms/key:Key::other", type: "aws:kms/key:Key" };

describe("resourceExaminations", () => {
  it("reads examined and unknown-input policies from the answer, in pack order, per resource", () => {
    const result = { diagnostics: [], notApplicable: notApplicable as never };
    const first = resourceExaminations(pack, key, result, "preview");
    const second = resourceExaminations(pack, bucket, result, "update");
    expect(first).toEqual([
      {
        urn: key.urn,
        type: key.type,
        policyPack: "secure-ai",
        policy: "runs",
        controls: ["SAI-runs"],
        pass: "preview",
        outcome: "examined",
      },
      {
        urn: key.urn,
        type: key.type,
        policyPack: "secure-ai",
        policy: "unknown",
        controls: ["SAI-unknown"],
        pass: "preview",
        outcome: "unknown-inputs",
        detail: "kmsKeyId",
      },
    ]);
    expect(second.map((item) => [item.urn, item.pass, item.policy, item.outcome])).toEqual([
      [bucket.urn, "update", "runs", "examined"],
      [bucket.urn, "update", "unknown", "unknown-inputs"],
    ]);
  });

  it("does not reuse a shared answer's plan for an answer where the SDK stopped a policy", () => {
    const plain = { diagnostics: [], notApplicable: notApplicable as never };
    resourceExaminations(pack, key, plain, "preview");
    const stopped = {
      diagnostics: [
        {
          policyName: "runs",
          policyPackName: "secure-ai",
          policyPackVersion: "0.1.0",
          description: "",
          message: "can't run policy 'runs' from policy pack 'secure-ai@v0.1.0' during preview: tags",
          enforcementLevel: "advisory" as const,
          severity: "unspecified" as const,
        },
      ],
      notApplicable: notApplicable as never,
    };
    const answer = resourceExaminations(pack, key, stopped, "preview");
    expect(answer.find((item) => item.policy === "runs")).toMatchObject({
      outcome: "unknown-inputs",
      detail: "tags",
    });
    // And the shared plan is still the plain one afterwards.
    expect(resourceExaminations(pack, key, plain, "preview")[0]).toMatchObject({
      policy: "runs",
      outcome: "examined",
    });
  });
});
