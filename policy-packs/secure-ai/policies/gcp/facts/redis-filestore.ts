/**
 * GCP managed stores: Memorystore for Redis instances and Filestore instances. Property names verified in
 * node_modules/@pulumi/gcp 9.37 (`<module>/<resource>.d.ts`, `types/input.d.ts`).
 */
import { is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, CMEK, deletion } from "./common";

/** Memorystore for Redis and Filestore instances. */
export const GCP_REDIS_FILESTORE_FACTS: readonly ResourceFacts[] = [
  {
    type: "gcp:redis/instance:Instance",
    service: "redis",
    resource: "instance",
    title: "Memorystore for Redis instances",
    baseline: {
      memorySizeGb: 1,
      customerManagedKey: KEY,
      transitEncryptionMode: "SERVER_AUTHENTICATION",
      authEnabled: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [isSet("customerManagedKey", CMEK, "https://cloud.google.com/memorystore/docs/redis/cmek")],
      },
      {
        concern: "tls",
        facts: [
          oneOf(
            "transitEncryptionMode",
            ["SERVER_AUTHENTICATION"],
            "DISABLED",
            "clients connect in plain text",
            "https://cloud.google.com/memorystore/docs/redis/about-in-transit-encryption",
          ),
        ],
      },
      {
        concern: "auth",
        what: "require-auth",
        facts: [
          is(
            "authEnabled",
            true,
            false,
            "any client in the network can read and write",
            "https://cloud.google.com/memorystore/docs/redis/about-redis-auth",
            { fix: true },
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:filestore/instance:Instance",
    service: "filestore",
    resource: "instance",
    title: "Filestore instances",
    baseline: {
      location: "europe-west4-a",
      tier: "BASIC_HDD",
      kmsKeyName: KEY,
      deletionProtectionEnabled: true,
    },
    groups: [
      { concern: "cmk", facts: [isSet("kmsKeyName", CMEK, "https://cloud.google.com/filestore/docs/cmek")] },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtectionEnabled",
            false,
            "https://cloud.google.com/filestore/docs/deletion-protection",
            { since: "@pulumi/gcp v8" },
          ),
        ],
      },
    ],
  },
];
