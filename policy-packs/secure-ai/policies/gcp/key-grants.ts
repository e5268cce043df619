/**
 * Shared by the Cloud KMS grant policies: the members and role of a key or key ring IAM member or binding.
 * IAM member kinds are documented at https://cloud.google.com/iam/docs/principal-identifiers.
 */
import { expectString, get, knownArray } from "../lib";
import { GCP_EXTRA } from "./types-extra";

/** The grant resources on keys (`cryptoKeyId`) and key rings (`keyRingId`). */
export const KEY_GRANT_TYPES: readonly string[] = [
  GCP_EXTRA.cryptoKeyIamMember,
  GCP_EXTRA.cryptoKeyIamBinding,
  GCP_EXTRA.keyRingIamMember,
  GCP_EXTRA.keyRingIamBinding,
];

/** The known members of one grant, with the property each came from. */
export function membersOf(type: string, props: unknown): { where: string; member: string }[] {
  if (type === GCP_EXTRA.cryptoKeyIamMember || type === GCP_EXTRA.keyRingIamMember) {
    const member = expectString(get(props, "member"));
    return member === undefined ? [] : [{ where: "member", member }];
  }
  return knownArray(get(props, "members")).flatMap((member, index) =>
    typeof member === "string" ? [{ where: `members[${index}]`, member }] : [],
  );
}

/** Whether the grant is on a single key (rather than on a whole key ring). */
export function onKey(type: string): boolean {
  return type === GCP_EXTRA.cryptoKeyIamMember || type === GCP_EXTRA.cryptoKeyIamBinding;
}

/** The members that mean everyone: anyone on the internet, or anyone with a Google account. */
export const PUBLIC_MEMBERS: readonly string[] = ["allUsers", "allAuthenticatedUsers"];

/**
 * Whether a member is a service identity: a service account (including Google's service agents) or a
 * workload identity federation principal (`principal://` / `principalSet://` of a workload identity pool).
 */
export function isServiceIdentity(member: string): boolean {
  return (
    member.startsWith("serviceAccount:") ||
    /^principal(Set)?:\/\/iam\.googleapis\.com\/projects\/[^/]+\/locations\/global\/workloadIdentityPools\//.test(
      member,
    )
  );
}
