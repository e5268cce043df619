/** A statement of an IAM policy document, as JSON-parsed from a resource input. */
export interface ParsedStatement {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/**
 * Parses a policy input (throws if it is not a JSON string).
 * @param value - a policy input as the mock engine received it.
 */
export function parsePolicy(value: unknown): { Version: string; Statement: ParsedStatement[] } {
  if (typeof value !== "string") throw new Error(`policy is not a string: ${String(value)}`);
  return JSON.parse(value) as { Version: string; Statement: ParsedStatement[] };
}

/**
 * Whether a statement's actions include an action (wildcards in the statement expanded).
 * @param statement - the statement to read.
 * @param action - one IAM action, e.g. `kms:Decrypt`.
 */
export function allows(statement: ParsedStatement, action: string): boolean {
  const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
  return actions.some((a) => a === "*" || new RegExp(`^${a.replace(/\*/g, ".*")}$`).test(action));
}

/**
 * The principals (AWS ARNs and services) a statement names.
 * @param statement - the statement to read.
 */
export function principalsOf(statement: ParsedStatement): string[] {
  const principal = statement.Principal;
  if (principal === "*") return ["*"];
  if (!principal || typeof principal !== "object") return [];
  return Object.values(principal as Record<string, string | string[]>).flatMap((v) =>
    Array.isArray(v) ? v : [v],
  );
}
