import { defineResourcePolicy, expectString, get, knownArray } from "../lib";
import { noteUnreadable } from "../lib/observe";
import { GCP_IAM_GRANT_TYPES } from "./iam-grant-types";
import { KEY_GRANT_TYPES, PUBLIC_MEMBERS } from "./key-grants";

/** The grant types this policy reads (the key and key-ring grants have their own policy, SAI-ENC-05). */
const TYPES = GCP_IAM_GRANT_TYPES.filter((type) => !KEY_GRANT_TYPES.includes(type));

/** The members a grant names, with where each came from: `member`, `members[i]` or `policyData` bindings. */
function grantedMembers(props: unknown): { where: string; member: string }[] {
  const member = expectString(get(props, "member"));
  if (member !== undefined) {
    return [{ where: "member", member }];
  }
  const members = knownArray(get(props, "members")).flatMap((item, index) =>
    typeof item === "string" ? [{ where: `members[${index}]`, member: item }] : [],
  );
  const data = expectString(get(props, "policyData"));
  if (data === undefined) {
    return members;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    noteUnreadable(data, "the text is not a JSON IAM policy", "policyData");
    return members;
  }
  const bindings = knownArray(get(parsed, "bindings"));
  return bindings.flatMap((binding, at) =>
    knownArray(get(binding, "members")).flatMap((item, index) =>
      typeof item === "string"
        ? [{ where: `policyData.bindings[${at}].members[${index}]`, member: item }]
        : [],
    ),
  );
}

/**
 * No IAM member, binding or policy of any GCP resource grants a role to `allUsers` (anyone on the internet)
 * or `allAuthenticatedUsers` (anyone with a Google account): https://cloud.google.com/iam/docs/principal-identifiers.
 * This is how Cloud Run services, Cloud Functions, buckets, datasets and GKE-fronting services become public.
 */
export const gcpIamGrantDisallowPublicMembers = defineResourcePolicy({
  name: "gcp-iam-grant-disallow-public-members",
  cloud: "gcp",
  controls: ["SAI-NET-02"],
  description:
    "IAM members, bindings and policies of every GCP resource (the *IamMember, *IamBinding and *IamPolicy types) never grant a role to allUsers or allAuthenticatedUsers.",
  enforcementLevel: "mandatory",
  resourceTypes: TYPES,
  tags: ["iam", "network"],
  validate: ({ props }, { report }) => {
    for (const { where, member } of grantedMembers(props)) {
      if (PUBLIC_MEMBERS.includes(member)) {
        report(`${where} is ${member}: the resource would be open to everyone`);
      }
    }
  },
});
