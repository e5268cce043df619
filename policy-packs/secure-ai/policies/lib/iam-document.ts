/**
 * Reading IAM-style JSON policy documents (KMS key policies, S3 bucket policies) given either as a JSON
 * string or as an object, tolerant of the single-value-or-list shapes AWS allows.
 */
import { globMatches } from "./glob";
import { noteUnreadable } from "./observe";
import { UNKNOWN, get, type Value } from "./values";

/** One statement, normalised: lists everywhere, principals flattened to strings. */
export interface Statement {
  effect: string;
  actions: string[];
  notActions: boolean;
  principals: string[];
  conditions: Record<string, Record<string, string[]>>;
  resources: string[];
  /**
   * Whether a principal entry is null, empty or not a string (`"AWS": [null]`, `"AWS": ""`): KMS and IAM
   * reject such a document with MalformedPolicyDocumentException.
   */
  malformedPrincipals: boolean;
}

/**
 * The document's statements, or `undefined` when the document is absent, unknown or unreadable. An
 * unreadable document (text that is not JSON, JSON that is not an object, a value of another type) is noted
 * in the open observation, so that the update pass never passes a document it could not read.
 */
export function statementsOf(document: Value): Statement[] | undefined {
  if (document === undefined || document === null || document === UNKNOWN) {
    return undefined;
  }
  let parsed: unknown = document;
  if (typeof document === "string") {
    try {
      parsed = JSON.parse(document);
    } catch {
      noteUnreadable(document, "the text is not a JSON policy document", "the policy document");
      return undefined;
    }
  }
  if (typeof parsed !== "object" || parsed === null) {
    noteUnreadable(document, "the value is not a JSON policy document", "the policy document");
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

/** Whether one principal value (a string, or a list of them) holds null, empty or non-string entries. */
function malformedEntry(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.length === 0 || value.some(malformedEntry);
  }
  return typeof value !== "string" || value.trim() === "";
}

/** Whether a statement's `Principal` (when present) holds null, empty or non-string entries. */
function malformedPrincipal(principal: unknown): boolean {
  if (principal === undefined) {
    return false;
  }
  if (typeof principal === "object" && principal !== null && !Array.isArray(principal)) {
    const values = Object.values(principal);
    return values.length === 0 || values.some(malformedEntry);
  }
  return malformedEntry(principal);
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
    malformedPrincipals: malformedPrincipal(statement.Principal),
  };
}

/** Whether the statement's principal is everyone (`"*"` or `{ AWS: "*" }`) and no condition narrows it. */
export function isOpenToEveryone(statement: Statement): boolean {
  return statement.principals.includes("*") && Object.keys(statement.conditions).length === 0;
}

/** Whether an IAM action pattern (`kms:*`, `s3:Put*`, `*`) matches `action`, ignoring case as IAM does. */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatches(pattern.toLowerCase(), action.toLowerCase());
}

/** Whether an Allow statement grants `action` (through `Action`, or by not excluding it in `NotAction`). */
export function allowsAction(statement: Statement, action: string): boolean {
  if (statement.effect !== "Allow") {
    return false;
  }
  const matched = statement.actions.some((pattern) => actionMatches(pattern, action));
  return statement.notActions ? !matched : matched;
}

/** Whether a principal is an AWS account itself: `arn:<partition>:iam::<account>:root` or a bare account ID. */
export function isAccountPrincipal(principal: string): boolean {
  return /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(principal) || /^\d{12}$/.test(principal);
}
