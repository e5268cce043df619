import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../policy-packs/secure-ai/policies";
import { analyzeResource, analyzeStack, secret, UNKNOWN } from "./harness";

const awsPolicies = policies.filter((policy) => policy.name.startsWith("aws-"));

/** Values policies must survive: absent, wrong types, empty arrays and objects, unknowns, secrets. */
const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constant(UNKNOWN),
  fc.constant("0.0.0.0/0"),
  fc.constant("{not json"),
  fc.constant([]),
  fc.constant({}),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("node"), { maxKeys: 3 }),
    tie("node").map(secret),
  ),
})).node;
const KNOWN_KEYS = [
  "kmsKeyId",
  "policy",
  "protocol",
  "sslPolicy",
  "ingress",
  "rules",
  "bucket",
  "viewerCertificate",
  "vpcConfig",
  "tags",
  "networkInterfaces",
  "defaultActions",
  "eventPattern",
  "rotationPeriodInDays",
];
const props = fc.dictionary(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 8 })), value, {
  maxKeys: 6,
});

function typesOf(policy: ResourceValidationPolicy | StackValidationPolicy): string[] {
  const definition = (policy as unknown as { definition: { resourceTypes: readonly string[] } }).definition;
  return [...definition.resourceTypes];
}

describe("fuzzed inputs never crash a policy", () => {
  it.each(awsPolicies.map((policy) => [policy.name, policy] as const))("%s", async (_name, policy) => {
    const types = typesOf(policy);
    await fc.assert(
      fc.asyncProperty(props, fc.constantFrom(...types), async (fuzzed, type) => {
        const result =
          "validateStack" in policy
            ? await analyzeStack(policy as StackValidationPolicy, [
                { type: "pulumi:pulumi:Stack", name: "stack", props: {} },
                { type, name: "fuzz", props: fuzzed },
                {
                  type: "aws:s3/bucketPolicy:BucketPolicy",
                  name: "fuzz-policy",
                  props: fuzzed,
                  dependsOn: { bucket: ["fuzz"] },
                },
              ])
            : await analyzeResource(policy as ResourceValidationPolicy, {
                type,
                name: "fuzz",
                props: fuzzed,
              });
        for (const finding of result.findings) {
          expect(finding.message).not.toContain("could not evaluate");
          expect(finding.message).not.toContain("can't run");
        }
      }),
      { numRuns: 40 },
    );
  });
});
