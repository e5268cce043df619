import { describe, expect, it } from "vitest";
import { analyzeStack, checkStack, checkStackOutcome, UNKNOWN, type TestResource } from "./harness";
import { stackPolicy } from "./pack";

const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1";
const stack: TestResource = { type: "pulumi:pulumi:Stack", name: "secure-ai-test", props: {} };
const bucket: TestResource = {
  type: "aws:s3/bucket:Bucket",
  name: "data",
  props: { bucket: UNKNOWN, tags: { "personal-data": "true" } },
};
const sse: TestResource = {
  type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  name: "data-sse",
  props: {
    bucket: UNKNOWN,
    rules: [
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY },
        bucketKeyEnabled: true,
      },
    ],
  },
  dependsOn: { bucket: ["data"] },
};
const pab: TestResource = {
  type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  name: "data-pab",
  props: {
    bucket: UNKNOWN,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  },
  dependsOn: { bucket: ["data"] },
};
const versioning: TestResource = {
  type: "aws:s3/bucketVersioning:BucketVersioning",
  name: "data-versioning",
  props: { bucket: UNKNOWN, versioningConfiguration: { status: "Enabled" } },
  dependsOn: { bucket: ["data"] },
};
const tlsPolicy: TestResource = {
  type: "aws:s3/bucketPolicy:BucketPolicy",
  name: "data-policy",
  props: {
    bucket: UNKNOWN,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: ["arn:aws:s3:::data", "arn:aws:s3:::data/*"],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    }),
  },
  dependsOn: { bucket: ["data"] },
};
const lifecycle: TestResource = {
  type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  name: "data-lifecycle",
  props: { bucket: UNKNOWN, rules: [{ id: "expire", status: "Enabled", expiration: { days: 365 } }] },
  dependsOn: { bucket: ["data"] },
};
const s3Stack = [stack, bucket, sse, pab, versioning, tlsPolicy, lifecycle];
const without = (name: string) => s3Stack.filter((resource) => resource.name !== name);
const replace = (replacement: TestResource) =>
  s3Stack.map((resource) => (resource.name === replacement.name ? replacement : resource));

const detection: TestResource[] = [
  stack,
  {
    type: "aws:cloudtrail/trail:Trail",
    name: "trail",
    props: { s3BucketName: "audit", enableLogFileValidation: true, isMultiRegionTrail: true, kmsKeyId: KEY },
  },
  { type: "aws:guardduty/detector:Detector", name: "detector", props: { enable: true } },
  { type: "aws:securityhub/account:Account", name: "hub", props: {} },
  { type: "aws:sns/topic:Topic", name: "findings", props: { kmsMasterKeyId: KEY } },
  {
    type: "aws:cloudwatch/eventRule:EventRule",
    name: "findings-rule",
    props: { eventPattern: JSON.stringify({ source: ["aws.guardduty", "aws.securityhub"] }) },
  },
  {
    type: "aws:cloudwatch/eventTarget:EventTarget",
    name: "findings-target",
    props: { rule: UNKNOWN, arn: UNKNOWN },
    dependsOn: { rule: ["findings-rule"], arn: ["findings"] },
  },
];

describe("S3 stack policies correlate the separate aws v7 resources through property dependencies", () => {
  const cases: [string, string, TestResource[]][] = [
    ["aws-s3-bucket-require-cmk-encryption", "no server-side encryption", without("data-sse")],
    [
      "aws-s3-bucket-require-cmk-encryption",
      "sseAlgorithm",
      replace({
        ...sse,
        props: {
          bucket: UNKNOWN,
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        },
      }),
    ],
    [
      "aws-s3-bucket-require-cmk-encryption",
      "kmsMasterKeyId",
      replace({
        ...sse,
        props: {
          bucket: UNKNOWN,
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }],
        },
      }),
    ],
    ["aws-s3-bucket-require-public-access-block", "no public access block", without("data-pab")],
    [
      "aws-s3-bucket-require-public-access-block",
      "leaves some",
      replace({ ...pab, props: { ...pab.props, restrictPublicBuckets: false } }),
    ],
    ["aws-s3-bucket-require-versioning", "versioning", without("data-versioning")],
    [
      "aws-s3-bucket-require-versioning",
      "versioning",
      replace({
        ...versioning,
        props: { bucket: UNKNOWN, versioningConfiguration: { status: "Suspended" } },
      }),
    ],
    ["aws-s3-bucket-require-tls-only-policy", "no bucket policy", without("data-policy")],
    [
      "aws-s3-bucket-require-tls-only-policy",
      "SecureTransport",
      replace({
        ...tlsPolicy,
        props: {
          bucket: UNKNOWN,
          policy: JSON.stringify({
            Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject" }],
          }),
        },
      }),
    ],
    ["aws-s3-bucket-require-personal-data-expiry", "personal data", without("data-lifecycle")],
    [
      "aws-s3-bucket-require-personal-data-expiry",
      "personal data",
      replace({
        ...lifecycle,
        props: { bucket: UNKNOWN, rules: [{ id: "x", status: "Enabled", transitions: [] }] },
      }),
    ],
  ];

  it.each([...new Set(cases.map(([policy]) => policy))])("%s passes the compliant stack", async (policy) => {
    const result = await analyzeStack(stackPolicy(policy), s3Stack);
    expect(result.findings).toEqual([]);
  });

  it.each(cases)("%s flags %s", async (policy, fragment, resources) => {
    const result = await analyzeStack(stackPolicy(policy), resources);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].message).toContain(fragment);
    expect(result.findings[0].urn).toBe("urn:pulumi:test::secure-ai::aws:s3/bucket:Bucket::data");
    expect(result.findings[0].enforcementLevel).toBe(stackPolicy(policy).enforcementLevel);
  });

  it("links by equal known values when there are no property dependencies (after apply)", async () => {
    const known = s3Stack.map((resource) =>
      resource.type === "pulumi:pulumi:Stack"
        ? resource
        : { ...resource, dependsOn: undefined, props: { ...resource.props, bucket: "data-123" } },
    );
    expect((await analyzeStack(stackPolicy("aws-s3-bucket-require-cmk-encryption"), known)).findings).toEqual(
      [],
    );
    const other = known.map((resource) =>
      resource.name === "data-sse"
        ? { ...resource, props: { ...resource.props, bucket: "other-bucket" } }
        : resource,
    );
    expect(
      (await analyzeStack(stackPolicy("aws-s3-bucket-require-cmk-encryption"), other)).findings,
    ).toHaveLength(1);
  });

  it("leaves buckets without the personal-data tag to the other policies", async () => {
    const untagged = replace({ ...bucket, props: { bucket: UNKNOWN, tags: { team: "ml" } } }).filter(
      (resource) => resource.name !== "data-lifecycle",
    );
    expect(
      (await analyzeStack(stackPolicy("aws-s3-bucket-require-personal-data-expiry"), untagged)).findings,
    ).toEqual([]);
  });
});

describe("detection and response stack policies", () => {
  const names = [
    "aws-cloudtrail-account-require-trail",
    "aws-guardduty-account-require-detector",
    "aws-securityhub-account-require-enabled",
    "aws-cloudwatch-eventrule-require-findings-route",
  ];

  it.each(names)("%s passes a stack with trail, detector, hub and routing", async (name) => {
    expect((await analyzeStack(stackPolicy(name), detection)).findings).toEqual([]);
  });

  it.each([
    ["aws-cloudtrail-account-require-trail", "aws:cloudtrail/trail:Trail", "CloudTrail"],
    ["aws-guardduty-account-require-detector", "aws:guardduty/detector:Detector", "GuardDuty"],
    ["aws-securityhub-account-require-enabled", "aws:securityhub/account:Account", "Security Hub"],
    [
      "aws-cloudwatch-eventrule-require-findings-route",
      "aws:cloudwatch/eventTarget:EventTarget",
      "not routed",
    ],
  ])("%s flags a stack without %s, unless declared adopted", async (name, type, fragment) => {
    const missing = detection.filter((resource) => resource.type !== type);
    const findings = await checkStack(stackPolicy(name), missing);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(fragment);
    expect(await checkStack(stackPolicy(name), missing, { adopted: true })).toEqual([]);
  });

  it("flags a disabled GuardDuty detector", async () => {
    const disabled = detection.map((resource) =>
      resource.name === "detector" ? { ...resource, props: { enable: false } } : resource,
    );
    const findings = await checkStack(stackPolicy("aws-guardduty-account-require-detector"), disabled);
    expect(findings.map((finding) => finding.message)).toEqual([
      'GuardDuty detector "detector" has enable: false',
    ]);
  });

  it("flags a findings rule whose target is not an SNS topic", async () => {
    const toQueue = detection.map((resource) =>
      resource.name === "findings-target"
        ? {
            ...resource,
            props: { rule: UNKNOWN, arn: "arn:aws:sqs:eu-west-1:111122223333:q" },
            dependsOn: { rule: ["findings-rule"] },
          }
        : resource,
    );
    expect(
      await checkStack(stackPolicy("aws-cloudwatch-eventrule-require-findings-route"), toQueue),
    ).toHaveLength(1);
  });

  it("does not ask a stack without AWS resources for a trail: not applicable, no finding", async () => {
    const outcome = await checkStackOutcome(stackPolicy("aws-cloudtrail-account-require-trail"), [stack]);
    expect(outcome).toEqual({ findings: [], notApplicable: "the stack holds no AWS resources" });
  });
});
