/**
 * AWS compute, containers, SageMaker, load balancers, CloudFront and S3 ACLs. Property names verified in
 * node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { awsCmk, is, isSet, noneOf, oneOf, type ResourceFacts } from "../../lib/facts";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000001";
const WHY = "without it AWS encrypts with its own managed key, which the key policy cannot restrict";
const EBS = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html";
const IMDS = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html";
const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const PUBLIC_GRANTEES = [
  "http://acs.amazonaws.com/groups/global/AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
];
const S3_ACL = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl";
const LB_LOGS =
  "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html";
const LB_DELETE =
  "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection";
const CF_ORIGIN =
  "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html";
const SM = "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html";

/** AWS compute, edge and S3 ACL resources. */
export const AWS_COMPUTE_EDGE_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:ec2/instance:Instance",
    service: "ec2",
    resource: "instance",
    title: "EC2 instances",
    baseline: {
      ami: "ami-0123456789abcdef0",
      instanceType: "t3.micro",
      subnetId: "subnet-0a",
      rootBlockDevice: { encrypted: true, kmsKeyId: KEY },
      ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: KEY }],
      metadataOptions: { httpTokens: "required" },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is("rootBlockDevice.encrypted", true, false, "the root volume is unencrypted", EBS),
          awsCmk("rootBlockDevice.kmsKeyId", WHY, EBS),
          is("ebsBlockDevices[].encrypted", true, false, "the volume is unencrypted", EBS),
          awsCmk("ebsBlockDevices[].kmsKeyId", WHY, EBS),
        ],
      },
      {
        concern: "public-ip",
        description:
          "EC2 instances do not set associatePublicIpAddress to true (neither on the instance nor on an inline network interface); workloads run in private subnets.",
        facts: [
          is(
            "associatePublicIpAddress",
            false,
            false,
            "workloads run in private subnets",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses",
            { fix: false },
          ),
          is(
            "networkInterfaces[].associatePublicIpAddress",
            false,
            false,
            "workloads run in private subnets",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses",
          ),
        ],
      },
      {
        concern: "imds",
        facts: [
          oneOf(
            "metadataOptions.httpTokens",
            ["required"],
            "optional",
            "IMDSv1 hands credentials to any request from the instance",
            IMDS,
          ),
        ],
      },
    ],
  },
  {
    type: "aws:ec2/launchTemplate:LaunchTemplate",
    service: "ec2",
    resource: "launchtemplate",
    title: "EC2 launch templates",
    baseline: {
      imageId: "ami-0123456789abcdef0",
      blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY } }],
      networkInterfaces: [{ associatePublicIpAddress: "false", subnetId: "subnet-0a" }],
      metadataOptions: { httpTokens: "required" },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is("blockDeviceMappings[].ebs.encrypted", "true", "false", "the volume is unencrypted", EBS, {
            optionalParent: true,
          }),
          awsCmk("blockDeviceMappings[].ebs.kmsKeyId", WHY, EBS, { optionalParent: true }),
        ],
      },
      {
        concern: "public-ip",
        facts: [
          noneOf(
            "networkInterfaces[].associatePublicIpAddress",
            ["true"],
            undefined,
            "workloads run in private subnets",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses",
          ),
        ],
      },
      {
        concern: "imds",
        facts: [
          oneOf(
            "metadataOptions.httpTokens",
            ["required"],
            "optional",
            "IMDSv1 hands credentials to any request from the instance",
            IMDS,
          ),
        ],
      },
    ],
  },
  {
    type: "aws:ecr/repository:Repository",
    service: "ecr",
    resource: "repository",
    title: "ECR repositories",
    baseline: {
      encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
      imageTagMutability: "IMMUTABLE",
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryptionConfigurations",
            "images are encrypted with AES256 managed by ECR",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
          ),
          oneOf(
            "encryptionConfigurations[].encryptionType",
            ["KMS", "KMS_DSSE"],
            "AES256",
            "images are encrypted with AES256 managed by ECR",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
          ),
          awsCmk(
            "encryptionConfigurations[].kmsKey",
            WHY,
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:eks/cluster:Cluster",
    service: "eks",
    resource: "cluster",
    title: "EKS clusters",
    baseline: {
      roleArn: "arn:aws:iam::111111111111:role/eks",
      vpcConfig: { subnetIds: ["subnet-0a"], endpointPrivateAccess: true, endpointPublicAccess: false },
      encryptionConfig: { provider: { keyArn: KEY }, resources: ["secrets"] },
      enabledClusterLogTypes: ["api", "audit", "authenticator"],
    },
    groups: [
      {
        concern: "public",
        facts: [
          is(
            "vpcConfig.endpointPublicAccess",
            false,
            true,
            "the Kubernetes API is reachable from the internet",
            "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryptionConfig.provider.keyArn",
            "Kubernetes secrets are not envelope-encrypted with a key of yours",
            "https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html",
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "enabledClusterLogTypes",
            "control-plane audit logs are off",
            "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
          ),
        ],
      },
    ],
  },
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
  {
    type: "aws:lb/loadBalancer:LoadBalancer",
    alsoTypes: ["aws:alb/loadBalancer:LoadBalancer"],
    service: "lb",
    resource: "loadbalancer",
    title: "Elastic load balancers",
    baseline: {
      loadBalancerType: "application",
      internal: true,
      subnets: ["subnet-0a", "subnet-0b"],
      accessLogs: { bucket: "lb-logs", enabled: true },
      enableDeletionProtection: true,
    },
    groups: [
      {
        concern: "logging",
        facts: [
          is("accessLogs.enabled", true, false, "requests are not access-logged", LB_LOGS),
          isSet("accessLogs.bucket", "access logs need a bucket", LB_LOGS),
        ],
      },
      {
        concern: "deletion",
        facts: [
          is(
            "enableDeletionProtection",
            true,
            false,
            "a stray delete takes the entry point down",
            LB_DELETE,
            { fix: true },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:cloudfront/distribution:Distribution",
    service: "cloudfront",
    resource: "distribution",
    title: "CloudFront distributions",
    baseline: {
      enabled: true,
      origins: [
        {
          originId: "api",
          domainName: "api.example.com",
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: "https-only",
            originSslProtocols: ["TLSv1.2"],
          },
        },
      ],
      loggingConfig: { bucket: "cf-logs.s3.amazonaws.com" },
    },
    groups: [
      {
        concern: "tls",
        what: "require-origin-tls",
        facts: [
          oneOf(
            "origins[].customOriginConfig.originProtocolPolicy",
            ["https-only"],
            undefined,
            "CloudFront reaches the origin over plain HTTP",
            CF_ORIGIN,
            { optionalParent: true },
          ),
          noneOf(
            "origins[].customOriginConfig.originSslProtocols",
            ["SSLv3", "TLSv1", "TLSv1.1"],
            undefined,
            "CloudFront may reach the origin with a deprecated protocol",
            CF_ORIGIN,
            { optionalParent: true },
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "loggingConfig.bucket",
            "viewer requests are not access-logged",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:s3/bucket:Bucket",
    alsoTypes: ["aws:s3/bucketV2:BucketV2"],
    service: "s3",
    resource: "bucket",
    title: "S3 buckets",
    baseline: { bucket: "datasets" },
    groups: [
      {
        concern: "public",
        what: "disallow-public-acl",
        facts: [
          noneOf("acl", PUBLIC_ACLS, "private", "a canned ACL opens the bucket to everyone", S3_ACL),
          noneOf(
            "grants[].uri",
            PUBLIC_GRANTEES,
            undefined,
            "a grant to a global group opens the bucket to everyone",
            S3_ACL,
          ),
        ],
      },
    ],
  },
  {
    type: "aws:s3/bucketAcl:BucketAcl",
    alsoTypes: ["aws:s3/bucketAclV2:BucketAclV2"],
    service: "s3",
    resource: "bucketacl",
    title: "S3 bucket ACLs",
    baseline: { bucket: "datasets", acl: "private" },
    groups: [
      {
        concern: "public",
        facts: [
          noneOf("acl", PUBLIC_ACLS, undefined, "a canned ACL opens the bucket to everyone", S3_ACL),
          noneOf(
            "accessControlPolicy.grants[].grantee.uri",
            PUBLIC_GRANTEES,
            undefined,
            "a grant to a global group opens the bucket to everyone",
            S3_ACL,
            { optionalParent: true },
          ),
        ],
      },
    ],
  },
];
