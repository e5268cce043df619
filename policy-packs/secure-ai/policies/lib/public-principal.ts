/**
 * Whether a policy statement for the principal `"*"` (or `{ "AWS": "*" }`) is limited to known callers. AWS
 * evaluates `"*"` as every principal of every account; only a condition that pins the caller's (or, for
 * requests a service makes, the source's) account or organization narrows it:
 *
 * - `kms:CallerAccount`: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
 *   (`kms:ViaService` on that page only says which service relays the request, not for whom).
 * - `aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:PrincipalArn`,
 *   `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID`, `aws:SourceOrgPaths`:
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * - For S3 bucket policies, S3's own definition of a non-public policy also accepts a fixed
 *   `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceOwner` or `aws:SourceIp`
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
 *
 * A condition narrows only with a positive operator (`StringEquals`, `StringLike`, `ArnEquals`, `ArnLike`,
 * `ForAnyValue:` forms): negated operators (`StringNotEquals`), `...IfExists` (true when the key is absent)
 * and `ForAllValues:` (true for an empty set) do not, nor does a value that is only a wildcard.
 */
import type { Statement } from "./iam-document";

/** Condition keys that tie the caller, or the source of a service's request, to an account or organization. */
export const ACCOUNT_CONDITION_KEYS: readonly string[] = [
  "kms:calleraccount",
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalarn",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
];

/** What S3 additionally accepts as non-public in a bucket policy (see the module comment). */
export const S3_NETWORK_CONDITION_KEYS: readonly string[] = [
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceowner",
  "aws:sourceip",
];

function positive(operator: string): boolean {
  const lower = operator.toLowerCase();
  return !lower.includes("not") && !lower.endsWith("ifexists") && !lower.startsWith("forallvalues:");
}

/** The condition keys (lower case) of a statement that are tested with a positive operator and a real value. */
export function narrowingKeys(statement: Statement): string[] {
  const keys: string[] = [];
  for (const [operator, entries] of Object.entries(statement.conditions)) {
    if (!positive(operator)) {
      continue;
    }
    for (const [key, values] of Object.entries(entries)) {
      if (values.length > 0 && values.every((value) => value.replace(/[*?]/g, "") !== "")) {
        keys.push(key.toLowerCase());
      }
    }
  }
  return keys;
}

/**
 * Why an Allow statement opens access to every principal, or `undefined` when it does not (another effect,
 * named principals, or a condition on an account or organization).
 *
 * @param extraKeys - further condition keys that narrow for this kind of policy (S3's network keys).
 */
export function everyoneAllowed(statement: Statement, extraKeys: readonly string[] = []): string | undefined {
  if (statement.effect !== "Allow" || !statement.principals.includes("*")) {
    return undefined;
  }
  const keys = narrowingKeys(statement);
  if (keys.some((key) => ACCOUNT_CONDITION_KEYS.includes(key) || extraKeys.includes(key))) {
    return undefined;
  }
  const all = Object.values(statement.conditions).flatMap((entries) => Object.keys(entries));
  return all.length === 0
    ? "with no condition"
    : `limited only by ${all.join(", ")}, which does not restrict the caller's account or organization`;
}
