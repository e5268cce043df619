/**
 * What a policy could not read: in preview, a validation that reported nothing but read unknown values
 * answers not-applicable `unknown-inputs: <path>, ...` (through the SDK's own server functions), while a
 * missing value is still a mandatory violation; in the update pass (`PULUMI_DRY_RUN=false`) every unknown or
 * unreadable value is a violation naming its property. Also the planted cases of issue 15 at the pack level.
 */
import { afterEach, describe, expect, it } from "vitest";
import { analyzeResource, analyzeStack, UNKNOWN, urnOf, type TestResource } from "./harness";
import { resourcePolicy, stackPolicy } from "./pack";

const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
const COGNITIVE = "azure-native:cognitiveservices:Account";

const saved = { dry: process.env.PULUMI_DRY_RUN, nodeDry: process.env.PULUMI_NODEJS_DRY_RUN };
afterEach(() => {
  for (const [key, value] of [
    ["PULUMI_DRY_RUN", saved.dry],
    ["PULUMI_NODEJS_DRY_RUN", saved.nodeDry],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function update(): void {
  process.env.PULUMI_DRY_RUN = "false";
}
function preview(): void {
  process.env.PULUMI_DRY_RUN = "true";
}

/** A bucket with a separate SSE configuration whose default-encryption rule is `byDefault`. */
function encryptedBucket(byDefault: Record<string, unknown>): TestResource[] {
  return [
    { type: BUCKET, name: "datasets", props: { bucket: UNKNOWN } },
    {
      type: SSE,
      name: "datasets-sse",
      props: { bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: byDefault }] },
      dependsOn: { bucket: ["datasets"] },
    },
  ];
}

describe("preview: unknown inputs are signalled, absent ones still violate", () => {
  it.each([undefined, "true"])("PULUMI_DRY_RUN=%s counts as a preview", async (value) => {
    if (value === undefined) delete process.env.PULUMI_DRY_RUN;
    else process.env.PULUMI_DRY_RUN = value;
    const result = await analyzeResource(resourcePolicy("aws-ebs-volume-require-cmk"), {
      type: "aws:ebs/volume:Volume",
      name: "v",
      props: { availabilityZone: "eu-west-1a", encrypted: true, kmsKeyId: UNKNOWN },
    });
    expect(result).toEqual({ findings: [], notApplicable: ["unknown-inputs: kmsKeyId"] });
  });

  it("a missing key stays a mandatory violation and is not signalled", async () => {
    preview();
    const result = await analyzeResource(resourcePolicy("aws-ebs-volume-require-cmk"), {
      type: "aws:ebs/volume:Volume",
      name: "v",
      props: { availabilityZone: UNKNOWN, encrypted: UNKNOWN },
    });
    expect(result.notApplicable).toEqual([]);
    expect(result.findings.map((finding) => finding.enforcementLevel)).toEqual(["mandatory"]);
    expect(result.findings[0]?.message).toContain("kmsKeyId is not set");
  });

  it("names nested paths, deduplicated, in read order; a whole unknown object by its own path", async () => {
    preview();
    const policy = resourcePolicy("azure-storage-account-require-cmk");
    const leaves = await analyzeResource(policy, {
      type: STORAGE_ACCOUNT,
      name: "sa",
      props: {
        encryption: {
          keySource: "Microsoft.Keyvault",
          keyVaultProperties: { keyName: UNKNOWN, keyVaultUri: UNKNOWN },
        },
      },
    });
    expect(leaves.notApplicable).toEqual([
      "unknown-inputs: encryption.keyVaultProperties.keyName, encryption.keyVaultProperties.keyVaultUri",
    ]);
    const whole = await analyzeResource(policy, {
      type: STORAGE_ACCOUNT,
      name: "sa",
      props: { encryption: UNKNOWN },
    });
    expect(whole).toEqual({ findings: [], notApplicable: ["unknown-inputs: encryption"] });
  });

  it("a stack policy names the resource of each unknown path", async () => {
    preview();
    const result = await analyzeStack(
      stackPolicy("aws-s3-bucket-require-cmk-encryption"),
      encryptedBucket({ sseAlgorithm: UNKNOWN, kmsMasterKeyId: UNKNOWN }),
    );
    const sse = urnOf(SSE, "datasets-sse");
    expect(result).toEqual({
      findings: [],
      notApplicable: [
        `unknown-inputs: ${sse}.rules.0.applyServerSideEncryptionByDefault.sseAlgorithm, ` +
          `${sse}.rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId`,
      ],
    });
  });

  it("the inline encryption block of a bucket is named by its full path", async () => {
    preview();
    const result = await analyzeStack(stackPolicy("aws-s3-bucket-require-cmk-encryption"), [
      {
        type: BUCKET,
        name: "inline",
        props: {
          serverSideEncryptionConfiguration: {
            rule: {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN },
            },
          },
        },
      },
    ]);
    expect(result.notApplicable).toEqual([
      `unknown-inputs: ${urnOf(BUCKET, "inline")}.serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId`,
    ]);
  });
});

describe("update pass (PULUMI_DRY_RUN=false): nothing unread passes", () => {
  it("an unknown value is a violation naming the property", async () => {
    update();
    const result = await analyzeResource(resourcePolicy("aws-ebs-volume-require-cmk"), {
      type: "aws:ebs/volume:Volume",
      name: "v",
      props: { availabilityZone: "eu-west-1a", encrypted: true, kmsKeyId: UNKNOWN },
    });
    expect(result.notApplicable).toEqual([]);
    expect(
      result.findings.map((finding) => [finding.enforcementLevel, finding.message.split("\n").pop()]),
    ).toEqual([
      [
        "mandatory",
        expect.stringMatching(/^kmsKeyId could not be read during the update: the value is unknown/),
      ],
    ]);
  });

  it("PULUMI_NODEJS_DRY_RUN=false (what runtime.isDryRun reads) is an update when PULUMI_DRY_RUN is unset", async () => {
    delete process.env.PULUMI_DRY_RUN;
    process.env.PULUMI_NODEJS_DRY_RUN = "false";
    const result = await analyzeResource(resourcePolicy("aws-iam-role-disallow-public-trust"), {
      type: "aws:iam/role:Role",
      name: "r",
      props: { assumeRolePolicy: UNKNOWN },
    });
    expect(result.findings[0]?.message).toContain("assumeRolePolicy could not be read during the update");
  });

  it("a would-be-unknown policy document that does not parse is a violation", async () => {
    update();
    const result = await analyzeResource(resourcePolicy("aws-iam-role-disallow-public-trust"), {
      type: "aws:iam/role:Role",
      name: "r",
      props: { assumeRolePolicy: '{"Version": "2012-10-17", "Statement": [' },
    });
    expect(result.findings.map((finding) => finding.message.split("\n").pop())).toEqual([
      "assumeRolePolicy could not be read during the update: the text is not a JSON policy document",
    ]);
  });

  it("a value of the wrong type where a string is required is a violation", async () => {
    update();
    const result = await analyzeStack(
      stackPolicy("azure-authorization-roleassignment-disallow-data-scientist-write"),
      [
        {
          type: "azure-native:authorization:RoleAssignment",
          name: "platform-dataset-reader-0",
          props: { scope: "/subscriptions/s", principalId: 42, roleDefinitionId: "r" },
        },
      ],
    );
    expect(result.findings.map((finding) => finding.message.split("\n").pop())).toEqual([
      "principalId could not be read during the update: a number where a string is required",
    ]);
  });

  it("planted: SSE-S3 (AES256) rules from an output are signalled in preview and reported in the update", async () => {
    preview();
    const policy = stackPolicy("aws-s3-bucket-require-cmk-encryption");
    const unknownRules: TestResource[] = encryptedBucket({});
    unknownRules[1] = { ...unknownRules[1]!, props: { bucket: UNKNOWN, rules: UNKNOWN } };
    expect((await analyzeStack(policy, unknownRules)).notApplicable).toEqual([
      `unknown-inputs: ${urnOf(SSE, "datasets-sse")}.rules`,
    ]);
    update();
    const known = await analyzeStack(policy, encryptedBucket({ sseAlgorithm: "AES256" }));
    expect(known.findings.map((finding) => finding.urn)).toEqual([urnOf(BUCKET, "datasets")]);
    expect(known.findings[0]?.message).toContain('sseAlgorithm is "AES256"');
  });
});

describe("planted cases of issue 15 in preview", () => {
  it("a storage account with keySource Microsoft.Storage and one unknown URI is reported", async () => {
    preview();
    const result = await analyzeResource(resourcePolicy("azure-storage-account-require-cmk"), {
      type: STORAGE_ACCOUNT,
      name: "planted",
      props: {
        kind: "StorageV2",
        encryption: {
          keySource: "Microsoft.Storage",
          keyVaultProperties: { keyName: "k", keyVaultUri: UNKNOWN },
        },
      },
    });
    expect(result.notApplicable).toEqual([]);
    expect(result.findings.map((finding) => finding.enforcementLevel)).toEqual(["mandatory"]);
    expect(result.findings[0]?.message).toContain('encryption.keySource is "Microsoft.Storage"');
  });

  it("a public, key-authenticated OpenAI account with one unknown property is reported by both rules", async () => {
    preview();
    const account = {
      type: COGNITIVE,
      name: "planted-openai",
      props: {
        kind: "OpenAI",
        properties: { publicNetworkAccess: "Enabled", disableLocalAuth: false, customSubDomainName: UNKNOWN },
      },
    };
    for (const [name, message] of [
      [
        "azure-cognitiveservices-account-disallow-public-network-access",
        'properties.publicNetworkAccess is "Enabled"',
      ],
      ["azure-cognitiveservices-account-disallow-local-auth", "properties.disableLocalAuth is false"],
    ] as const) {
      const result = await analyzeResource(resourcePolicy(name), account);
      expect(result.notApplicable, name).toEqual([]);
      expect(
        result.findings.map((finding) => finding.enforcementLevel),
        name,
      ).toEqual(["mandatory"]);
      expect(result.findings[0]?.message, name).toContain(message);
    }
  });

  it("a known leaf is judged when its sibling is unknown (Application Gateway policyType)", async () => {
    preview();
    const policy = resourcePolicy("azure-network-applicationgateway-require-tls13");
    const gateway = (policyType: string) => ({
      type: "azure-native:network:ApplicationGateway",
      name: "gw",
      props: { sslPolicy: { policyType, minProtocolVersion: UNKNOWN } },
    });
    const wrong = await analyzeResource(policy, gateway("Predefined"));
    expect(wrong.findings[0]?.message).toContain(
      "policyType Predefined, minProtocolVersion (unknown until apply)",
    );
    const right = await analyzeResource(policy, gateway("CustomV2"));
    expect(right).toEqual({ findings: [], notApplicable: ["unknown-inputs: sslPolicy.minProtocolVersion"] });
  });
});
