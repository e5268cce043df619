/** The section of docs/policies.md that lists when each service-scoped stack advisory applies. */
import { ADVISORY_SCOPES, type Trigger } from "../../policy-packs/secure-ai/policies/service-scope";
import { table } from "./markdown";

function triggerText(trigger: Trigger): string {
  const types = (trigger.types ?? []).map((type) => `\`${type}\``);
  const prefix = trigger.prefix === undefined ? [] : [`any \`${trigger.prefix}*\` resource`];
  return `${trigger.what}: ${[...prefix, ...types].join(", ")}`;
}

/** "When the stack advisories apply": one row per advisory and per requirement with its own trigger. */
export function renderScopesDoc(): string {
  const rows = Object.entries(ADVISORY_SCOPES)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([name, scope]) => [
      [`\`${name}\``, "(the policy)", triggerText(scope.applies)],
      ...Object.entries(scope.requirements ?? {}).map(([requirement, trigger]) => [
        `\`${name}\``,
        `\`${requirement}\``,
        triggerText(trigger),
      ]),
    ]);
  return [
    "## When the stack advisories apply",
    "A service-scoped stack advisory answers not-applicable, never a finding, for a stack that holds none of " +
      "the resources below; a requirement of it (an audit-logged service, a Defender plan) is asked only of a " +
      "stack that holds that requirement's resources, and requirements added in the policy's config that are " +
      "not listed here whenever the policy applies. Source: `policy-packs/secure-ai/policies/service-scope.ts`.",
    table(["Policy", "Requirement", "Applies when the stack holds"], rows),
  ].join("\n\n");
}
