/** Shared by the KMS key policy policies: the statements of a key's (or a KeyPolicy resource's) `policy`. */
import { get, statementsOf, type Statement } from "../lib";

/**
 * The statements of the key policy in `props.policy`, or `undefined` when there is none to read: absent
 * (a key without `policy` gets the AWS default policy, or a separate `aws.kms.KeyPolicy`), unknown during
 * preview (noted by `get`, so the engine is told), or unreadable (noted by `statementsOf`, reported by
 * `define.ts` when no other finding is).
 */
export function keyPolicyStatements(props: unknown): Statement[] | undefined {
  return statementsOf(get(props, "policy"));
}
