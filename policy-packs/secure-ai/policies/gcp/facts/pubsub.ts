/**
 * GCP Pub/Sub topics. Property names verified in node_modules/@pulumi/gcp 9.37 (`pubsub/topic.d.ts`).
 */
import { isSet, type ResourceFacts } from "../../lib/facts";
import { KEY } from "./common";

/** Pub/Sub topics (audit exports, security findings). */
export const GCP_PUBSUB_FACTS: readonly ResourceFacts[] = [
  {
    type: "gcp:pubsub/topic:Topic",
    service: "pubsub",
    resource: "topic",
    title: "Pub/Sub topics",
    baseline: { name: "findings", kmsKeyName: KEY },
    groups: [
      {
        concern: "cmk",
        description: "Pub/Sub topics set kmsKeyName to a customer-managed Cloud KMS key.",
        facts: [
          isSet(
            "kmsKeyName",
            "messages are then encrypted with a Google-managed key",
            "https://cloud.google.com/pubsub/docs/encryption",
          ),
        ],
      },
    ],
  },
];
