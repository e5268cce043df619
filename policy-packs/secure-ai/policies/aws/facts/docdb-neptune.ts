/**
 * AWS document and graph databases: DocumentDB and Neptune clusters. Property names verified in
 * node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { is, isSet, type ResourceFacts } from "../../lib/facts";
import { KEY, encrypted, cmk, deletion } from "./common";

/** DocumentDB and Neptune clusters. */
export const AWS_DOCDB_NEPTUNE_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:docdb/cluster:Cluster",
    service: "docdb",
    resource: "cluster",
    title: "DocumentDB clusters",
    baseline: {
      storageEncrypted: true,
      kmsKeyId: KEY,
      enabledCloudwatchLogsExports: ["audit"],
      deletionProtection: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          encrypted(
            "storageEncrypted",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html",
          ),
          cmk(
            "kmsKeyId",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html",
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "enabledCloudwatchLogsExports",
            "audit and profiler logs are not exported",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html",
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-delete.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:neptune/cluster:Cluster",
    service: "neptune",
    resource: "cluster",
    title: "Neptune clusters",
    baseline: {
      storageEncrypted: true,
      kmsKeyArn: KEY,
      iamDatabaseAuthenticationEnabled: true,
      enableCloudwatchLogsExports: ["audit"],
      deletionProtection: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          encrypted("storageEncrypted", "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"),
          cmk("kmsKeyArn", "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "iamDatabaseAuthenticationEnabled",
            true,
            false,
            "any client in the network can query the graph",
            "https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html",
            { fix: true },
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "enableCloudwatchLogsExports",
            "audit logs are not exported",
            "https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html",
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            "https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html",
          ),
        ],
      },
    ],
  },
];
