/**
 * Reading IAM-style JSON policy documents (KMS key policies, S3 bucket policies) given either as a JSON
 * string or as an object, tolerant of the single-value-or-list shapes AWS allows.
 */
import { get, knownString, type Value } from "./values";

/** One statement, normalised: lists everywhere, principals flattened to strings. */
export interface Statement {
  effect: string;
  actions: string[];
  notActions: boolean;
  principals: string[];
  conditions: Record<string, Record<string, string[]>>;
  resources: string[];
}

/** The document's statements, or `undefined` when the document is unknown or unreadable. */
export function statementsOf(document: Value): Statement[] | undefined {
  let parsed: unknown = document;
  const text = knownString(document);
  if (text !== undefined) {
    try {
      parsed = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  if (typeof parsed !== "object" || parsed === null) {
    return undefined;
  }
  const raw = get(parsed, "Statement");
  const list = Array.isArray(raw) ? raw : raw !== undefined && typeof raw === "object" ? [raw] : [];
  return list
    .filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null)
    .map(normalise);
}

function strings(value: unknown): string[] {
  if (typeof value === "string") {
    return [value];
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function principalsOf(value: unknown): string[] {
  if (typeof value === "string") {
    return [value];
  }
  if (typeof value === "object" && value !== null) {
    return Object.values(value).flatMap(strings);
  }
  return [];
}

function normalise(statement: Record<string, unknown>): Statement {
  const conditions: Record<string, Record<string, string[]>> = {};
  const condition = statement.Condition;
  if (typeof condition === "object" && condition !== null) {
    for (const [operator, entries] of Object.entries(condition)) {
      if (typeof entries === "object" && entries !== null) {
        conditions[operator] = Object.fromEntries(
          Object.entries(entries).map(([key, value]) => [
            key,
            strings(value).concat(typeof value === "boolean" ? [String(value)] : []),
          ]),
        );
      }
    }
  }
  return {
    effect: typeof statement.Effect === "string" ? statement.Effect : "",
    actions: strings(statement.Action ?? statement.NotAction),
    notActions: statement.Action === undefined && statement.NotAction !== undefined,
    principals: principalsOf(statement.Principal),
    conditions,
    resources: strings(statement.Resource),
  };
}

/** Whether the statement's principal is everyone (`"*"` or `{ AWS: "*" }`) and no condition narrows it. */
export function isOpenToEveryone(statement: Statement): boolean {
  return statement.principals.includes("*") && Object.keys(statement.conditions).length === 0;
}
