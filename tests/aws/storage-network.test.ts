import { beforeAll, describe, expect, it } from "vitest";
import { subnetCidr } from "../../components/aws/cidr";
import { interfaceEndpointServices } from "../../components/aws/network";
import {
  ACCOUNT_ID,
  REGION,
  awsArgs,
  buildAws,
  installAwsMocks,
  parsePolicy,
  type BuiltAwsPlatform,
} from "../helpers/aws-mocks";

beforeAll(installAwsMocks);

describe("storage", () => {
  let built: BuiltAwsPlatform;
  beforeAll(async () => {
    built = await buildAws(
      "st",
      awsArgs({
        datasets: [{ name: "patients", personalData: true, retentionDays: 180 }, { name: "docs" }],
        logging: { auditLockDays: 400 },
      }),
    );
  });

  it("creates three buckets that are never force-destroyed, object lock only on audit logs", () => {
    const buckets = built.ofType("aws:s3/bucket:Bucket");
    expect(buckets.map((b) => b.name).sort()).toEqual(["st-artifacts", "st-audit-logs", "st-datasets"]);
    for (const bucket of buckets) {
      expect(bucket.inputs).toMatchObject({
        forceDestroy: false,
        region: REGION,
        objectLockEnabled: bucket.name === "st-audit-logs",
      });
    }
  });

  it("tags the datasets bucket personal-data=true (it holds a personal dataset), for the pack's lifecycle policy", () => {
    const tags = (name: string) => built.named("aws:s3/bucket:Bucket", name).inputs.tags;
    expect(tags("st-datasets")).toMatchObject({ "data-class": "datasets", "personal-data": "true" });
    expect(tags("st-artifacts")).not.toHaveProperty("personal-data");
    expect(tags("st-audit-logs")).not.toHaveProperty("personal-data");
  });

  it("encrypts each bucket with its data class key, bucket keys on, SSE-C blocked", () => {
    const pairs = { datasets: "datasets", artifacts: "artifacts", "audit-logs": "logs" };
    for (const [dataClass, key] of Object.entries(pairs)) {
      expect(
        built.named(
          "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
          `st-${dataClass}-encryption`,
        ).inputs,
      ).toEqual({
        bucket: `st-${dataClass}`,
        region: REGION,
        rules: [
          {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: "aws:kms",
              kmsMasterKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/st-${key}-key-id`,
            },
            bucketKeyEnabled: true,
            blockedEncryptionTypes: ["SSE-C"],
          },
        ],
      });
    }
  });

  it("blocks public access, enforces bucket-owner objects and versions every bucket", () => {
    for (const dataClass of ["datasets", "artifacts", "audit-logs"]) {
      expect(
        built.named(
          "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
          `st-${dataClass}-public-access-block`,
        ).inputs,
      ).toEqual({
        bucket: `st-${dataClass}`,
        region: REGION,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      expect(
        built.named("aws:s3/bucketOwnershipControls:BucketOwnershipControls", `st-${dataClass}-ownership`)
          .inputs.rule,
      ).toEqual({
        objectOwnership: "BucketOwnerEnforced",
      });
      expect(
        built.named("aws:s3/bucketVersioning:BucketVersioning", `st-${dataClass}-versioning`).inputs
          .versioningConfiguration,
      ).toEqual({
        status: "Enabled",
      });
    }
  });

  it("denies non-TLS, TLS older than 1.2 and SSE-C in every bucket policy", () => {
    for (const dataClass of ["datasets", "artifacts", "audit-logs"]) {
      const policy = built.named("aws:s3/bucketPolicy:BucketPolicy", `st-${dataClass}-policy`);
      expect(policy.dependsOn).toEqual([`st-${dataClass}-public-access-block`]);
      const statements = parsePolicy(policy.inputs.policy).Statement;
      const arn = `arn:aws:s3:::st-${dataClass}`;
      expect(statements.slice(0, 3)).toEqual([
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [arn, `${arn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "DenyTlsOlderThan12",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [arn, `${arn}/*`],
          Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
        {
          Sid: "DenyCustomerProvidedKeys",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:PutObject",
          Resource: `${arn}/*`,
          Condition: { Null: { "s3:x-amz-server-side-encryption-customer-algorithm": "false" } },
        },
      ]);
    }
    const audit = parsePolicy(
      built.named("aws:s3/bucketPolicy:BucketPolicy", "st-audit-logs-policy").inputs.policy,
    ).Statement;
    const trail = `arn:aws:cloudtrail:${REGION}:${ACCOUNT_ID}:trail/st-audit-trail`;
    expect(audit.find((s) => s.Sid === "CloudTrailWrite")).toEqual({
      Sid: "CloudTrailWrite",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::st-audit-logs/AWSLogs/${ACCOUNT_ID}/*`,
      Condition: { StringEquals: { "aws:SourceArn": trail, "s3:x-amz-acl": "bucket-owner-full-control" } },
    });
  });

  it("expires personal data and its noncurrent versions at the retention period", () => {
    const rules = built.named(
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      "st-datasets-lifecycle",
    ).inputs.rules as Record<string, unknown>[];
    expect(rules.find((r) => r.id === "expire-patients")).toEqual({
      id: "expire-patients",
      status: "Enabled",
      filter: { prefix: "patients/" },
      expiration: { days: 180 },
      noncurrentVersionExpiration: { noncurrentDays: 1 },
    });
    expect(rules.find((r) => r.id === "expire-docs")).toBeUndefined();
    expect(built.control("SAI-GOV-01").status).toBe("implemented");
  });

  it("locks audit logs in compliance mode for auditLockDays", () => {
    expect(
      built.named(
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        "st-audit-logs-object-lock",
      ).inputs,
    ).toEqual({
      bucket: "st-audit-logs",
      region: REGION,
      rule: { defaultRetention: { mode: "COMPLIANCE", days: 400 } },
    });
    expect(built.control("SAI-RES-01").status).toBe("implemented");
    expect(built.control("SAI-TLS-02").status).toBe("gap");
    expect(built.control("SAI-TLS-02").note).toContain("1.2");
  });
});

describe("network", () => {
  let built: BuiltAwsPlatform;
  beforeAll(async () => {
    built = await buildAws(
      "nw",
      awsArgs({
        network: { cidr: "10.8.0.0/16", zoneCount: 3 },
        models: [{ name: "a" }, { name: "b", serving: "bedrock" }],
      }),
    );
  });

  it("carves subnets from the VPC range", () => {
    expect(subnetCidr("10.40.0.0/16", 3, 1)).toBe("10.40.32.0/19");
    expect(subnetCidr("192.168.4.0/24", 3, 7)).toBe("192.168.4.224/27");
    expect(() => subnetCidr("10.0.0.0/24", 3, 8)).toThrow(RangeError);
  });

  it("creates private subnets only, without public IPs, internet gateway or NAT", () => {
    expect(built.named("aws:ec2/vpc:Vpc", "nw-vpc").inputs).toMatchObject({
      cidrBlock: "10.8.0.0/16",
      enableDnsSupport: true,
      enableDnsHostnames: true,
    });
    const subnets = built.ofType("aws:ec2/subnet:Subnet");
    expect(
      subnets.map((s) => [s.inputs.cidrBlock, s.inputs.availabilityZone, s.inputs.mapPublicIpOnLaunch]),
    ).toEqual([
      ["10.8.0.0/19", `${REGION}a`, false],
      ["10.8.32.0/19", `${REGION}b`, false],
      ["10.8.64.0/19", `${REGION}c`, false],
    ]);
    for (const type of [
      "aws:ec2/internetGateway:InternetGateway",
      "aws:ec2/natGateway:NatGateway",
      "aws:ec2/eip:Eip",
      "aws:lb/loadBalancer:LoadBalancer",
    ]) {
      expect(built.ofType(type)).toEqual([]);
    }
  });

  it("filters subnets with a NACL and starts security groups empty", () => {
    expect(built.named("aws:ec2/networkAcl:NetworkAcl", "nw-private-acl").inputs).toMatchObject({
      subnetIds: ["nw-private-0-id", "nw-private-1-id", "nw-private-2-id"],
      ingress: [
        {
          ruleNo: 100,
          action: "allow",
          protocol: "tcp",
          cidrBlock: "10.8.0.0/16",
          fromPort: 443,
          toPort: 443,
        },
        {
          ruleNo: 110,
          action: "allow",
          protocol: "tcp",
          cidrBlock: "0.0.0.0/0",
          fromPort: 1024,
          toPort: 65535,
        },
      ],
    });
    for (const group of built.ofType("aws:ec2/securityGroup:SecurityGroup")) {
      expect(group.inputs.ingress ?? []).toEqual([]);
      expect(group.inputs.egress ?? []).toEqual([]);
    }
    expect(
      built.named("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "nw-default-sg").inputs,
    ).toMatchObject({ ingress: [], egress: [] });
    expect(
      built.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "nw-endpoint-sg-https-in")
        .inputs,
    ).toMatchObject({
      securityGroupId: "nw-endpoint-sg-id",
      referencedSecurityGroupId: "nw-workload-sg-id",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
    });
  });

  it("reaches S3 through a gateway and AWS APIs through interface endpoints with private DNS and account-scoped policies", () => {
    expect(interfaceEndpointServices(new Set(["sagemaker"]))).toEqual([
      "kms",
      "sts",
      "logs",
      "sagemaker.api",
      "sagemaker.runtime",
    ]);
    const endpoints = built.ofType("aws:ec2/vpcEndpoint:VpcEndpoint");
    expect(endpoints.map((e) => [e.inputs.serviceName, e.inputs.vpcEndpointType]).sort()).toEqual(
      [
        ["s3", "Gateway"],
        ["kms", "Interface"],
        ["sts", "Interface"],
        ["logs", "Interface"],
        ["sagemaker.api", "Interface"],
        ["sagemaker.runtime", "Interface"],
        ["bedrock-runtime", "Interface"],
      ]
        .map(([service, kind]) => [`com.amazonaws.${REGION}.${service}`, kind])
        .sort(),
    );
    for (const endpoint of endpoints.filter((e) => e.inputs.vpcEndpointType === "Interface")) {
      expect(endpoint.inputs).toMatchObject({
        privateDnsEnabled: true,
        securityGroupIds: ["nw-endpoint-sg-id"],
      });
      expect(parsePolicy(endpoint.inputs.policy).Statement[0]?.Condition).toEqual({
        StringEquals: { "aws:PrincipalAccount": ACCOUNT_ID },
      });
    }
  });

  it("logs all VPC traffic to a KMS-encrypted log group", () => {
    expect(built.named("aws:ec2/flowLog:FlowLog", "nw-flow-log").inputs).toMatchObject({
      vpcId: "nw-vpc-id",
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/secure-ai/nw/vpc-flow`,
      iamRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/nw-flow-log-role`,
    });
    expect(built.named("aws:cloudwatch/logGroup:LogGroup", "nw-vpc-flow-logs").inputs).toMatchObject({
      kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/nw-logs-key-id`,
      retentionInDays: 365,
    });
  });

  it("uses an existing network without creating a VPC, and reports what it cannot verify", async () => {
    const existing = await buildAws(
      "ex",
      awsArgs({
        network: {
          existing: { networkId: "vpc-0abc1234", subnetIds: ["subnet-0aaa1111", "subnet-0bbb2222"] },
        },
      }),
    );
    expect(existing.ofType("aws:ec2/vpc:Vpc")).toEqual([]);
    expect(existing.ofType("aws:ec2/subnet:Subnet")).toEqual([]);
    expect(existing.named("aws:ec2/vpcEndpoint:VpcEndpoint", "ex-kms-endpoint").inputs).toMatchObject({
      vpcId: "vpc-0abc1234",
      subnetIds: ["subnet-0aaa1111", "subnet-0bbb2222"],
    });
    expect(existing.outputs.networkId).toBe("vpc-0abc1234");
    expect(existing.control("SAI-NET-01").status).toBe("gap");
    expect(existing.control("SAI-NET-04").status).toBe("gap");
  });
});
