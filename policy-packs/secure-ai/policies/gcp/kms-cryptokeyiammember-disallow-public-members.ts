import { defineResourcePolicy } from "../lib";
import { KEY_GRANT_TYPES, PUBLIC_MEMBERS, membersOf } from "./key-grants";

/**
 * No key or key ring is granted to everyone: `allUsers` is anyone on the internet and
 * `allAuthenticatedUsers` anyone with a Google account (https://cloud.google.com/iam/docs/principal-identifiers);
 * CIS GCP Foundations 1.9 asks that no Cloud KMS key be anonymously or publicly accessible.
 */
export const gcpKmsCryptokeyiammemberDisallowPublicMembers = defineResourcePolicy({
  name: "gcp-kms-cryptokeyiammember-disallow-public-members",
  cloud: "gcp",
  controls: ["SAI-ENC-05"],
  description:
    "Cloud KMS crypto key and key ring IAM members and bindings never grant a role to allUsers or allAuthenticatedUsers.",
  enforcementLevel: "mandatory",
  resourceTypes: KEY_GRANT_TYPES,
  tags: ["kms", "iam"],
  validate: ({ type, props }, { report }) => {
    for (const { where, member } of membersOf(type, props)) {
      if (PUBLIC_MEMBERS.includes(member)) {
        report(`${where} is ${member}: the key would be usable by everyone`);
      }
    }
  },
});
