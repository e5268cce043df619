/**
 * Policy metadata derived from the controls catalog: severity, compliance framework, remediation steps,
 * documentation URL and tags. Nothing here restates the catalog; a policy names the control IDs it
 * enforces and everything else follows.
 */
import type { PolicyComplianceFramework, Severity } from "@pulumi/policy";
import { getControl } from "../../../../components/controls";
import type { ControlDefinition, ControlId } from "../../../../components/controls";

/**
 * The pack's README (one section per policy) in the repository, the public page until the package is on npm;
 * a policy's `url` is this plus `#<policy name>`.
 */
export const POLICY_DOCS_URL =
  "https://github.com/secure-ai-platform/secure-ai-platform/blob/main/policy-packs/secure-ai/README.md";

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

/** The catalog entries of `controls`; throws for an ID the catalog does not know. */
export function controlsOf(ids: readonly ControlId[]): ControlDefinition[] {
  return ids.map((id) => {
    const control = getControl(id);
    if (control === undefined) {
      throw new Error(`control ${id} is not in the controls catalog`);
    }
    return control;
  });
}

/** The highest severity among the controls. */
export function severityOf(controls: readonly ControlDefinition[]): Severity {
  return controls.reduce<Severity>(
    (highest, control) =>
      SEVERITY_RANK[control.severity] > SEVERITY_RANK[highest] ? control.severity : highest,
    "low",
  );
}

/**
 * The policy's framework: NIST SP 800-53 rev 5, the framework with the finest clauses, with the clauses of
 * every enforced control. The other frameworks' clauses are in the tags (`soc2:CC6.1`, `iso27001:A.8.24`...).
 */
export function frameworkOf(controls: readonly ControlDefinition[]): PolicyComplianceFramework {
  const clauses = unique(controls.flatMap((control) => control.frameworks.nist80053));
  return {
    name: "NIST SP 800-53",
    version: "rev 5",
    reference: clauses.join(", "),
    specification: controls.map((control) => `${control.id}: ${control.title}`).join("; "),
  };
}

/** Remediation steps: the catalog's remediation of every enforced control. */
export function remediationOf(controls: readonly ControlDefinition[]): string {
  return controls
    .map((control) => (controls.length > 1 ? `${control.id}: ${control.remediation}` : control.remediation))
    .join("\n");
}

/** Tags: the SAI control IDs first, then the cloud, then `<framework>:<clause>` for every mapped clause. */
export function tagsOf(
  controls: readonly ControlDefinition[],
  cloud: string,
  extra: readonly string[] = [],
): string[] {
  const frameworkTags = controls.flatMap((control) =>
    Object.entries(control.frameworks).flatMap(([framework, clauses]) =>
      clauses.map((clause) => `${framework}:${clause}`),
    ),
  );
  return unique([...controls.map((control) => control.id), cloud, ...extra, ...frameworkTags]);
}

/** The prefix of the tags that declare which resource types a policy examines. */
export const EXAMINES_TAG_PREFIX = "examines:";

/** One `examines:<type token>` tag per type, in declaration order, without duplicates. */
export function examinesTagsOf(resourceTypes: readonly string[]): string[] {
  return unique(resourceTypes.map((type) => `${EXAMINES_TAG_PREFIX}${type}`));
}

/** The documentation URL of a policy. */
export function urlOf(policyName: string): string {
  return `${POLICY_DOCS_URL}#${policyName}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
