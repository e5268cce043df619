/**
 * Preview and update semantics shared by the tests of the policies that observe the platform's controls:
 * in preview an unknown value never passes silently (the policy signals `unknown-inputs: <path>` and reports
 * nothing, or reports a finding it could decide without it); in the update pass (`PULUMI_DRY_RUN=false`) the
 * same unknown is a violation, and a resource with every value known is decided exactly.
 */
import { afterEach, expect, it, vi } from "vitest";
import type { SecureAiResourcePolicy, SecureAiStackPolicy } from "../../policy-packs/secure-ai/policies/lib";
import { UNKNOWN, runResourcePolicy, runStackPolicy, withValue, type Fixture } from "./gcp/harness";

/** Runs `body` as the update pass does (every unknown value becomes a violation). */
export async function duringUpdate<T>(body: () => Promise<T>): Promise<T> {
  vi.stubEnv("PULUMI_DRY_RUN", "false");
  try {
    return await body();
  } finally {
    vi.unstubAllEnvs();
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/**
 * Registers the preview/update cases of a resource policy: `path` of the compliant `baseline` set to an
 * unknown value is `unknown-inputs` in preview and a violation in the update; the baseline passes both.
 */
export function describeResourcePasses(
  policy: SecureAiResourcePolicy,
  type: string,
  baseline: Record<string, unknown>,
  path: string,
): void {
  it(`${policy.name}: an unknown ${path} is unknown-inputs at preview, never a pass`, async () => {
    const result = await runResourcePolicy(policy, { type, props: withValue(baseline, path, UNKNOWN) });
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toMatch(/^unknown-inputs: /);
    expect(result.notApplicable).toContain(path.split(".")[0]);
  });

  it(`${policy.name}: in the update pass an unknown ${path} is a violation and known values are exact`, async () => {
    const unknown = await duringUpdate(() =>
      runResourcePolicy(policy, { type, props: withValue(baseline, path, UNKNOWN) }),
    );
    expect(unknown.violations.join("\n")).toContain("could not be read during the update");
    const known = await duringUpdate(() => runResourcePolicy(policy, { type, props: baseline }));
    expect(known).toEqual({ violations: [], waived: [], urns: [] });
  });
}

/**
 * Registers the preview/update cases of a stack policy: the compliant `stack` passes in both passes with no
 * unknown-inputs signal; `unknownStack` (the same with a needed value unknown) is unknown-inputs in preview
 * and a violation in the update.
 */
export function describeStackPasses(
  policy: SecureAiStackPolicy,
  stack: readonly Fixture[],
  unknownStack: readonly Fixture[],
): void {
  it(`${policy.name}: a needed value unknown is unknown-inputs at preview, never a pass`, async () => {
    const result = await runStackPolicy(policy, unknownStack);
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toMatch(/^unknown-inputs: /);
  });

  it(`${policy.name}: in the update pass the unknown is a violation and known values are exact`, async () => {
    const unknown = await duringUpdate(() => runStackPolicy(policy, unknownStack));
    expect(unknown.violations.join("\n")).toContain("could not be read during the update");
    const known = await duringUpdate(() => runStackPolicy(policy, stack));
    expect(known.violations).toEqual([]);
    expect(known.notApplicable).toBeUndefined();
  });
}
