import { defineStackPolicy, get, refersTo } from "../lib";
import { GCP_EXTRA } from "./types-extra";

/**
 * Service accounts have no user-managed keys: a `gcp.serviceaccount.Key` is a long-lived credential that
 * leaves Google's control and whose private key lands in the stack's state. Google recommends attached service
 * accounts, workload identity federation or short-lived credentials instead
 * (https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys) and CIS GCP
 * Foundations 1.4 asks that service accounts have only Google-managed keys; the organization policy
 * `iam.disableServiceAccountKeyCreation` enforces it (https://cloud.google.com/resource-manager/docs/organization-policy/restricting-service-accounts).
 */
export const gcpServiceaccountAccountDisallowUserManagedKeys = defineStackPolicy({
  name: "gcp-serviceaccount-account-disallow-user-managed-keys",
  cloud: "gcp",
  controls: ["SAI-IAM-03"],
  description:
    "The stack creates no service account keys (gcp.serviceaccount.Key, generated or uploaded): workloads run as attached service accounts or federate through workload identity; the service accounts of the stack are examined for keys. Advisory, since a third-party integration may still need a key: waive it with a reason.",
  enforcementLevel: "advisory",
  resourceTypes: [GCP_EXTRA.serviceAccount, GCP_EXTRA.serviceAccountKey],
  tags: ["iam", "credentials"],
  validate: (stack, { report }) => {
    const accounts = stack.ofType(GCP_EXTRA.serviceAccount);
    for (const key of stack.ofType(GCP_EXTRA.serviceAccountKey)) {
      const account = accounts.find((candidate) =>
        refersTo(key, "serviceAccountId", candidate, ["name", "email", "id", "accountId"]),
      );
      const uploaded = get(key.props, "publicKeyData") !== undefined;
      report(
        `service account key "${key.name}"${account === undefined ? "" : ` of "${account.name}"`} is a long-lived ${uploaded ? "uploaded" : "user-managed"} credential; run the workload as an attached service account or through workload identity federation`,
        key,
      );
    }
  },
});
