import { defineResourcePolicy, requireSet } from "../lib";
import { GCP } from "./types";

/** Pub/Sub topics (audit exports, security findings) store messages under a customer-managed key. */
export const gcpPubsubTopicRequireCmek = defineResourcePolicy({
  name: "gcp-pubsub-topic-require-cmek",
  cloud: "gcp",
  controls: ["SAI-ENC-01"],
  description: "Pub/Sub topics set kmsKeyName to a customer-managed Cloud KMS key.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.pubsubTopic],
  tags: ["pubsub", "encryption"],
  validate: ({ props }, { report }) => {
    requireSet(props, ["kmsKeyName"], report, "messages are then encrypted with a Google-managed key");
  },
});
