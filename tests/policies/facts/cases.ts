/**
 * Test cases derived from the fact tables: per row a compliant baseline (the row's own), and per fact the
 * baseline with that one property broken, unknown, or (for list paths) broken in one element. The same rows
 * build the policies, so a row added to a table is tested without writing a case.
 */
import type { SecureAiResourcePolicy } from "../../../policy-packs/secure-ai/policies/lib";
import { factPolicyName, negativeOf } from "../../../policy-packs/secure-ai/policies/lib/facts";
import type { Fact, FactGroup, ResourceFacts } from "../../../policy-packs/secure-ai/policies/lib/facts";
import type { PolicyCloud } from "../../../policy-packs/secure-ai/policies/lib/naming";

/** One policy of a table with the row and group it came from. */
export interface TableCase {
  cloud: PolicyCloud;
  row: ResourceFacts;
  group: FactGroup;
  policy: SecureAiResourcePolicy;
}

/** Pairs each row group of a table with its policy. */
export function tableCases(
  cloud: PolicyCloud,
  rows: readonly ResourceFacts[],
  policies: readonly SecureAiResourcePolicy[],
): TableCase[] {
  return rows.flatMap((row) =>
    row.groups.map((group) => {
      const name = factPolicyName(cloud, row, group);
      const policy = policies.find((candidate) => candidate.name === name);
      if (policy === undefined) {
        throw new Error(`no policy ${name}`);
      }
      return { cloud, row, group, policy };
    }),
  );
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The baseline with `value` at the fact's path (`undefined` deletes it). A `[]` segment sets the value in
 * the list's first element, creating a one-element list when the baseline has none.
 */
export function withFact(
  baseline: Readonly<Record<string, unknown>>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const props = copy(baseline) as Record<string, unknown>;
  const chunks = path.split("[]").map((chunk) => chunk.split(".").filter((key) => key !== ""));
  let target: Record<string, unknown> = props;
  chunks.forEach((keys, index) => {
    const last = index === chunks.length - 1;
    keys.forEach((key, at) => {
      const final = last && at === keys.length - 1;
      if (final) {
        if (value === undefined) {
          delete target[key];
        } else {
          target[key] = value;
        }
        return;
      }
      const listHere = !last && at === keys.length - 1;
      if (listHere) {
        const list = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
        if (list.length === 0 || typeof list[0] !== "object" || list[0] === null) {
          list[0] = {};
        }
        target[key] = list;
        target = list[0] as Record<string, unknown>;
        return;
      }
      if (typeof target[key] !== "object" || target[key] === null) {
        target[key] = {};
      }
      target = target[key] as Record<string, unknown>;
    });
  });
  return props;
}

/** The breaking value of a fact as a test sees it. */
export function breakingValue(fact: Fact): unknown {
  return negativeOf(fact);
}
