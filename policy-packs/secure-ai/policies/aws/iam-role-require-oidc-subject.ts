import { defineResourcePolicy, get, statementsOf, type Statement } from "../lib";
import { globMatches } from "../lib/glob";
import { AWS_EXTRA } from "./types-extra";

const WEB_IDENTITY = "sts:assumerolewithwebidentity";
/** Cognito identity pools are pinned by the pool ID in `aud`, not by `sub` (see the policy comment). */
const COGNITO = "cognito-identity.amazonaws.com";

/** Whether an Allow statement lets a caller call `sts:AssumeRoleWithWebIdentity`. */
function allowsWebIdentity(statement: Statement): boolean {
  if (statement.effect !== "Allow") {
    return false;
  }
  const matched = statement.actions.some((action) => globMatches(action.toLowerCase(), WEB_IDENTITY));
  return statement.notActions ? !matched : matched;
}

/** The OIDC issuer a federated principal names: the host of an `oidc-provider/` ARN, or the principal itself. */
function issuerOf(principal: string): string {
  return (/:oidc-provider\/(.+)$/.exec(principal)?.[1] ?? principal).toLowerCase();
}

/**
 * Whether a statement tests `key` with a positive operator and at least one value that is not only
 * wildcards. Negated operators, `...IfExists` (true when the claim is absent) and `ForAllValues:` (true for
 * an empty set) do not pin anything.
 */
function pins(statement: Statement, key: string): boolean {
  return Object.entries(statement.conditions).some(([operator, entries]) => {
    const lower = operator.toLowerCase();
    if (lower.includes("not") || lower.endsWith("ifexists") || lower.startsWith("forallvalues:")) {
      return false;
    }
    return Object.entries(entries).some(
      ([candidate, values]) =>
        candidate.toLowerCase() === key &&
        values.length > 0 &&
        values.every((value) => value.replace(/[*?]/g, "") !== ""),
    );
  });
}

/**
 * Roles that external workloads assume through OIDC federation pin the workload: a trust statement allowing
 * `sts:AssumeRoleWithWebIdentity` tests the token's subject (`<issuer>:sub`; for Cognito identity pools the
 * pool ID in `cognito-identity.amazonaws.com:aud`). Without it, any workload the issuer signs tokens for (any
 * repository of GitHub, any service account of a cluster) gets the role's temporary credentials
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html,
 * https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services,
 * https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html).
 */
export const awsIamRoleRequireOidcSubject = defineResourcePolicy({
  name: "aws-iam-role-require-oidc-subject",
  cloud: "aws",
  controls: ["SAI-IAM-03"],
  description:
    "IAM role trust policies (assumeRolePolicy) that allow sts:AssumeRoleWithWebIdentity test the federated token's subject with a positive condition on <issuer>:sub (cognito-identity.amazonaws.com:aud for Cognito identity pools) whose value is not only a wildcard, so only the intended workload obtains the role's temporary credentials.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS_EXTRA.iamRole],
  tags: ["iam", "federation"],
  validate: ({ props }, { report }) => {
    for (const [index, statement] of (statementsOf(get(props, "assumeRolePolicy")) ?? []).entries()) {
      if (!allowsWebIdentity(statement)) {
        continue;
      }
      for (const issuer of new Set(statement.principals.map(issuerOf))) {
        const key = issuer === COGNITO ? `${COGNITO}:aud` : `${issuer}:sub`;
        if (!pins(statement, key)) {
          report(
            `trust statement ${index} lets tokens of ${issuer} assume the role without a condition on ${key}: any workload that issuer signs for could assume it`,
          );
        }
      }
    }
  },
});
