/**
 * AWS analytics: the Glue Data Catalog's encryption settings, Glue security configurations and Athena
 * workgroups. Property names verified in node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and
 * `types/input.d.ts`).
 */
import { is, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, cmk } from "./common";

const GLUE_CATALOG = "https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html";
const GLUE_JOBS = "https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html";

/** Glue catalog encryption settings and security configurations, and Athena workgroups. */
export const AWS_GLUE_ATHENA_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings",
    service: "glue",
    resource: "datacatalogencryptionsettings",
    title: "Glue Data Catalog encryption settings",
    baseline: {
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: KEY },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: KEY },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode",
            ["SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"],
            "DISABLED",
            "the catalog metadata is unencrypted",
            GLUE_CATALOG,
          ),
          cmk("dataCatalogEncryptionSettings.encryptionAtRest.sseAwsKmsKeyId", GLUE_CATALOG),
          is(
            "dataCatalogEncryptionSettings.connectionPasswordEncryption.returnConnectionPasswordEncrypted",
            true,
            false,
            "connection passwords are stored in clear",
            GLUE_CATALOG,
          ),
          cmk("dataCatalogEncryptionSettings.connectionPasswordEncryption.awsKmsKeyId", GLUE_CATALOG),
        ],
      },
    ],
  },
  {
    type: "aws:glue/securityConfiguration:SecurityConfiguration",
    service: "glue",
    resource: "securityconfiguration",
    title: "Glue security configurations",
    baseline: {
      encryptionConfiguration: {
        s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: KEY },
        cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: KEY },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: KEY },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "encryptionConfiguration.s3Encryption.s3EncryptionMode",
            ["SSE-KMS"],
            "DISABLED",
            "job output in S3 is not encrypted with a key of yours",
            GLUE_JOBS,
          ),
          cmk("encryptionConfiguration.s3Encryption.kmsKeyArn", GLUE_JOBS),
          oneOf(
            "encryptionConfiguration.cloudwatchEncryption.cloudwatchEncryptionMode",
            ["SSE-KMS"],
            "DISABLED",
            "job logs are not encrypted with a key of yours",
            GLUE_JOBS,
          ),
          cmk("encryptionConfiguration.cloudwatchEncryption.kmsKeyArn", GLUE_JOBS),
          oneOf(
            "encryptionConfiguration.jobBookmarksEncryption.jobBookmarksEncryptionMode",
            ["CSE-KMS"],
            "DISABLED",
            "job bookmarks are unencrypted",
            GLUE_JOBS,
          ),
          cmk("encryptionConfiguration.jobBookmarksEncryption.kmsKeyArn", GLUE_JOBS),
        ],
      },
    ],
  },
  {
    type: "aws:athena/workgroup:Workgroup",
    service: "athena",
    resource: "workgroup",
    title: "Athena workgroups",
    baseline: {
      configuration: {
        enforceWorkgroupConfiguration: true,
        resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: KEY } },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "configuration.resultConfiguration.encryptionConfiguration.encryptionOption",
            ["SSE_KMS", "CSE_KMS"],
            undefined,
            "query results are not encrypted with a key of yours",
            "https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html",
          ),
          cmk(
            "configuration.resultConfiguration.encryptionConfiguration.kmsKeyArn",
            "https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html",
          ),
          is(
            "configuration.enforceWorkgroupConfiguration",
            true,
            true,
            "clients may override the result encryption",
            "https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html",
          ),
        ],
      },
    ],
  },
];
