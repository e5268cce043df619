/**
 * The property every valid spec must satisfy: it resolves, builds under a preview mock engine without an
 * error, every registration completes, and the pack (all policies, in-process through @pulumi/policy's
 * server functions) reports no mandatory violation except from policies that enforce a control the spec
 * weakened with a waiver (the pack does not read the component's waivers; those are its own config).
 */
import { expect } from "vitest";
import * as pulumiLog from "@pulumi/pulumi/log";
import { resolveSpec } from "../../../components/spec/resolve";
import type { ControlId } from "../../../components/controls/ids";
import { policies } from "../../../policy-packs/secure-ai/policies";
import type { GeneratedSpec } from "../arbitraries/common";
import { KNOWN_FINDINGS } from "./known-findings";
import { capturePlatform } from "../../reliability/support/capture";
import { analyzeRecorded, packHandlers } from "../../reliability/support/pack-runtime";

/**
 * The pack config a platform with a public API needs, as `examples/aws-bedrock-chatbot/policy-config.json`
 * documents: the HTTPS listener's port may be open to the internet (behind the WAF).
 */
export const PUBLIC_API_PACK_CONFIG = Object.fromEntries(
  [
    "aws-ec2-securitygroup-disallow-public-ingress",
    "gcp-compute-firewall-disallow-public-ingress",
    "azure-network-securityrule-disallow-public-ingress",
  ].map((policy) => [policy, { allowedPublicPorts: ["443"] }]),
);

const handlers = { private: packHandlers(), publicApi: packHandlers(policies, PUBLIC_API_PACK_CONFIG) };

/** Names of the policies that enforce any of `controls`. */
function policiesEnforcing(controls: readonly ControlId[]): Set<string> {
  return new Set(
    policies
      .filter((policy) => (policy.tags ?? []).some((tag) => (controls as readonly string[]).includes(tag)))
      .map((policy) => policy.name),
  );
}

/** Counters the property test reports at the end, so a reader can see what the runs covered. */
export interface Coverage {
  runs: number;
  resources: number;
  publicApi: number;
  weakened: number;
  existingNetwork: number;
  personalData: number;
  /** Wall time of all runs, milliseconds. */
  elapsedMs: number;
}

/** A fresh coverage counter. */
export function newCoverage(): Coverage {
  return {
    runs: 0,
    resources: 0,
    publicApi: 0,
    weakened: 0,
    existingNetwork: 0,
    personalData: 0,
    elapsedMs: 0,
  };
}

/** Checks one generated valid spec; throws (an assertion error) on any violation of the property. */
export async function checkValidSpec(generated: GeneratedSpec, coverage: Coverage): Promise<void> {
  const started = Date.now();
  const { args, name, weakened } = generated;
  expect(() => resolveSpec(args)).not.toThrow();
  const capture = await capturePlatform(name, args);
  expect(pulumiLog.hasErrors(), "the mock engine logged an error").toBe(false);
  expect(capture.resources.length, "every registration completed").toBe(capture.registrations);
  const diagnostics = await analyzeRecorded(
    capture.resources,
    args.publicApi?.enabled ? handlers.publicApi : handlers.private,
  );
  const allowed = policiesEnforcing(weakened);
  const mandatory = diagnostics.filter(
    (diagnostic) =>
      diagnostic.enforcementLevel === "mandatory" &&
      !allowed.has(diagnostic.policy) &&
      !KNOWN_FINDINGS.some((known) => known.matches(diagnostic, args)),
  );
  expect(mandatory, `mandatory violations for ${JSON.stringify(args)}`).toEqual([]);
  coverage.runs += 1;
  coverage.elapsedMs += Date.now() - started;
  coverage.resources += capture.resources.length;
  coverage.publicApi += args.publicApi?.enabled ? 1 : 0;
  coverage.weakened += weakened.length > 0 ? 1 : 0;
  coverage.existingNetwork += args.network?.existing ? 1 : 0;
  coverage.personalData += (args.datasets ?? []).some((dataset) => dataset.personalData) ? 1 : 0;
}
