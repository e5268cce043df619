import { defineResourcePolicy, expectString, get, stringListOption } from "../lib";
import { KEY_GRANT_TYPES, PUBLIC_MEMBERS, isServiceIdentity, membersOf, onKey } from "./key-grants";

/**
 * Only service identities use keys, and keys carry no administration grants. The cryptographic-use roles
 * (https://cloud.google.com/iam/docs/roles-permissions/cloudkms): `cryptoKeyEncrypterDecrypter`,
 * `cryptoKeyEncrypter`, `cryptoKeyDecrypter`, their `...ViaDelegation` forms (use through an integrated
 * service), `signerVerifier`, `signer`, `publicKeyViewer`. `roles/cloudkms.admin` carries no cryptographic
 * permission, so break-glass administrators hold it on the key ring (CIS GCP Foundations 1.11, separation
 * of duties), never on a key next to its users.
 */
export const gcpKmsCryptokeyiammemberLimitToServiceIdentities = defineResourcePolicy({
  name: "gcp-kms-cryptokeyiammember-limit-to-service-identities",
  cloud: "gcp",
  controls: ["SAI-ENC-05"],
  description:
    "Cloud KMS crypto key IAM members and bindings grant only cryptographic-use roles (useRoles) and only to service identities (service accounts, service agents, workload identity federation principals); key ring grants of a use role go only to service identities too. Users, groups and domains never use keys directly.",
  enforcementLevel: "advisory",
  resourceTypes: KEY_GRANT_TYPES,
  tags: ["kms", "iam"],
  config: {
    useRoles: stringListOption({
      default: [
        "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        "roles/cloudkms.cryptoKeyEncrypter",
        "roles/cloudkms.cryptoKeyDecrypter",
        "roles/cloudkms.cryptoKeyEncrypterDecrypterViaDelegation",
        "roles/cloudkms.cryptoKeyEncrypterViaDelegation",
        "roles/cloudkms.cryptoKeyDecrypterViaDelegation",
        "roles/cloudkms.signerVerifier",
        "roles/cloudkms.signer",
        "roles/cloudkms.publicKeyViewer",
      ],
      description: "The cryptographic-use roles; on a key, any other role is reported.",
    }),
  },
  validate: ({ type, props }, { config, report }) => {
    const role = expectString(get(props, "role"));
    if (role === undefined) {
      return;
    }
    const use = config.useRoles.includes(role);
    if (onKey(type) && !use) {
      report(
        `${role} is granted on the key: grant only use roles on keys, and administration (roles/cloudkms.admin) on the key ring to break-glass principals`,
      );
      return;
    }
    if (!use) {
      return;
    }
    for (const { where, member } of membersOf(type, props)) {
      if (!PUBLIC_MEMBERS.includes(member) && !isServiceIdentity(member)) {
        report(`${where} ${member} holds ${role}: only service identities may use keys`);
      }
    }
  },
});
