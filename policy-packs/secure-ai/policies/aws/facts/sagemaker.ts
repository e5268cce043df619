/**
 * AWS SageMaker: notebook instances, domains and feature groups. Property names verified in
 * node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { awsCmk, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, WHY } from "./common";

const SM = "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html";

/** SageMaker notebook instances, domains and feature groups. */
export const AWS_SAGEMAKER_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:sagemaker/notebookInstance:NotebookInstance",
    service: "sagemaker",
    resource: "notebookinstance",
    title: "SageMaker notebook instances",
    baseline: {
      instanceType: "ml.t3.medium",
      roleArn: "arn:aws:iam::111111111111:role/notebook",
      kmsKeyId: KEY,
      subnetId: "subnet-0a",
      securityGroups: ["sg-0a"],
      directInternetAccess: "Disabled",
      rootAccess: "Disabled",
      instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" },
    },
    groups: [
      {
        concern: "cmk",
        description:
          "SageMaker notebook instances encrypt their ML storage volume with a customer-managed KMS key (kmsKeyId set).",
        facts: [isSet("kmsKeyId", "notebook volumes hold copies of training data", SM)],
      },
      {
        concern: "imds",
        facts: [
          oneOf(
            "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion",
            ["2"],
            "1",
            "IMDSv1 hands credentials to any request from the notebook",
            "https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-imds.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:sagemaker/domain:Domain",
    service: "sagemaker",
    resource: "domain",
    title: "SageMaker domains",
    baseline: {
      domainName: "studio",
      authMode: "IAM",
      vpcId: "vpc-0a",
      subnetIds: ["subnet-0a"],
      kmsKeyId: KEY,
      appNetworkAccessType: "VpcOnly",
      defaultUserSettings: { executionRole: "arn:aws:iam::111111111111:role/studio" },
    },
    groups: [
      {
        concern: "cmk",
        description:
          "SageMaker domains encrypt the Studio EFS volume with a customer-managed KMS key (kmsKeyId set).",
        facts: [isSet("kmsKeyId", "Studio home directories hold notebooks and data", SM)],
      },
      {
        concern: "public",
        what: "require-vpc-only",
        controls: ["SAI-NET-02", "SAI-MOD-02"],
        description:
          "SageMaker domains set appNetworkAccessType to VpcOnly, so Studio apps have no SageMaker-provided internet access.",
        facts: [
          oneOf(
            "appNetworkAccessType",
            ["VpcOnly"],
            "PublicInternetOnly",
            "Studio apps reach the internet through SageMaker",
            "https://docs.aws.amazon.com/sagemaker/latest/dg/studio-notebooks-and-internet-access.html",
            { fix: "VpcOnly" },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:sagemaker/featureGroup:FeatureGroup",
    service: "sagemaker",
    resource: "featuregroup",
    title: "SageMaker feature groups",
    baseline: {
      featureGroupName: "customers",
      recordIdentifierFeatureName: "id",
      eventTimeFeatureName: "ts",
      roleArn: "arn:aws:iam::111111111111:role/features",
      featureDefinitions: [{ featureName: "id", featureType: "String" }],
      onlineStoreConfig: { enableOnlineStore: true, securityConfig: { kmsKeyId: KEY } },
      offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://features/", kmsKeyId: KEY } },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          awsCmk(
            "onlineStoreConfig.securityConfig.kmsKeyId",
            WHY,
            "https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-security.html",
            {
              when: { path: "onlineStoreConfig.enableOnlineStore", in: [true] },
            },
          ),
          awsCmk(
            "offlineStoreConfig.s3StorageConfig.kmsKeyId",
            WHY,
            "https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-security.html",
            {
              when: { path: "offlineStoreConfig", present: true },
            },
          ),
        ],
      },
    ],
  },
];
