import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError } from "../../components/errors";
import { SecureAiPlatform } from "../../components/platform";
import { CONTROL_IDS } from "../../components/controls/ids";
import type { SecureAiPlatformArgs } from "../../components/spec/args";
import {
  ACCOUNT_ID,
  REGION,
  type AwsResource,
  awsArgs,
  buildAws,
  installAwsMocks,
  parsePolicy,
} from "../helpers/aws-mocks";

beforeAll(installAwsMocks);

/** Inputs that would give a resource a public address or endpoint. */
function publicExposure(resource: AwsResource): string | undefined {
  const i = resource.inputs;
  if (i.mapPublicIpOnLaunch === true) return "subnet maps public IPs";
  if (i.associatePublicIpAddress === true) return "public IP on an instance";
  if (resource.type === "aws:lb/loadBalancer:LoadBalancer" && i.internal !== true)
    return "internet-facing load balancer";
  if (
    ["aws:ec2/internetGateway:InternetGateway", "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip"].includes(
      resource.type,
    )
  )
    return resource.type;
  if (resource.type === "aws:sagemaker/model:Model" && (i.enableNetworkIsolation !== true || !i.vpcConfig))
    return "model outside the VPC";
  if (
    resource.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" &&
    i.cidrIpv4 === "0.0.0.0/0"
  )
    return "ingress from anywhere";
  return undefined;
}

describe("default platform evidence", () => {
  it("reports every control ID once with an honest status", async () => {
    const built = await buildAws("ev", awsArgs({ detection: { notificationEmails: ["soc@example.com"] } }));
    expect(built.controls.map((c) => c.id)).toEqual([...CONTROL_IDS]);
    const statuses = Object.fromEntries(built.controls.map((c) => [c.id, c.status]));
    expect(statuses).toEqual({
      "SAI-ENC-01": "implemented",
      "SAI-ENC-02": "implemented",
      "SAI-ENC-03": "implemented",
      "SAI-ENC-04": "not-applicable",
      "SAI-ENC-05": "implemented",
      "SAI-ENC-06": "implemented",
      "SAI-ENC-07": "implemented",
      "SAI-ENC-08": "not-applicable",
      "SAI-TLS-01": "not-applicable",
      "SAI-TLS-02": "gap",
      "SAI-TLS-03": "not-applicable",
      "SAI-NET-01": "implemented",
      "SAI-NET-02": "gap",
      "SAI-NET-03": "implemented",
      "SAI-NET-04": "implemented",
      "SAI-NET-05": "not-applicable",
      "SAI-IAM-01": "implemented",
      "SAI-IAM-02": "not-applicable",
      "SAI-IAM-03": "implemented",
      "SAI-IAM-04": "not-applicable",
      "SAI-IAM-05": "gap",
      "SAI-LOG-01": "implemented",
      "SAI-LOG-02": "implemented",
      "SAI-LOG-03": "gap",
      "SAI-LOG-04": "implemented",
      "SAI-DET-01": "implemented",
      "SAI-DET-02": "implemented",
      "SAI-IR-01": "implemented",
      "SAI-MOD-01": "implemented",
      "SAI-MOD-02": "implemented",
      "SAI-MOD-03": "gap",
      "SAI-GOV-01": "not-applicable",
      "SAI-GOV-02": "implemented",
      "SAI-GOV-03": "gap",
      "SAI-RES-01": "implemented",
    });
    for (const entry of built.controls) {
      if (entry.status !== "implemented") expect(entry.note, entry.id).toBeTruthy();
      for (const urn of entry.resources)
        expect(urn).toMatch(/^urn:pulumi:dev::aws-test::secure-ai-platform:index:SecureAiPlatform\$aws:/);
    }
  });

  it("exposes nothing publicly when the public API is off", async () => {
    const built = await buildAws(
      "priv",
      awsArgs({ models: [{ name: "a" }, { name: "b", serving: "bedrock" }] }),
    );
    expect(built.resources.map((r) => [r.name, publicExposure(r)]).filter(([, why]) => why)).toEqual([]);
    expect(built.outputs.publicEndpoint).toBeUndefined();
    for (const resource of built.resources) {
      if (resource.type === "aws:ec2/vpc:Vpc" || resource.type.startsWith("aws:iam/")) continue;
      expect(resource.inputs.region, resource.name).toBe(REGION);
    }
  });

  it("serves SageMaker models network-isolated in the VPC with the model's key on the endpoint", async () => {
    const built = await buildAws("sm", awsArgs());
    expect(built.named("aws:sagemaker/model:Model", "sm-assistant").inputs).toMatchObject({
      executionRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/sm-model-assistant-role`,
      enableNetworkIsolation: true,
      vpcConfig: { subnets: ["sm-private-0-id", "sm-private-1-id"], securityGroupIds: ["sm-workload-sg-id"] },
      primaryContainer: { modelDataUrl: "s3://sm-artifacts/models/assistant/model.tar.gz" },
    });
    expect(
      built.named("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "sm-assistant-config").inputs,
    ).toMatchObject({
      kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/sm-model-assistant-key-id`,
      productionVariants: [{ variantName: "primary", initialInstanceCount: 1, instanceType: "ml.m5.xlarge" }],
    });
    expect(built.outputs.modelEndpoints).toEqual({ assistant: "sm-assistant-endpoint" });
    // The model waits for its key and its role's permissions, so the endpoint can fetch artifacts and decrypt.
    expect(built.named("aws:sagemaker/model:Model", "sm-assistant").dependsOn).toEqual([
      "sm-model-assistant-key",
      "sm-model-assistant-policy",
    ]);
  });

  it("reports the endpoint volume gap for instance types with local storage", async () => {
    const built = await buildAws(
      "nvme",
      awsArgs({
        models: [{ name: "big", instanceType: "ml.g5.2xlarge", artifact: "models/big/model.tar.gz" }],
      }),
    );
    expect(
      built.named("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "nvme-big-config").inputs
        .kmsKeyArn,
    ).toBeUndefined();
    expect(built.control("SAI-ENC-01").status).toBe("gap");
  });

  it("guards Bedrock models with an encrypted guardrail and lets the role invoke only with it", async () => {
    const built = await buildAws("br", awsArgs({ models: [{ name: "chat", serving: "bedrock" }] }));
    expect(built.named("aws:bedrock/guardrail:Guardrail", "br-chat-guardrail").inputs).toMatchObject({
      kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/br-model-chat-key-id`,
    });
    const policy = parsePolicy(
      built.named("aws:iam/rolePolicy:RolePolicy", "br-model-chat-policy").inputs.policy,
    );
    expect(policy.Statement[0]).toMatchObject({
      Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:Converse*"],
      Resource: [`arn:aws:bedrock:${REGION}::foundation-model/amazon.nova-lite-v1:0`],
      Condition: {
        StringEquals: {
          "bedrock:GuardrailIdentifier": `arn:aws:bedrock:${REGION}:${ACCOUNT_ID}:guardrail/br-chat-guardrail-id`,
        },
      },
    });
    expect(built.ofType("aws:sagemaker/model:Model")).toEqual([]);
  });
});

describe("audit and response", () => {
  it("builds a validated multi-region trail, alarms to an encrypted topic, and routes findings above the threshold", async () => {
    const built = await buildAws(
      "au",
      awsArgs({
        detection: {
          severityThreshold: "high",
          notificationEmails: ["soc@example.com"],
          notificationWebhooks: ["https://hooks.example.com/x"],
        },
      }),
    );
    const trail = built.named("aws:cloudtrail/trail:Trail", "au-trail");
    expect(trail.inputs).toMatchObject({
      name: "au-audit-trail",
      s3BucketName: "au-audit-logs",
      kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/au-logs-key-id`,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      cloudWatchLogsGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/secure-ai/au/cloudtrail:*`,
    });
    expect(trail.dependsOn).toContain("au-audit-logs-policy");
    const selectors = trail.inputs.advancedEventSelectors as {
      fieldSelectors: { field: string; equals?: string[]; startsWiths?: string[] }[];
    }[];
    expect(
      selectors.flatMap((s) =>
        s.fieldSelectors.filter((f) => f.field === "resources.type").flatMap((f) => f.equals),
      ),
    ).toEqual(["AWS::S3::Object", "AWS::SageMaker::Endpoint", "AWS::Bedrock::Guardrail"]);
    const alarms = built.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
    expect(alarms.map((a) => a.inputs.name)).toEqual([
      "au-unauthorized-kms-access",
      "au-kms-key-disable-or-deletion",
      "au-cloudtrail-changes",
      "au-root-account-use",
      "au-unauthorized-api-calls",
      "au-security-group-changes",
    ]);
    for (const alarm of alarms)
      expect(alarm.inputs.alarmActions).toEqual([`arn:aws:sns:${REGION}:${ACCOUNT_ID}:au-security-findings`]);
    expect(built.named("aws:sns/topic:Topic", "au-findings-topic").inputs.kmsMasterKeyId).toBe(
      `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/au-logs-key-id`,
    );
    const topicPolicy = parsePolicy(
      built.named("aws:sns/topicPolicy:TopicPolicy", "au-findings-topic-policy").inputs.policy,
    );
    expect(topicPolicy.Statement[0]).toMatchObject({
      Principal: { Service: "events.amazonaws.com" },
      Condition: {
        ArnEquals: {
          "aws:SourceArn": [
            `arn:aws:events:${REGION}:${ACCOUNT_ID}:rule/au-findings-guardduty`,
            `arn:aws:events:${REGION}:${ACCOUNT_ID}:rule/au-findings-securityhub`,
          ],
        },
      },
    });
    expect(
      JSON.parse(
        built.named("aws:cloudwatch/eventRule:EventRule", "au-findings-guardduty").inputs
          .eventPattern as string,
      ),
    ).toEqual({
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { severity: [{ numeric: [">=", 7] }] },
    });
    const hub = JSON.parse(
      built.named("aws:cloudwatch/eventRule:EventRule", "au-findings-securityhub").inputs
        .eventPattern as string,
    );
    expect(hub.detail.findings.Severity.Label).toEqual(["HIGH", "CRITICAL"]);
    expect(
      built
        .ofType("aws:sns/topicSubscription:TopicSubscription")
        .map((s) => [s.inputs.protocol, s.inputs.endpoint]),
    ).toEqual([
      ["email", "soc@example.com"],
      ["https", "https://hooks.example.com/x"],
    ]);
    expect(built.control("SAI-IR-01").status).toBe("implemented");
  });

  it("exports audit events to the SIEM destination when asked", async () => {
    const destination = `arn:aws:firehose:${REGION}:${ACCOUNT_ID}:deliverystream/siem`;
    const built = await buildAws(
      "siem",
      awsArgs({ logging: { siem: "export", siemDestination: destination } }),
    );
    expect(
      built.named("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", "siem-siem-export").inputs,
    ).toMatchObject({
      logGroup: "/secure-ai/siem/cloudtrail",
      destinationArn: destination,
      roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/siem-siem-export-role`,
    });
    expect(built.control("SAI-LOG-03").status).toBe("implemented");
  });
});

describe("singletons: create | adopt | skip", () => {
  const modes = ["create", "adopt", "skip"] as const;
  it.each(modes)("threat detection and posture management: %s", async (mode) => {
    const built = await buildAws(
      `sg-${mode}`,
      awsArgs({ detection: { singletons: { threatDetection: mode, postureManagement: mode } } }),
    );
    const detectors = built.ofType("aws:guardduty/detector:Detector");
    const features = built.ofType("aws:guardduty/detectorFeature:DetectorFeature");
    const hubs = built.ofType("aws:securityhub/account:Account");
    const standards = built.ofType("aws:securityhub/standardsSubscription:StandardsSubscription");
    if (mode === "create") {
      expect(detectors[0]?.inputs).toMatchObject({
        enable: true,
        findingPublishingFrequency: "FIFTEEN_MINUTES",
      });
      expect(features.map((f) => [f.inputs.name, f.inputs.status])).toEqual([
        ["S3_DATA_EVENTS", "ENABLED"],
        ["AI_PROTECTION", "ENABLED"],
      ]);
      expect(hubs[0]?.inputs).toMatchObject({
        enableDefaultStandards: false,
        controlFindingGenerator: "SECURITY_CONTROL",
      });
      expect(standards.map((s) => s.inputs.standardsArn)).toContain(
        `arn:aws:securityhub:${REGION}::standards/aws-foundational-security-best-practices/v/1.0.0`,
      );
      expect(standards.every((s) => s.dependsOn.includes(`sg-create-security-hub`))).toBe(true);
    } else {
      expect([...detectors, ...features, ...hubs, ...standards]).toEqual([]);
    }
    const expected = mode === "skip" ? "gap" : "implemented";
    expect(built.control("SAI-DET-01").status).toBe(expected);
    expect(built.control("SAI-DET-02").status).toBe(expected);
    if (mode === "adopt") expect(built.control("SAI-DET-01").note).toContain("adopted");
  });

  it.each(modes)("Bedrock invocation logging: %s", async (mode) => {
    const built = await buildAws(
      `il-${mode}`,
      awsArgs({
        models: [{ name: "chat", serving: "bedrock" }],
        detection: { singletons: { modelInvocationLogging: mode } },
      }),
    );
    const configs = built.ofType(
      "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
    );
    if (mode === "create") {
      expect(configs[0]?.inputs.loggingConfig).toMatchObject({
        cloudwatchConfig: {
          logGroupName: `/secure-ai/il-create/bedrock-invocations`,
          roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/il-create-bedrock-logging-role`,
        },
        textDataDeliveryEnabled: true,
      });
      expect(built.control("SAI-LOG-01").status).toBe("implemented");
    } else {
      expect(configs).toEqual([]);
      expect(built.control("SAI-LOG-01").status).toBe(mode === "adopt" ? "implemented" : "gap");
    }
  });
});

describe("public API edge", () => {
  const certificate = `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/0f0e0d0c-0b0a-0908-0706-050403020100`;
  const CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  it("puts a TLS 1.3-only, WAF-protected ALB in public subnets", async () => {
    const built = await buildAws(
      "pub",
      awsArgs({ publicApi: { enabled: true, certificate, rateLimit: 500 } }),
    );
    expect(built.named("aws:lb/listener:Listener", "pub-https").inputs).toMatchObject({
      port: 443,
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
      certificateArn: certificate,
    });
    expect(built.named("aws:lb/loadBalancer:LoadBalancer", "pub-alb").inputs).toMatchObject({
      internal: false,
      subnets: ["pub-public-0-id", "pub-public-1-id"],
      dropInvalidHeaderFields: true,
    });
    expect(built.ofType("aws:ec2/internetGateway:InternetGateway")).toHaveLength(1);
    const waf = built.named("aws:wafv2/webAcl:WebAcl", "pub-waf").inputs;
    expect(waf.scope).toBe("REGIONAL");
    const rules = waf.rules as { name: string; statement: Record<string, { limit?: number }> }[];
    expect(rules.map((r) => r.name)).toEqual([
      "rate-limit-per-ip",
      "AWSManagedRulesAmazonIpReputationList",
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
    ]);
    expect(rules[0]?.statement.rateBasedStatement?.limit).toBe(500);
    expect(
      built.named("aws:wafv2/webAclAssociation:WebAclAssociation", "pub-waf-association").inputs.resourceArn,
    ).toBe(`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/pub-alb`);
    expect(built.control("SAI-TLS-01").status).toBe("implemented");
    expect(built.control("SAI-NET-05").status).toBe("implemented");
    expect(built.outputs.publicEndpoint).toBe("https://pub-alb.elb.amazonaws.com");
    // Only the edge is public: no workload subnet maps public IPs.
    expect(built.ofType("aws:ec2/subnet:Subnet").every((s) => s.inputs.mapPublicIpOnLaunch === false)).toBe(
      true,
    );
  });

  it("uses the TLS 1.2 policy only under a waiver and reports the waiver", async () => {
    const built = await buildAws(
      "pub12",
      awsArgs({
        publicApi: { enabled: true, certificate },
        transport: { minimumTlsVersion: "1.2" },
        waivers: [{ control: "SAI-TLS-01", reason: "legacy partner clients until migration" }],
      }),
    );
    expect(built.named("aws:lb/listener:Listener", "pub12-https").inputs.sslPolicy).toBe(
      "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
    );
    expect(built.control("SAI-TLS-01").status).toBe("waived");
  });

  it("verifies client certificates against a trust store when mutual TLS is on", async () => {
    const built = await buildAws(
      "mtls",
      awsArgs({
        publicApi: { enabled: true, certificate },
        transport: { mutualTls: { enabled: true, caBundle: CA } },
      }),
    );
    expect(built.named("aws:s3/bucketObjectv2:BucketObjectv2", "mtls-mtls-ca-bundle").inputs).toMatchObject({
      bucket: "mtls-artifacts",
      key: "edge/mtls-ca-bundle.pem",
      content: CA,
      bucketKeyEnabled: false,
    });
    expect(built.named("aws:lb/trustStore:TrustStore", "mtls-mtls-trust-store").inputs).toMatchObject({
      caCertificatesBundleS3Bucket: "mtls-artifacts",
      caCertificatesBundleS3Key: "edge/mtls-ca-bundle.pem",
    });
    expect(built.named("aws:lb/listener:Listener", "mtls-https").inputs.mutualAuthentication).toMatchObject({
      mode: "verify",
    });
    expect(built.control("SAI-TLS-03").status).toBe("implemented");
  });
});

describe("isolation and loading", () => {
  it("lets two platforms share a stack without colliding", async () => {
    const [one, two] = await Promise.all([buildAws("alpha", awsArgs()), buildAws("beta", awsArgs())]);
    const names = [...one.resources, ...two.resources].map((r) => `${r.type}::${r.name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const [platform, built] of [
      ["alpha", one],
      ["beta", two],
    ] as const) {
      for (const r of built.resources) expect(r.name.startsWith(`${platform}-`), r.name).toBe(true);
      // Physical names the backend sets (a detector feature's `name` is the feature, not a resource name).
      const physical = built.resources
        .filter((r) => r.type !== "aws:guardduty/detectorFeature:DetectorFeature")
        .flatMap((r) => (typeof r.inputs.name === "string" ? [r.inputs.name] : []));
      for (const name of physical) expect(name, name).toContain(platform);
    }
  });

  it("keeps resources per model modest", async () => {
    const [one, ten] = await Promise.all([
      buildAws("one", awsArgs()),
      buildAws(
        "ten",
        awsArgs({
          models: Array.from({ length: 10 }, (_, i) => ({
            name: `m${i}`,
            artifact: `models/m${i}/model.tar.gz`,
          })),
        }),
      ),
    ]);
    expect((ten.resources.length - one.resources.length) / 9).toBe(7);
  });
});

describe("AWS-specific bad input", () => {
  const certificate = `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/0f0e0d0c-0b0a-0908-0706-050403020100`;
  const cases: [string, Partial<SecureAiPlatformArgs>][] = [
    ["aws.region", { aws: { region: "europe-west4" } }],
    [
      "aws.customKeyStoreId",
      { aws: { region: REGION, customKeyStoreId: "store-1" }, models: [{ name: "a", sensitivity: "high" }] },
    ],
    ["encryption.rotationDays", { encryption: { rotationDays: 30 } }],
    ["encryption.breakGlassPrincipals[0]", { encryption: { breakGlassPrincipals: ["alice@example.com"] } }],
    ["encryption.externalKeyStore", { encryption: { externalKeyStore: "cks-abcdefabcdefabcde" } }],
    ["identity.dataScientists[0]", { identity: { dataScientists: ["arn:aws:s3:::bucket"] } }],
    [
      "network.existing.networkId",
      { network: { existing: { networkId: "net-1", subnetIds: ["subnet-0aaa1111"] } } },
    ],
    ["models[0].instanceType", { models: [{ name: "a", instanceType: "m5.xlarge" }] }],
    ["publicApi.certificate", { publicApi: { enabled: true } }],
    [
      "network.existing",
      {
        publicApi: { enabled: true, certificate },
        network: { existing: { networkId: "vpc-0abc1234", subnetIds: ["subnet-0aaa1111"] } },
      },
    ],
    ["logging.siemDestination", { logging: { siem: "export", siemDestination: "https://siem.example.com" } }],
  ];
  it.each(cases)("rejects %s before creating any child", (path, overrides) => {
    const children: string[] = [];
    let error: unknown;
    try {
      new SecureAiPlatform(`bad-${children.length}`, awsArgs(overrides), {
        transformations: [
          (child) => {
            if (child.type !== "secure-ai-platform:index:SecureAiPlatform") children.push(child.name);
            return undefined;
          },
        ],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SecureAiConfigError);
    expect((error as SecureAiConfigError).path).toBe(path);
    expect(children).toEqual([]);
  });
});
