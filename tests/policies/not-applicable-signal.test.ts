/**
 * Multi-type policies answer "not applicable" through the server's own error, made once per server and
 * thrown again for every later resource; each server (or harness) still gets an error of its own kind.
 */
import { describe, expect, it } from "vitest";
import { policies } from "../../policy-packs/secure-ai/policies";
import type { SecureAiResourcePolicy } from "../../policy-packs/secure-ai/policies/lib/define";
import { analyzeResource, checkResource } from "./harness";

const multiType = policies.find(
  (policy): policy is SecureAiResourcePolicy =>
    "validateResource" in policy && policy.definition.resourceTypes.length > 1,
);

describe("not-applicable signal of a multi-type policy", () => {
  it("is answered for every resource of another type, through the server and through a harness alike", async () => {
    if (multiType === undefined) throw new Error("the pack has no multi-type resource policy");
    const reason = `applies to ${multiType.definition.resourceTypes.join(", ")}`;
    const other = { type: "test:index:Unrelated", name: "unrelated", props: { value: 1 } };
    for (let round = 0; round < 3; round += 1) {
      const result = await analyzeResource(multiType, { ...other, name: `unrelated-${round}` });
      expect(result).toEqual({ findings: [], notApplicable: [reason] });
      // The harness's own notApplicable (another error class) must not receive the server's cached error.
      expect(await checkResource(multiType, other)).toEqual([]);
    }
  });

  it("still runs the policy on the types it applies to", async () => {
    if (multiType === undefined) throw new Error("the pack has no multi-type resource policy");
    const type = multiType.definition.resourceTypes[0]!;
    const result = await analyzeResource(multiType, { type, name: "applicable", props: {} });
    expect(result.notApplicable).toEqual([]);
  });
});
