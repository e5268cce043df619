/**
 * Table-driven checks for resource policies: the baseline passes; every negative fails; every listed
 * property set to an unknown value passes (presence is enough at preview); absent CMEK fields fail; the
 * remediation fixes what it claims to and leaves compliant resources alone; fuzzed inputs never crash.
 */
import { describe, expect, it } from "vitest";
import type { SecureAiResourcePolicy } from "../../../policy-packs/secure-ai/policies/lib";
import { FUZZ_VALUES, UNKNOWN, runRemediation, runResourcePolicy, withValue } from "./harness";

/** A property path and the value to put there (`undefined` removes it). */
export type Change = readonly [path: string, value: unknown];

/** The fixtures of one resource policy. */
export interface PolicyCase {
  policy: SecureAiResourcePolicy;
  /** The main type token. */
  type: string;
  /** A compliant resource. */
  baseline: Readonly<Record<string, unknown>>;
  /** One change per checked property (or value) that must produce a violation. */
  negatives: readonly Change[];
  /** Paths that, set to an unknown value on the baseline, still pass. */
  unknownPasses?: readonly string[];
  /** Changes that must still pass (exemptions, alternatives). */
  passes?: readonly Change[];
  /** Config variations. */
  configured?: readonly {
    config: Record<string, unknown>;
    failsBaseline?: boolean;
    failsWith?: Change;
    passesWith?: Change;
  }[];
  /** Paths of negatives that the remediation must fix. */
  remediable?: readonly string[];
  /** Other type tokens the policy applies to with the same baseline. */
  alsoTypes?: readonly string[];
}

/** Registers the vitest cases for one policy. */
export function describePolicyCase(entry: PolicyCase): void {
  const { policy, type } = entry;
  const baseline = entry.baseline as Record<string, unknown>;
  const run = (props: Record<string, unknown>, config: Record<string, unknown> = {}, runType = type) =>
    runResourcePolicy(policy, { type: runType, props }, config);

  describe(policy.name, () => {
    it("passes the compliant baseline", async () => {
      expect((await run(baseline)).violations).toEqual([]);
    });

    for (const alsoType of entry.alsoTypes ?? []) {
      it(`applies to ${alsoType} as well`, async () => {
        expect((await run(baseline, {}, alsoType)).violations).toEqual([]);
        const [path, value] = entry.negatives[0];
        expect((await run(withValue(baseline, path, value), {}, alsoType)).violations).toHaveLength(1);
      });
    }

    it("is not applicable to other resource types", async () => {
      expect((await run(baseline, {}, "gcp:other/thing:Thing")).notApplicable).toBeDefined();
    });

    for (const [path, value] of entry.negatives) {
      it(`fails when ${path} is ${value === undefined ? "absent" : JSON.stringify(value)}`, async () => {
        const result = await run(withValue(baseline, path, value));
        expect(result.violations.length).toBeGreaterThan(0);
        expect(result.violations.join("\n")).not.toContain("could not evaluate");
      });
    }

    for (const path of entry.unknownPasses ?? []) {
      it(`passes at preview when ${path} is set but unknown`, async () => {
        expect((await run(withValue(baseline, path, UNKNOWN))).violations).toEqual([]);
      });
    }

    for (const [path, value] of entry.passes ?? []) {
      it(`passes when ${path} is ${value === undefined ? "absent" : JSON.stringify(value)}`, async () => {
        expect((await run(withValue(baseline, path, value))).violations).toEqual([]);
      });
    }

    for (const variation of entry.configured ?? []) {
      it(`honours config ${JSON.stringify(variation.config)}`, async () => {
        if (variation.failsBaseline) {
          expect((await run(baseline, variation.config)).violations.length).toBeGreaterThan(0);
        }
        if (variation.failsWith) {
          const [path, value] = variation.failsWith;
          expect(
            (await run(withValue(baseline, path, value), variation.config)).violations.length,
          ).toBeGreaterThan(0);
        }
        if (variation.passesWith) {
          const [path, value] = variation.passesWith;
          expect((await run(withValue(baseline, path, value), variation.config)).violations).toEqual([]);
        }
      });
    }

    if (entry.remediable !== undefined) {
      it("remediation leaves a compliant resource alone", async () => {
        expect(await runRemediation(policy, { type, props: baseline })).toBeUndefined();
      });
      for (const [path, value] of entry.negatives.filter(([path]) => entry.remediable?.includes(path))) {
        it(`remediation fixes ${path} = ${value === undefined ? "absent" : JSON.stringify(value)}`, async () => {
          const broken = withValue(baseline, path, value);
          const fixed = await runRemediation(policy, { type, props: broken });
          expect(fixed).toBeDefined();
          expect((await run(fixed ?? {})).violations).toEqual([]);
        });
      }
      it("remediation keeps a value that is unknown at preview", async () => {
        const path = entry.remediable?.[0] ?? "";
        expect(
          await runRemediation(policy, { type, props: withValue(baseline, path, UNKNOWN) }),
        ).toBeUndefined();
      });
    } else {
      it("offers no remediation", () => {
        expect(policy.remediateResource).toBeUndefined();
      });
    }

    it("never crashes on fuzzed inputs", async () => {
      const paths = new Set<string>([
        ...Object.keys(baseline),
        ...entry.negatives.map(([path]) => path),
        ...(entry.unknownPasses ?? []),
      ]);
      for (const path of paths) {
        for (const value of FUZZ_VALUES) {
          const result = await run(withValue(baseline, path, value));
          expect(result.violations.join("\n"), `${path} = ${String(value)}`).not.toContain(
            "could not evaluate",
          );
          if (policy.remediateResource !== undefined) {
            await runRemediation(policy, { type, props: withValue(baseline, path, value) });
          }
        }
      }
      expect((await run({})).violations.join("\n")).not.toContain("could not evaluate");
    });
  });
}
