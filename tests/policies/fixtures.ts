/**
 * Compliant baselines and negative cases for the AWS resource policies: one baseline per policy and one
 * negative case per checked property. Inputs use the property names of @pulumi/aws 7.48's *Args types.
 */
import { UNKNOWN } from "./harness";

/** A change to a baseline that breaks exactly one checked property. */
export interface NegativeCase {
  /** What is wrong, e.g. "rotation off". */
  name: string;
  /** Props of the broken resource. */
  props: Record<string, unknown>;
  /** A fragment the finding's message must contain. */
  expect: string;
}

/** A compliant variation of a baseline: a case the policy deliberately accepts. */
export interface CompliantCase {
  /** Why it is compliant, e.g. "every variant on instance storage". */
  name: string;
  /** Props of the compliant resource. */
  props: Record<string, unknown>;
}

/** Baseline, compliant variations and negatives for one resource policy. */
export interface ResourceCase {
  policy: string;
  type: string;
  baseline: Record<string, unknown>;
  /** Further compliant inputs beyond the baseline. @default [] */
  compliant?: CompliantCase[];
  negatives: NegativeCase[];
}

/** A copy of `base` with `path` set to `value` (`undefined` removes it). */
export function withValue(
  base: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = path.split(".");
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    target[key] = typeof target[key] === "object" && target[key] !== null ? target[key] : {};
    target = target[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    delete target[last];
  } else {
    target[last] = value;
  }
  return copy;
}

const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** A SageMaker production variant on `instanceType`. */
function variant(instanceType: string, variantName = "primary"): Record<string, unknown> {
  return { modelName: "m", variantName, initialInstanceCount: 1, instanceType };
}

const kmsKey = {
  enableKeyRotation: true,
  rotationPeriodInDays: 90,
  deletionWindowInDays: 30,
  description: "model key",
};
const keyPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "Admin",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:root" },
      Action: "kms:*",
      Resource: "*",
    },
    {
      Sid: "Logs",
      Effect: "Allow",
      Principal: { Service: "logs.eu-west-1.amazonaws.com" },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
    },
  ],
});
const publicKeyPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }],
});
const notebook = {
  instanceType: "ml.t3.medium",
  roleArn: "arn:aws:iam::111122223333:role/nb",
  kmsKeyId: KEY_ARN,
  directInternetAccess: "Disabled",
  rootAccess: "Disabled",
  subnetId: "subnet-0abc",
  securityGroups: ["sg-0abc"],
};
const domain = {
  domainName: "studio",
  authMode: "IAM",
  vpcId: "vpc-0abc",
  subnetIds: ["subnet-0abc"],
  defaultUserSettings: { executionRole: "arn:aws:iam::111122223333:role/studio" },
  kmsKeyId: KEY_ARN,
  appNetworkAccessType: "VpcOnly",
};
const listener = {
  loadBalancerArn: "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/lb/1",
  port: 443,
  protocol: "HTTPS",
  sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06",
  certificateArn: "arn:aws:acm:eu-west-1:111122223333:certificate/1",
  defaultActions: [
    {
      type: "forward",
      targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/tg/1",
    },
  ],
};
const distribution = {
  enabled: true,
  origins: [{ domainName: "api.example.com", originId: "api" }],
  restrictions: { geoRestriction: { restrictionType: "none" } },
  defaultCacheBehavior: {
    targetOriginId: "api",
    viewerProtocolPolicy: "https-only",
    allowedMethods: ["GET"],
    cachedMethods: ["GET"],
  },
  viewerCertificate: {
    acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/1",
    sslSupportMethod: "sni-only",
    minimumProtocolVersion: "TLSv1.3_2025",
  },
};

/** Every AWS resource policy's cases. */
export const resourceCases: readonly ResourceCase[] = [
  {
    policy: "aws-kms-key-require-rotation",
    type: "aws:kms/key:Key",
    baseline: kmsKey,
    negatives: [
      {
        name: "rotation off",
        props: withValue(kmsKey, "enableKeyRotation", false),
        expect: "enableKeyRotation",
      },
      {
        name: "rotation not set",
        props: withValue(kmsKey, "enableKeyRotation", undefined),
        expect: "enableKeyRotation",
      },
      {
        name: "period 365",
        props: withValue(kmsKey, "rotationPeriodInDays", 365),
        expect: "rotationPeriodInDays",
      },
      {
        name: "period not set",
        props: withValue(kmsKey, "rotationPeriodInDays", undefined),
        expect: "rotationPeriodInDays",
      },
      {
        // EnableKeyRotation rejects RotationPeriodInDays below 90:
        // https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
        name: "period 30, below what AWS accepts",
        props: withValue(kmsKey, "rotationPeriodInDays", 30),
        expect: "AWS accepts 90 to 2560 days",
      },
    ],
  },
  {
    policy: "aws-kms-key-limit-deletion-window",
    type: "aws:kms/key:Key",
    baseline: kmsKey,
    negatives: [
      {
        name: "7-day window",
        props: withValue(kmsKey, "deletionWindowInDays", 7),
        expect: "deletionWindowInDays",
      },
    ],
  },
  {
    policy: "aws-kms-key-require-hsm",
    type: "aws:kms/externalKey:ExternalKey",
    baseline: { description: "imported", tags: { team: "ml" } },
    negatives: [
      {
        name: "imported key material on a high-sensitivity key",
        props: { description: "imported", tags: { sensitivity: "high" } },
        expect: "origin EXTERNAL",
      },
    ],
  },
  {
    policy: "aws-s3-bucket-disallow-force-destroy",
    type: "aws:s3/bucket:Bucket",
    baseline: { forceDestroy: false, tags: { "data-class": "datasets" } },
    negatives: [
      {
        name: "force destroy",
        props: { forceDestroy: true, tags: { "data-class": "datasets" } },
        expect: "forceDestroy",
      },
    ],
  },
  {
    policy: "aws-kms-key-disallow-public-policy",
    type: "aws:kms/key:Key",
    baseline: { ...kmsKey, policy: keyPolicy },
    negatives: [
      { name: "decrypt for everyone", props: { ...kmsKey, policy: publicKeyPolicy }, expect: "kms:Decrypt" },
      {
        name: "unreadable policy",
        props: { ...kmsKey, policy: "{not json" },
        expect: "policy could not be read: the text is not a JSON policy document",
      },
    ],
  },
  {
    policy: "aws-ebs-volume-require-cmk",
    type: "aws:ebs/volume:Volume",
    baseline: { availabilityZone: "eu-west-1a", size: 20, encrypted: true, kmsKeyId: KEY_ARN },
    negatives: [
      {
        name: "unencrypted",
        props: { availabilityZone: "eu-west-1a", size: 20, encrypted: false, kmsKeyId: KEY_ARN },
        expect: "encrypted",
      },
      {
        name: "no key",
        props: { availabilityZone: "eu-west-1a", size: 20, encrypted: true },
        expect: "kmsKeyId",
      },
    ],
  },
  {
    policy: "aws-cloudwatch-loggroup-require-cmk",
    type: "aws:cloudwatch/logGroup:LogGroup",
    baseline: { retentionInDays: 365, kmsKeyId: KEY_ARN },
    negatives: [{ name: "no key", props: { retentionInDays: 365 }, expect: "kmsKeyId" }],
  },
  {
    policy: "aws-sns-topic-require-cmk",
    type: "aws:sns/topic:Topic",
    baseline: { kmsMasterKeyId: KEY_ARN },
    negatives: [
      { name: "no key", props: {}, expect: "kmsMasterKeyId" },
      { name: "AWS-managed key", props: { kmsMasterKeyId: "alias/aws/sns" }, expect: "AWS-managed" },
    ],
  },
  {
    policy: "aws-sagemaker-endpointconfiguration-require-cmk",
    type: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    baseline: {
      productionVariants: [
        { modelName: "m", variantName: "v", initialInstanceCount: 1, instanceType: "ml.m5.large" },
      ],
      kmsKeyArn: KEY_ARN,
      dataCaptureConfig: {
        destinationS3Uri: "s3://capture",
        initialSamplingPercentage: 100,
        kmsKeyId: KEY_ARN,
        captureOptions: [{ captureMode: "Input" }],
      },
    },
    compliant: [
      {
        name: "no volume key, the only variant on instance storage (SageMaker rejects the key there)",
        props: { productionVariants: [variant("ml.g5.xlarge")] },
      },
      {
        name: "no volume key, every production and shadow variant on instance storage",
        props: {
          productionVariants: [variant("ml.m5d.large"), variant("ml.p4d.24xlarge", "second")],
          shadowProductionVariants: [variant("ml.g6.2xlarge", "shadow")],
          dataCaptureConfig: { destinationS3Uri: "s3://c", kmsKeyId: KEY_ARN },
        },
      },
      {
        name: "an EBS-backed instance type whose key is unknown until apply",
        props: { productionVariants: [variant("ml.m5.large")], kmsKeyArn: UNKNOWN },
      },
    ],
    negatives: [
      {
        name: "no volume key",
        props: {
          productionVariants: [{ modelName: "m", variantName: "v" }],
          dataCaptureConfig: { destinationS3Uri: "s3://c", kmsKeyId: KEY_ARN },
        },
        expect: "kmsKeyArn",
      },
      {
        name: "no volume key on an EBS-backed instance type",
        props: { productionVariants: [variant("ml.m5.xlarge")] },
        expect: "kmsKeyArn is not set: the endpoint's storage volume",
      },
      {
        name: "no volume key with instance-storage and EBS-backed production variants mixed",
        props: { productionVariants: [variant("ml.g5.xlarge"), variant("ml.m5.large", "second")] },
        expect: "productionVariants[1] (ml.m5.large) keep their storage volume under an AWS-managed key",
      },
      {
        name: "no volume key with an EBS-backed shadow variant",
        props: {
          productionVariants: [variant("ml.g5.xlarge")],
          shadowProductionVariants: [variant("ml.c5.large", "shadow")],
        },
        expect: "shadowProductionVariants[0] (ml.c5.large)",
      },
      {
        name: "no volume key with a serverless variant next to an instance-storage one",
        props: {
          productionVariants: [
            variant("ml.g5.xlarge"),
            {
              modelName: "m",
              variantName: "v",
              serverlessConfig: { maxConcurrency: 5, memorySizeInMb: 2048 },
            },
          ],
        },
        expect: "productionVariants[1] (no instance type) keep their storage volume",
      },
      {
        name: "no volume key with an instance type unknown at preview",
        props: { productionVariants: [variant("ml.g5.xlarge"), variant(UNKNOWN, "second")] },
        expect: "productionVariants[1] (instance type unknown until apply) is not known at preview",
      },
      {
        name: "no volume key with the variant list unknown at preview",
        props: { productionVariants: UNKNOWN },
        expect: "productionVariants is unknown until apply",
      },
      {
        name: "no capture key",
        props: {
          productionVariants: [{ modelName: "m", variantName: "v" }],
          kmsKeyArn: KEY_ARN,
          dataCaptureConfig: { destinationS3Uri: "s3://c" },
        },
        expect: "dataCaptureConfig.kmsKeyId",
      },
    ],
  },
  {
    policy: "aws-sagemaker-notebookinstance-require-cmk",
    type: "aws:sagemaker/notebookInstance:NotebookInstance",
    baseline: notebook,
    negatives: [{ name: "no key", props: withValue(notebook, "kmsKeyId", undefined), expect: "kmsKeyId" }],
  },
  {
    policy: "aws-sagemaker-notebookinstance-disallow-internet-access",
    type: "aws:sagemaker/notebookInstance:NotebookInstance",
    baseline: notebook,
    negatives: [
      {
        name: "internet enabled",
        props: withValue(notebook, "directInternetAccess", "Enabled"),
        expect: "directInternetAccess",
      },
      {
        name: "internet default",
        props: withValue(notebook, "directInternetAccess", undefined),
        expect: "directInternetAccess",
      },
      { name: "no subnet", props: withValue(notebook, "subnetId", undefined), expect: "subnetId" },
    ],
  },
  {
    policy: "aws-sagemaker-notebookinstance-disallow-root-access",
    type: "aws:sagemaker/notebookInstance:NotebookInstance",
    baseline: notebook,
    negatives: [
      { name: "root enabled", props: withValue(notebook, "rootAccess", "Enabled"), expect: "rootAccess" },
    ],
  },
  {
    policy: "aws-sagemaker-domain-require-cmk",
    type: "aws:sagemaker/domain:Domain",
    baseline: domain,
    negatives: [{ name: "no key", props: withValue(domain, "kmsKeyId", undefined), expect: "kmsKeyId" }],
  },
  {
    policy: "aws-sagemaker-domain-require-vpc-only",
    type: "aws:sagemaker/domain:Domain",
    baseline: domain,
    negatives: [
      {
        name: "public internet",
        props: withValue(domain, "appNetworkAccessType", "PublicInternetOnly"),
        expect: "appNetworkAccessType",
      },
      {
        name: "default",
        props: withValue(domain, "appNetworkAccessType", undefined),
        expect: "appNetworkAccessType",
      },
    ],
  },
  {
    policy: "aws-sagemaker-model-require-network-isolation",
    type: "aws:sagemaker/model:Model",
    baseline: {
      executionRoleArn: "arn:aws:iam::111122223333:role/model",
      enableNetworkIsolation: true,
      vpcConfig: { subnets: ["subnet-0abc"], securityGroupIds: ["sg-0abc"] },
    },
    negatives: [
      {
        name: "isolation off",
        props: {
          executionRoleArn: "r",
          enableNetworkIsolation: false,
          vpcConfig: { subnets: ["s"], securityGroupIds: ["g"] },
        },
        expect: "enableNetworkIsolation",
      },
      {
        name: "no subnets",
        props: {
          executionRoleArn: "r",
          enableNetworkIsolation: true,
          vpcConfig: { subnets: [], securityGroupIds: ["g"] },
        },
        expect: "vpcConfig.subnets",
      },
      {
        name: "no security groups",
        props: { executionRoleArn: "r", enableNetworkIsolation: true, vpcConfig: { subnets: ["s"] } },
        expect: "vpcConfig.securityGroupIds",
      },
    ],
  },
  {
    policy: "aws-bedrock-custommodel-require-cmk",
    type: "aws:bedrock/customModel:CustomModel",
    baseline: {
      baseModelIdentifier: "amazon.titan-text-express-v1",
      customModelName: "tuned",
      jobName: "tune",
      roleArn: "arn:aws:iam::111122223333:role/bedrock",
      hyperparameters: { epochCount: "1" },
      outputDataConfig: { s3Uri: "s3://out/" },
      trainingDataConfig: { s3Uri: "s3://train/data.jsonl" },
      customModelKmsKeyId: KEY_ARN,
    },
    negatives: [
      {
        name: "no key",
        props: { customModelName: "tuned", outputDataConfig: { s3Uri: "s3://out/" } },
        expect: "customModelKmsKeyId",
      },
    ],
  },
  {
    policy: "aws-bedrock-guardrail-require-cmk",
    type: "aws:bedrock/guardrail:Guardrail",
    baseline: { name: "g", blockedInputMessaging: "no", blockedOutputsMessaging: "no", kmsKeyArn: KEY_ARN },
    negatives: [
      {
        name: "no key",
        props: { name: "g", blockedInputMessaging: "no", blockedOutputsMessaging: "no" },
        expect: "kmsKeyArn",
      },
    ],
  },
  {
    policy: "aws-lb-listener-require-tls13",
    type: "aws:lb/listener:Listener",
    baseline: listener,
    negatives: [
      {
        name: "TLS 1.2 policy",
        props: withValue(listener, "sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"),
        expect: "sslPolicy",
      },
      {
        name: "policy not set",
        props: withValue(listener, "sslPolicy", undefined),
        expect: "ELBSecurityPolicy-2016-08",
      },
      {
        name: "plain HTTP",
        props: withValue(withValue(listener, "protocol", "HTTP"), "sslPolicy", undefined),
        expect: "protocol",
      },
    ],
  },
  {
    policy: "aws-apigateway-restapi-require-tls13",
    type: "aws:apigateway/restApi:RestApi",
    baseline: {
      name: "api",
      securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09",
      endpointAccessMode: "STRICT",
    },
    negatives: [
      {
        name: "TLS 1.2",
        props: { name: "api", securityPolicy: "TLS_1_2", endpointAccessMode: "STRICT" },
        expect: "securityPolicy",
      },
      {
        name: "no access mode",
        props: { name: "api", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" },
        expect: "endpointAccessMode",
      },
    ],
  },
  {
    policy: "aws-apigateway-domainname-require-tls13",
    type: "aws:apigateway/domainName:DomainName",
    baseline: {
      domainName: "api.example.com",
      securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09",
      endpointAccessMode: "STRICT",
    },
    negatives: [
      {
        name: "legacy default",
        props: { domainName: "api.example.com", endpointAccessMode: "STRICT" },
        expect: "securityPolicy",
      },
      {
        name: "no access mode",
        props: { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" },
        expect: "endpointAccessMode",
      },
    ],
  },
  {
    policy: "aws-cloudfront-distribution-require-tls13",
    type: "aws:cloudfront/distribution:Distribution",
    baseline: distribution,
    negatives: [
      {
        name: "TLS 1.2",
        props: withValue(distribution, "viewerCertificate.minimumProtocolVersion", "TLSv1.2_2021"),
        expect: "minimumProtocolVersion",
      },
      {
        name: "default certificate",
        props: withValue(distribution, "viewerCertificate", {
          cloudfrontDefaultCertificate: true,
          minimumProtocolVersion: "TLSv1.3_2025",
        }),
        expect: "cloudfrontDefaultCertificate",
      },
      {
        name: "allow-all viewers",
        props: withValue(distribution, "defaultCacheBehavior.viewerProtocolPolicy", "allow-all"),
        expect: "viewerProtocolPolicy",
      },
    ],
  },
  {
    policy: "aws-ec2-instance-disallow-public-ip",
    type: "aws:ec2/instance:Instance",
    baseline: {
      ami: "ami-0abc",
      instanceType: "t3.micro",
      subnetId: "subnet-0abc",
      associatePublicIpAddress: false,
    },
    negatives: [
      {
        name: "public IP",
        props: { ami: "ami-0abc", associatePublicIpAddress: true },
        expect: "associatePublicIpAddress",
      },
    ],
  },
  {
    policy: "aws-ec2-subnet-disallow-public-ip-on-launch",
    type: "aws:ec2/subnet:Subnet",
    baseline: { vpcId: "vpc-0abc", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: false },
    negatives: [
      {
        name: "public on launch",
        props: { vpcId: "vpc-0abc", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: true },
        expect: "mapPublicIpOnLaunch",
      },
    ],
  },
  {
    policy: "aws-ec2-securitygroup-disallow-public-ingress",
    type: "aws:ec2/securityGroup:SecurityGroup",
    baseline: {
      vpcId: "vpc-0abc",
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }],
    },
    negatives: [
      {
        name: "IPv4 everywhere",
        props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] },
        expect: "0.0.0.0/0",
      },
      {
        name: "IPv6 everywhere",
        props: { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }] },
        expect: "::/0",
      },
    ],
  },
  {
    policy: "aws-ec2-securitygroup-disallow-public-ingress",
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    baseline: {
      securityGroupId: "sg-0abc",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: "10.0.0.0/16",
    },
    negatives: [
      {
        name: "IPv4 everywhere",
        props: {
          securityGroupId: "sg-0abc",
          ipProtocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrIpv4: "0.0.0.0/0",
        },
        expect: "0.0.0.0/0",
      },
    ],
  },
  {
    policy: "aws-ec2-securitygroup-disallow-public-ingress",
    type: "aws:ec2/securityGroupRule:SecurityGroupRule",
    baseline: {
      type: "ingress",
      securityGroupId: "sg-0abc",
      protocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrBlocks: ["10.0.0.0/16"],
    },
    negatives: [
      {
        name: "IPv6 everywhere",
        props: {
          type: "ingress",
          securityGroupId: "sg-0abc",
          protocol: "tcp",
          fromPort: 80,
          toPort: 80,
          ipv6CidrBlocks: ["::/0"],
        },
        expect: "::/0",
      },
    ],
  },
  {
    policy: "aws-s3-bucketpublicaccessblock-require-all-blocked",
    type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    baseline: {
      bucket: "data",
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    negatives: ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].map(
      (flag) => ({
        name: `${flag} off`,
        props: {
          bucket: "data",
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
          [flag]: false,
        },
        expect: flag,
      }),
    ),
  },
  {
    policy: "aws-cloudtrail-trail-require-integrity",
    type: "aws:cloudtrail/trail:Trail",
    baseline: {
      s3BucketName: "audit",
      enableLogFileValidation: true,
      isMultiRegionTrail: true,
      kmsKeyId: KEY_ARN,
    },
    negatives: [
      {
        name: "no validation",
        props: { s3BucketName: "audit", isMultiRegionTrail: true, kmsKeyId: KEY_ARN },
        expect: "enableLogFileValidation",
      },
      {
        name: "single region",
        props: {
          s3BucketName: "audit",
          enableLogFileValidation: true,
          isMultiRegionTrail: false,
          kmsKeyId: KEY_ARN,
        },
        expect: "isMultiRegionTrail",
      },
      {
        name: "no key",
        props: { s3BucketName: "audit", enableLogFileValidation: true, isMultiRegionTrail: true },
        expect: "kmsKeyId",
      },
    ],
  },
];

/** A key ARN that is unknown at preview. */
export const UNKNOWN_KEY = UNKNOWN;
