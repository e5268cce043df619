/*
 * A deliberately small evaluator of SCP Deny statements, enough to check what the guardrails deny. It
 * implements the AWS rules the documents rely on: wildcard action matching (case-insensitive), NotAction,
 * and the condition operators used (ArnNotLike, StringNotEquals, Null, BoolIfExists), including how each
 * treats a key that is absent from the request.
 */

/** A request as an SCP sees it. */
export interface ScpRequest {
  action: string;
  principalArn: string;
  /** Other context keys; absent keys are simply left out. */
  context?: Record<string, string | boolean>;
}

interface Statement {
  Sid: string;
  Effect: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function wildcard(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, caseInsensitive ? "i" : "").test(value);
}

function keyValue(request: ScpRequest, key: string): string | undefined {
  if (key === "aws:PrincipalArn") return request.principalArn;
  const value = request.context?.[key];
  return value === undefined ? undefined : String(value);
}

function conditionHolds(operator: string, key: string, expected: string[], request: ScpRequest): boolean {
  const actual = keyValue(request, key);
  switch (operator) {
    case "ArnNotLike":
      return actual === undefined || !expected.some((pattern) => wildcard(pattern, actual, false));
    case "StringNotEquals":
      return actual === undefined || !expected.includes(actual);
    case "Null":
      return expected[0] === "true" ? actual === undefined : actual !== undefined;
    case "BoolIfExists":
      return actual === undefined || expected.includes(actual);
    default:
      throw new Error(`the test evaluator does not implement ${operator}`);
  }
}

function actionMatches(statement: Statement, action: string): boolean {
  if (statement.Action !== undefined) return list(statement.Action).some((a) => wildcard(a, action, true));
  return !list(statement.NotAction).some((a) => wildcard(a, action, true));
}

/** The Sids of the Deny statements that apply to the request, over all documents. */
export function denyingStatements(documents: readonly string[], request: ScpRequest): string[] {
  return documents.flatMap((content) => {
    const document = JSON.parse(content) as { Statement: Statement[] };
    return document.Statement.filter(
      (statement) =>
        statement.Effect === "Deny" &&
        actionMatches(statement, request.action) &&
        Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
          Object.entries(keys).every(([key, values]) => conditionHolds(operator, key, list(values), request)),
        ),
    ).map((statement) => statement.Sid);
  });
}

/** Every action a document names in an Action element. */
export function namedActions(documents: readonly string[]): string[] {
  return documents.flatMap((content) =>
    (JSON.parse(content) as { Statement: Statement[] }).Statement.flatMap((s) => list(s.Action)),
  );
}
