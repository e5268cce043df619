/** Generates docs/policies.md from the policies of the secure-ai pack (their metadata, not a hand-kept list). */
import type { SecureAiPolicy } from "../../policy-packs/secure-ai/policies";
import { renderFactsDoc } from "./facts-doc";
import { generatedBanner, table } from "./markdown";
import { renderScopesDoc } from "./scopes-doc";

function controlsOf(policy: SecureAiPolicy): string[] {
  return policy.definition.controls.map(String);
}

function optionsOf(policy: SecureAiPolicy): string {
  const options = Object.keys(policy.definition.config ?? {});
  return [...options, "waivers"].map((name) => `\`${name}\``).join(", ");
}

/** docs/policies.md: one table per cloud, policies sorted by name. */
export function renderPoliciesDoc(policies: readonly SecureAiPolicy[]): string {
  const clouds = [...new Set(policies.map((policy) => policy.definition.cloud))];
  const sections = clouds.map((cloud) => {
    const rows = policies
      .filter((policy) => policy.definition.cloud === cloud)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((policy) => [
        `\`${policy.name}\``,
        controlsOf(policy).join(", "),
        policy.enforcementLevel ?? "advisory",
        policy.severity ?? "",
        "validateStack" in policy ? "stack" : "resource",
        policy.description,
        optionsOf(policy),
      ]);
    return [
      `## ${cloud.toUpperCase() === "AZURE" ? "Azure" : cloud.toUpperCase()} (${rows.length})`,
      table(
        ["Policy", "Controls", "Default level", "Severity", "Kind", "A compliant resource", "Config"],
        rows,
      ),
    ].join("\n\n");
  });
  const mandatory = policies.filter((policy) => policy.enforcementLevel === "mandatory").length;
  return [
    generatedBanner("policy-packs/secure-ai/policies"),
    "# Policies of the secure-ai pack",
    `${policies.length} policies, ${mandatory} of them mandatory by default. Each policy's severity, compliance ` +
      "framework, remediation steps and tags come from the controls it enforces (see [controls.md](controls.md)). " +
      "Stack policies correlate resources (an S3 bucket and its separate encryption configuration, a stack " +
      "and its GuardDuty detector); resource policies check one resource. Every policy accepts `waivers` in " +
      "its config (see [waivers-and-remediation.md](waivers-and-remediation.md)); levels can be changed per " +
      "policy in the same config file.",
    ...sections,
    renderScopesDoc(),
    renderFactsDoc(),
  ].join("\n\n");
}
