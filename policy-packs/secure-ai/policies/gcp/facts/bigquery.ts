/**
 * GCP BigQuery datasets (default key, public access) and tables. Property names verified in node_modules/@pulumi/gcp 9.37
 * (`<module>/<resource>.d.ts`, `types/input.d.ts`).
 */
import { isSet, noneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, CMEK, deletion } from "./common";

const PUBLIC = ["allUsers", "allAuthenticatedUsers"];

/** BigQuery datasets and tables. */
export const GCP_BIGQUERY_FACTS: readonly ResourceFacts[] = [
  {
    type: "gcp:bigquery/dataset:Dataset",
    service: "bigquery",
    resource: "dataset",
    title: "BigQuery datasets",
    baseline: {
      datasetId: "features",
      defaultEncryptionConfiguration: { kmsKeyName: KEY },
      accesses: [{ role: "READER", groupByEmail: "analysts@example.com" }],
    },
    groups: [
      {
        concern: "cmk",
        description:
          "BigQuery datasets set defaultEncryptionConfiguration.kmsKeyName, so new tables use a customer-managed key.",
        facts: [
          isSet(
            "defaultEncryptionConfiguration.kmsKeyName",
            "tables are then encrypted with a Google-managed key",
            "https://cloud.google.com/bigquery/docs/customer-managed-encryption",
          ),
        ],
      },
      {
        concern: "public",
        facts: [
          noneOf(
            "accesses[].specialGroup",
            PUBLIC,
            undefined,
            "the dataset would be readable by everyone",
            "https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets#Dataset.FIELDS.access",
          ),
          noneOf(
            "accesses[].iamMember",
            PUBLIC,
            undefined,
            "the dataset would be readable by everyone",
            "https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets#Dataset.FIELDS.access",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:bigquery/table:Table",
    service: "bigquery",
    resource: "table",
    title: "BigQuery tables",
    baseline: {
      datasetId: "features",
      tableId: "customers",
      encryptionConfiguration: { kmsKeyName: KEY },
      deletionProtection: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryptionConfiguration.kmsKeyName",
            CMEK,
            "https://cloud.google.com/bigquery/docs/customer-managed-encryption",
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            true,
            "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#deletion_protection",
          ),
        ],
      },
    ],
  },
];
