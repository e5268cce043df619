import { defineResourcePolicy, requireSet } from "../lib";
import { GCP } from "./types";

/** BigQuery datasets (prediction logs, log sinks) encrypt their tables with a customer-managed key. */
export const gcpBigqueryDatasetRequireCmek = defineResourcePolicy({
  name: "gcp-bigquery-dataset-require-cmek",
  cloud: "gcp",
  controls: ["SAI-ENC-01"],
  description:
    "BigQuery datasets set defaultEncryptionConfiguration.kmsKeyName, so new tables use a customer-managed key.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.bigqueryDataset],
  tags: ["bigquery", "encryption"],
  validate: ({ props }, { report }) => {
    requireSet(
      props,
      ["defaultEncryptionConfiguration", "kmsKeyName"],
      report,
      "tables are then encrypted with a Google-managed key",
    );
  },
});
