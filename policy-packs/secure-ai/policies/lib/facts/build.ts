/**
 * Builds the policies of a fact table: one resource policy per row and concern group, named
 * `<cloud>-<service>-<resource>-<verb>-<what>`, with its metadata from the controls catalog (through
 * `defineResourcePolicy`), its description generated from the facts, its `examines:` tags from the row's
 * types (previous majors' tokens included), and a remediation when the group's facts say what to write.
 * Every fact is compiled once here.
 */
import { defineResourcePolicy, type SecureAiResourcePolicy } from "../define";
import type { PolicyCloud } from "../naming";
import { get, isUnknown } from "../values";
import { CONCERNS } from "./concerns";
import { compileFact, expectedText, type FactCheck } from "./evaluate";
import { typesOf, type Fact, type FactGroup, type ResourceFacts } from "./model";

/** The policy name of a row's group. */
export function factPolicyName(cloud: PolicyCloud, row: ResourceFacts, group: FactGroup): string {
  const suffix = group.what === undefined ? CONCERNS[group.concern].suffix(cloud) : group.what;
  return `${cloud}-${row.service}-${row.resource}-${suffix}`;
}

/** One fact as a phrase of a description: "`storageEncrypted` is true". */
export function describeFact(fact: Fact): string {
  const when =
    fact.when === undefined
      ? ""
      : fact.when.present !== undefined
        ? ` (when \`${fact.when.path}\` is ${fact.when.present ? "set" : "absent"})`
        : ` (when \`${fact.when.path}\` is ${(fact.when.in ?? []).join(" or ")})`;
  return `\`${fact.path}\` is ${expectedText(fact.expect)}${when}`;
}

/** The generated description of a group. */
export function describeGroup(row: ResourceFacts, group: FactGroup): string {
  return (
    group.description ??
    `${row.title} ${CONCERNS[group.concern].sentence}: ${group.facts.map(describeFact).join("; ")}.`
  );
}

/** A remediation writing each fixable top-level fact that the resource breaks. */
function remediationOf(facts: readonly { fact: Fact; check: FactCheck }[]) {
  const fixable = facts.filter(
    ({ fact }) => "fix" in fact && !fact.path.includes(".") && !fact.path.includes("[]"),
  );
  if (fixable.length === 0) {
    return undefined;
  }
  return ({ props }: { props: unknown }): Record<string, unknown> | undefined => {
    let changes: Record<string, unknown> | undefined;
    for (const { fact, check } of fixable) {
      if (isUnknown(get(props, fact.path))) {
        continue;
      }
      let broken = false;
      check(props, () => {
        broken = true;
      });
      if (broken) {
        changes = { ...changes, [fact.path]: fact.fix };
      }
    }
    return changes;
  };
}

/** Builds one policy per row and group of a cloud's table. */
export function buildFactPolicies(
  cloud: PolicyCloud,
  rows: readonly ResourceFacts[],
): SecureAiResourcePolicy[] {
  return rows.flatMap((row) =>
    row.groups.map((group) => {
      const defaults = CONCERNS[group.concern];
      const compiled = group.facts.map((fact) => ({ fact, check: compileFact(fact) }));
      const checks = compiled.map(({ check }) => check);
      const remediate = remediationOf(compiled);
      return defineResourcePolicy({
        name: factPolicyName(cloud, row, group),
        cloud,
        controls: group.controls ?? defaults.controls,
        description: describeGroup(row, group),
        enforcementLevel: group.level ?? defaults.level,
        resourceTypes: typesOf(row),
        tags: [row.service, group.concern],
        validate: ({ props }, { report }) => {
          for (let index = 0; index < checks.length; index += 1) {
            checks[index](props, report);
          }
        },
        ...(remediate === undefined ? {} : { remediate }),
      });
    }),
  );
}
