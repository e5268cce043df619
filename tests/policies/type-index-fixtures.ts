/**
 * The policy fixtures of tests/policies as analyzer resources, for the type index's golden test: every AWS,
 * GCP and Azure case's and fact table row's baseline, compliant variations and negatives (one per fact of a
 * table row, on each of the row's types), each baseline once more with every
 * top-level input unknown (a preview's answers, with per-resource `unknown-inputs` reasons), and the
 * policy config the fixtures pass runs under.
 */
import type { AnalyzerResourceInput } from "../../preflight/analyzer/client";
import type { RecordedValue } from "../../preflight/model";
import { policies } from "../../policy-packs/secure-ai/policies";
import { AWS_FACTS, awsFactPolicies } from "../../policy-packs/secure-ai/policies/aws/facts";
import { AZURE_FACTS, azureFactPolicies } from "../../policy-packs/secure-ai/policies/azure/facts";
import { GCP_FACTS, gcpFactPolicies } from "../../policy-packs/secure-ai/policies/gcp/facts";
import { AZURE_CASES } from "./azure/cases";
import { breakingValue, tableCases, withFact } from "./facts/cases";
import { resourceCases, withValue } from "./fixtures";
import { GCP_CASES } from "./gcp/cases";
import { UNKNOWN } from "./harness";
import { resource } from "./protocol-fixtures";

/** Every top-level input of `props` replaced by the unknown sentinel. */
function allUnknown(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(props).map((key) => [key, UNKNOWN]));
}

/** The fixtures' resources, each named after its case so that answers can be told apart. */
export function fixtureResources(): AnalyzerResourceInput[] {
  const inputs: AnalyzerResourceInput[] = [];
  const add = (type: string, label: string, props: Readonly<Record<string, unknown>>) => {
    const name = `f${inputs.length}-${label.replace(/[^A-Za-z0-9-]+/g, "-").slice(0, 60)}`;
    inputs.push(resource(type, name, props as Record<string, RecordedValue>));
  };
  for (const entry of resourceCases) {
    add(entry.type, `${entry.policy}-baseline`, entry.baseline);
    add(entry.type, `${entry.policy}-unknown`, allUnknown(entry.baseline));
    for (const compliant of entry.compliant ?? []) {
      add(entry.type, `${entry.policy}-${compliant.name}`, compliant.props);
    }
    for (const negative of entry.negatives) {
      add(entry.type, `${entry.policy}-${negative.name}`, negative.props);
    }
  }
  for (const entry of [...GCP_CASES, ...AZURE_CASES]) {
    const name = entry.policy.name;
    for (const type of [entry.type, ...(entry.alsoTypes ?? [])]) {
      add(type, `${name}-baseline`, entry.baseline);
    }
    add(entry.type, `${name}-unknown`, allUnknown(entry.baseline));
    for (const [path, value] of [...entry.negatives, ...(entry.passes ?? [])]) {
      add(entry.type, `${name}-${path}`, withValue({ ...entry.baseline }, path, value));
    }
  }
  const tables = [
    ...tableCases("aws", AWS_FACTS, awsFactPolicies),
    ...tableCases("gcp", GCP_FACTS, gcpFactPolicies),
    ...tableCases("azure", AZURE_FACTS, azureFactPolicies),
  ];
  for (const { row, group, policy } of tables) {
    for (const type of [row.type, ...(row.alsoTypes ?? [])]) {
      add(type, `${policy.name}-baseline`, row.baseline);
      for (const fact of group.facts) {
        add(type, `${policy.name}-${fact.path}`, withFact(row.baseline, fact.path, breakingValue(fact)));
      }
    }
    add(row.type, `${policy.name}-unknown`, allUnknown(row.baseline));
  }
  return inputs;
}

/**
 * The fixtures pass's policy config: every policy with a remediation at `remediate` (so Remediate answers
 * something), one policy disabled, one downgraded to advisory, one with a waiver. The stacks' passes run
 * with the defaults afterwards, so the index must forget what it learned under this config.
 */
export function fixturesPolicyConfig(): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const policy of policies) {
    if ("remediateResource" in policy && policy.remediateResource !== undefined) {
      config[policy.name] = "remediate";
    }
  }
  config["aws-kms-key-require-hsm"] = "disabled";
  config["aws-kms-key-require-rotation"] = "advisory";
  config["aws-sns-topic-require-cmk"] = {
    waivers: [{ resource: "f*", reason: "golden test waiver", expires: "2999-12-31" }],
  };
  return config;
}
