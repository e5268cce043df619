/**
 * The AWS stack policies that observe SAI-NET-04, SAI-LOG-04, SAI-ENC-06 and SAI-ENC-02: network ACLs on
 * every subnet, metric filters with acting alarms, KMS calls logged and alarmed, one key per model.
 */
import { describe, expect, it } from "vitest";
import { awsCloudwatchLogmetricfilterRequireAlarm } from "../../policy-packs/secure-ai/policies/aws/cloudwatch-logmetricfilter-require-alarm";
import { awsEc2SubnetRequireNetworkAcl } from "../../policy-packs/secure-ai/policies/aws/ec2-subnet-require-network-acl";
import { awsKmsKeyLimitToOneModel } from "../../policy-packs/secure-ai/policies/aws/kms-key-limit-to-one-model";
import { awsKmsKeyRequireAccessAlarm } from "../../policy-packs/secure-ai/policies/aws/kms-key-require-access-alarm";
import { UNKNOWN, runStackPolicy, withValue, type Fixture } from "./gcp/harness";
import { describeStackPasses } from "./passes";

const urn = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const T = {
  vpc: "aws:ec2/vpc:Vpc",
  subnet: "aws:ec2/subnet:Subnet",
  acl: "aws:ec2/networkAcl:NetworkAcl",
  association: "aws:ec2/networkAclAssociation:NetworkAclAssociation",
  aclRule: "aws:ec2/networkAclRule:NetworkAclRule",
  defaultAcl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
  key: "aws:kms/key:Key",
  trail: "aws:cloudtrail/trail:Trail",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  filter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  endpointConfig: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
  guardrail: "aws:bedrock/guardrail:Guardrail",
};
/** Replaces the fixture named `name` by `fixture`, or drops it when `fixture` is undefined. */
const swap = (stack: readonly Fixture[], name: string, fixture?: Fixture) =>
  stack.flatMap((entry) => (entry.name === name ? (fixture === undefined ? [] : [fixture]) : [entry]));
const edit = (stack: readonly Fixture[], name: string, path: string, value: unknown) =>
  stack.map((entry) =>
    entry.name === name ? { ...entry, props: withValue(entry.props, path, value) } : entry,
  );

const inbound = [
  { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "10.0.0.0/16" },
  { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
];
const network: Fixture[] = [
  { type: T.vpc, name: "vpc", props: { cidrBlock: "10.0.0.0/16", defaultNetworkAclId: "acl-default" } },
  {
    type: T.subnet,
    name: "a",
    props: { id: "subnet-a", vpcId: UNKNOWN },
    propertyDependencies: { vpcId: [urn(T.vpc, "vpc")] },
  },
  { type: T.subnet, name: "b", props: { id: "subnet-b", vpcId: "vpc-1" } },
  {
    type: T.acl,
    name: "private",
    props: { vpcId: "vpc-1", ingress: inbound, subnetIds: [UNKNOWN, "subnet-b"] },
    propertyDependencies: { subnetIds: [urn(T.subnet, "a")] },
  },
];

describe("aws-ec2-subnet-require-network-acl", () => {
  const policy = awsEc2SubnetRequireNetworkAcl;
  const run = (stack: readonly Fixture[]) => runStackPolicy(policy, stack);

  it("passes when every subnet is listed by a filtering ACL (by dependency or by ID)", async () => {
    const result = await run(edit(network, "private", "subnetIds", ["subnet-a", "subnet-b"]));
    expect(result).toEqual({ violations: [], waived: [], urns: [] });
  });

  it("is mandatory and reports a subnet in no ACL, against the subnet", async () => {
    expect(policy.enforcementLevel).toBe("mandatory");
    const result = await run(edit(network, "private", "subnetIds", ["subnet-a"]));
    expect(result.violations).toEqual([expect.stringContaining('subnet "b" is in no network ACL')]);
    expect(result.urns).toEqual([urn(T.subnet, "b")]);
  });

  it("reports an ACL that allows all traffic from anywhere before any deny (0.0.0.0/0 and ::/0)", async () => {
    const allowAll = [
      { ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" },
    ];
    const ipv6 = [
      { ruleNo: 100, action: "allow", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlock: "::/0" },
    ];
    for (const ingress of [allowAll, ipv6]) {
      const result = await run(
        edit(edit(network, "private", "subnetIds", ["subnet-a", "subnet-b"]), "private", "ingress", ingress),
      );
      expect(result.violations).toEqual([
        expect.stringContaining("allows all inbound traffic from anywhere"),
        expect.stringContaining("allows all inbound traffic from anywhere"),
      ]);
    }
    const denyFirst = [
      { ruleNo: 50, action: "deny", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" },
      ...allowAll,
    ];
    const result = await run(
      edit(edit(network, "private", "subnetIds", ["subnet-a", "subnet-b"]), "private", "ingress", denyFirst),
    );
    expect(result.violations).toEqual([]);
  });

  it("follows separate associations and rules, and a managed default ACL of the subnet's VPC", async () => {
    const stack: Fixture[] = [
      ...network.slice(0, 3),
      { type: T.acl, name: "private", props: { id: "acl-1", vpcId: "vpc-1" } },
      { type: T.association, name: "b-assoc", props: { subnetId: "subnet-b", networkAclId: "acl-1" } },
      {
        type: T.aclRule,
        name: "open",
        props: {
          networkAclId: "acl-1",
          ruleNumber: 100,
          ruleAction: "allow",
          protocol: "-1",
          cidrBlock: "0.0.0.0/0",
        },
      },
      {
        type: T.defaultAcl,
        name: "default",
        props: { defaultNetworkAclId: UNKNOWN, ingress: inbound },
        propertyDependencies: { defaultNetworkAclId: [urn(T.vpc, "vpc")] },
      },
    ];
    const result = await run(stack);
    expect(result.violations).toEqual([
      expect.stringContaining('subnet "b" is in network ACL "private", which allows all'),
    ]);
    const egressOnly = edit(stack, "open", "egress", true);
    expect((await run(egressOnly)).violations).toEqual([]);
  });

  describeStackPasses(
    policy,
    edit(network, "private", "subnetIds", ["subnet-a", "subnet-b"]),
    edit(network, "private", "ingress", UNKNOWN),
  );
});

const logs = "arn:aws:logs:eu-west-1:111122223333:log-group:/audit/cloudtrail:*";
const monitoring: Fixture[] = [
  { type: T.key, name: "model-key", props: { enableKeyRotation: true } },
  { type: T.logGroup, name: "trail-logs", props: { name: "/audit/cloudtrail" } },
  {
    type: T.trail,
    name: "trail",
    props: { s3BucketName: "audit", cloudWatchLogsGroupArn: logs, isMultiRegionTrail: true },
  },
  {
    type: T.filter,
    name: "kms-denied",
    props: {
      logGroupName: "/audit/cloudtrail",
      pattern: '{ ($.eventSource = "kms.amazonaws.com") && ($.errorCode = "AccessDenied*") }',
      metricTransformation: { name: "kms-denied", namespace: "Security", value: "1" },
    },
  },
  {
    type: T.alarm,
    name: "kms-denied-alarm",
    props: {
      metricName: "kms-denied",
      namespace: "Security",
      alarmActions: ["arn:aws:sns:eu-west-1:111122223333:findings"],
      threshold: 1,
    },
  },
];

describe("aws-cloudwatch-logmetricfilter-require-alarm", () => {
  const policy = awsCloudwatchLogmetricfilterRequireAlarm;
  const run = (stack: readonly Fixture[], config = {}) => runStackPolicy(policy, stack, config);

  it("passes when every filter feeds an acting alarm and the trail's log group has one", async () => {
    expect((await run(monitoring)).violations).toEqual([]);
  });

  it.each([
    ["no alarm", swap(monitoring, "kms-denied-alarm")],
    ["alarm without actions", edit(monitoring, "kms-denied-alarm", "alarmActions", [])],
    ["actions disabled", edit(monitoring, "kms-denied-alarm", "actionsEnabled", false)],
    ["another namespace", edit(monitoring, "kms-denied-alarm", "namespace", "Other")],
    ["another metric", edit(monitoring, "kms-denied-alarm", "metricName", "other")],
  ])("reports the filter and the trail with %s", async (_name, stack) => {
    const result = await run(stack);
    expect(result.urns).toEqual([urn(T.filter, "kms-denied"), urn(T.trail, "trail")]);
  });

  it("matches an alarm through a metric query or a dependency, and honours adopted", async () => {
    const query = swap(monitoring, "kms-denied-alarm", {
      type: T.alarm,
      name: "kms-denied-alarm",
      props: {
        alarmActions: ["arn:aws:sns:x"],
        metricQueries: [
          { id: "m", metric: { metricName: "kms-denied", namespace: "Security", period: 60, stat: "Sum" } },
        ],
      },
    });
    expect((await run(query)).violations).toEqual([]);
    const linked = edit(
      edit(monitoring, "kms-denied-alarm", "metricName", UNKNOWN),
      "kms-denied-alarm",
      "namespace",
      "Security",
    );
    linked[4] = { ...linked[4], propertyDependencies: { metricName: [urn(T.filter, "kms-denied")] } };
    expect((await run(linked)).violations).toEqual([]);
    expect((await run(swap(monitoring, "kms-denied-alarm"), { adopted: true })).violations).toEqual([]);
  });

  it("reports a trail delivering to CloudWatch Logs when no filter reads its group", async () => {
    const result = await run(edit(monitoring, "kms-denied", "logGroupName", "/other"));
    expect(result.urns).toEqual([urn(T.trail, "trail")]);
    const viaGroup = edit(
      edit(monitoring, "kms-denied", "logGroupName", UNKNOWN),
      "trail",
      "cloudWatchLogsGroupArn",
      UNKNOWN,
    );
    viaGroup[2] = {
      ...viaGroup[2],
      propertyDependencies: { cloudWatchLogsGroupArn: [urn(T.logGroup, "trail-logs")] },
    };
    viaGroup[3] = { ...viaGroup[3], propertyDependencies: { logGroupName: [urn(T.logGroup, "trail-logs")] } };
    expect((await run(viaGroup)).violations).toEqual([]);
  });

  describeStackPasses(policy, monitoring, edit(monitoring, "kms-denied-alarm", "alarmActions", UNKNOWN));
});

describe("aws-kms-key-require-access-alarm", () => {
  const policy = awsKmsKeyRequireAccessAlarm;
  const run = (stack: readonly Fixture[], config = {}) => runStackPolicy(policy, stack, config);

  it("passes with a trail logging KMS calls and an alarmed AccessDenied filter (a generic one counts)", async () => {
    expect((await run(monitoring)).violations).toEqual([]);
    const generic = edit(
      monitoring,
      "kms-denied",
      "pattern",
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    );
    expect((await run(generic)).violations).toEqual([]);
  });

  it("says nothing about a stack without keys, or with adopted monitoring", async () => {
    expect((await run(swap(monitoring, "model-key"))).violations).toEqual([]);
    expect((await run(swap(monitoring, "trail"), { adopted: true })).violations).toEqual([]);
  });

  it.each([
    ["no trail", swap(monitoring, "trail"), "no CloudTrail trail"],
    ["logging off", edit(monitoring, "trail", "enableLogging", false), "enableLogging is false"],
    [
      "KMS excluded",
      edit(monitoring, "trail", "eventSelectors", [
        { includeManagementEvents: true, excludeManagementEventSources: ["kms.amazonaws.com"] },
      ]),
      "including kms.amazonaws.com",
    ],
    [
      "write-only",
      edit(monitoring, "trail", "eventSelectors", [{ readWriteType: "WriteOnly" }]),
      "including kms.amazonaws.com",
    ],
    [
      "no management events",
      edit(monitoring, "trail", "eventSelectors", [{ includeManagementEvents: false }]),
      "including kms.amazonaws.com",
    ],
    [
      "advanced selector excluding KMS",
      edit(monitoring, "trail", "advancedEventSelectors", [
        {
          fieldSelectors: [
            { field: "eventCategory", equals: ["Management"] },
            { field: "eventSource", notEquals: ["kms.amazonaws.com"] },
          ],
        },
      ]),
      "advanced event selector",
    ],
    [
      "advanced selector on writes only",
      edit(monitoring, "trail", "advancedEventSelectors", [
        {
          fieldSelectors: [
            { field: "eventCategory", equals: ["Management"] },
            { field: "readOnly", equals: ["false"] },
          ],
        },
      ]),
      "advanced event selector",
    ],
    [
      "a filter on other errors",
      edit(monitoring, "kms-denied", "pattern", '{ $.eventName = "DisableKey" }'),
      "AccessDenied",
    ],
    [
      "a filter on another source",
      edit(
        monitoring,
        "kms-denied",
        "pattern",
        '{ ($.eventSource = "s3.amazonaws.com") && ($.errorCode = "AccessDenied") }',
      ),
      "AccessDenied",
    ],
    [
      "a filter on another log group",
      edit(monitoring, "kms-denied", "logGroupName", "/other"),
      "AccessDenied",
    ],
    ["an alarm without actions", edit(monitoring, "kms-denied-alarm", "alarmActions", []), "AccessDenied"],
  ])("reports %s", async (_name, stack, expected) => {
    const result = await run(stack);
    expect(result.violations).toEqual([expect.stringContaining(expected)]);
  });

  it("accepts an advanced selector logging all management events", async () => {
    const stack = edit(monitoring, "trail", "advancedEventSelectors", [
      { name: "Management", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
    ]);
    expect((await run(stack)).violations).toEqual([]);
  });

  describeStackPasses(policy, monitoring, edit(monitoring, "kms-denied", "pattern", UNKNOWN));
});

const KEY_A = "arn:aws:kms:eu-west-1:111122223333:key/aaaa";
const models: Fixture[] = [
  { type: T.key, name: "chat-key", props: { arn: KEY_A } },
  { type: T.key, name: "triage-key", props: { arn: UNKNOWN } },
  { type: T.endpointConfig, name: "chat", props: { kmsKeyArn: KEY_A, productionVariants: [] } },
  {
    type: T.endpointConfig,
    name: "triage",
    props: { kmsKeyArn: UNKNOWN },
    propertyDependencies: { kmsKeyArn: [urn(T.key, "triage-key")] },
  },
  { type: T.guardrail, name: "chat-guardrail", props: { kmsKeyArn: KEY_A } },
];

describe("aws-kms-key-limit-to-one-model", () => {
  const policy = awsKmsKeyLimitToOneModel;

  it("passes when each model resource of a kind has its own key (a guardrail may share its model's key)", async () => {
    expect((await runStackPolicy(policy, models)).violations).toEqual([]);
  });

  it("reports two endpoint configurations on one key, by dependency, ARN or key ID", async () => {
    for (const kmsKeyArn of [KEY_A, "aaaa"]) {
      const result = await runStackPolicy(
        policy,
        edit(models, "triage", "kmsKeyArn", kmsKeyArn).map((entry) =>
          entry.name === "triage" ? { ...entry, propertyDependencies: {} } : entry,
        ),
      );
      expect(result.urns).toEqual([urn(T.endpointConfig, "chat"), urn(T.endpointConfig, "triage")]);
      expect(result.violations[0]).toContain('shares key chat-key with "triage"');
    }
  });

  it("reports two guardrails sharing a key outside the stack", async () => {
    const stack: Fixture[] = [
      {
        type: T.guardrail,
        name: "g1",
        props: { kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/outside" },
      },
      { type: T.guardrail, name: "g2", props: { kmsKeyArn: "outside" } },
    ];
    expect((await runStackPolicy(policy, stack)).violations).toHaveLength(2);
  });

  describeStackPasses(
    policy,
    edit(models, "triage-key", "arn", "arn:aws:kms:eu-west-1:111122223333:key/bbbb"),
    edit(models, "chat", "kmsKeyArn", UNKNOWN),
  );
});
