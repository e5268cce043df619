/**
 * Every policy built from the fact tables, tested from its row: the compliant baseline passes in preview and
 * in the update pass; each fact's property, broken alone, is a violation; set to a value unknown in preview
 * it is no violation but an `unknown-inputs: <path>` not-applicable signal, and in the update pass
 * (`PULUMI_DRY_RUN=false`) the same unknown is a violation; other types are not applicable; a remediation
 * fixes what it claims to.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AWS_FACTS, awsFactPolicies } from "../../../policy-packs/secure-ai/policies/aws/facts";
import { AZURE_FACTS, azureFactPolicies } from "../../../policy-packs/secure-ai/policies/azure/facts";
import { GCP_FACTS, gcpFactPolicies } from "../../../policy-packs/secure-ai/policies/gcp/facts";
import { UNKNOWN, runRemediation, runResourcePolicy } from "../gcp/harness";
import { breakingValue, tableCases, withFact, type TableCase } from "./cases";

const CASES: TableCase[] = [
  ...tableCases("aws", AWS_FACTS, awsFactPolicies),
  ...tableCases("gcp", GCP_FACTS, gcpFactPolicies),
  ...tableCases("azure", AZURE_FACTS, azureFactPolicies),
];

const previous = process.env.PULUMI_DRY_RUN;
afterEach(() => {
  if (previous === undefined) {
    delete process.env.PULUMI_DRY_RUN;
  } else {
    process.env.PULUMI_DRY_RUN = previous;
  }
});

function updatePass(): void {
  process.env.PULUMI_DRY_RUN = "false";
}

describe.each(CASES.map((entry) => [entry.policy.name, entry] as const))("%s", (_name, entry) => {
  const { row, group, policy } = entry;
  const run = (props: Record<string, unknown>, type = row.type) => runResourcePolicy(policy, { type, props });

  it("passes the compliant baseline in preview", async () => {
    const result = await run({ ...row.baseline });
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toBeUndefined();
  });

  it("passes the compliant baseline in the update pass, every value known", async () => {
    updatePass();
    expect((await run({ ...row.baseline })).violations).toEqual([]);
  });

  it("is not applicable to other resource types", async () => {
    expect((await run({ ...row.baseline }, `${entry.cloud}:other/thing:Thing`)).notApplicable).toBeDefined();
  });

  for (const alsoType of [...(row.alsoTypes ?? []), ...Object.keys(row.previousTypes ?? {})]) {
    it(`applies to ${alsoType} with the same facts`, async () => {
      expect((await run({ ...row.baseline }, alsoType)).violations).toEqual([]);
      const fact = group.facts[0];
      expect(
        (await run(withFact(row.baseline, fact.path, breakingValue(fact)), alsoType)).violations,
      ).toHaveLength(1);
    });
  }

  for (const fact of group.facts) {
    const negative = breakingValue(fact);
    it(`fails when ${fact.path} is ${negative === undefined ? "absent" : JSON.stringify(negative)}`, async () => {
      const result = await run(withFact(row.baseline, fact.path, negative));
      expect(result.violations.length).toBeGreaterThan(0);
      const leaf = fact.path.split("[]").pop()?.split(".").filter(Boolean).join(".") ?? "";
      expect(result.violations.join("\n")).toContain(leaf);
      expect(result.violations.join("\n")).not.toContain("could not evaluate");
    });

    it(`signals unknown-inputs in preview when ${fact.path} is unknown`, async () => {
      const result = await run(withFact(row.baseline, fact.path, UNKNOWN));
      expect(result.violations).toEqual([]);
      expect(result.notApplicable ?? "").toMatch(/^unknown-inputs: /);
    });

    it(`is a violation in the update pass when ${fact.path} is still unknown`, async () => {
      updatePass();
      const result = await run(withFact(row.baseline, fact.path, UNKNOWN));
      expect(result.violations.join("\n")).toContain("could not be read during the update");
    });
  }

  if (policy.remediateResource !== undefined) {
    it("remediation leaves the baseline alone and fixes each fixable fact", async () => {
      expect(await runRemediation(policy, { type: row.type, props: { ...row.baseline } })).toBeUndefined();
      for (const fact of group.facts.filter((candidate) => "fix" in candidate)) {
        const broken = withFact(row.baseline, fact.path, breakingValue(fact));
        const fixed = await runRemediation(policy, { type: row.type, props: broken });
        expect(fixed?.[fact.path], fact.path).toEqual(fact.fix);
      }
    });
  }
});
