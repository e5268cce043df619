/**
 * One finding per resource and problem: the shapes seen on real programs (an S3 bucket whose public access
 * block leaves four flags off: five findings from two policies; an Azure OpenAI account without a customer-
 * managed key: three messages from one policy) become one finding each, keeping every policy, control and
 * message, and never hiding a mandatory finding under an advisory one.
 */
import { describe, expect, it } from "vitest";
import type { PolicyInfo } from "../../../preflight/model";
import { mergeFindings, type MergeResource } from "../../../preflight/report/merge-findings";
import { renderHtml, renderMarkdown, type ReportFinding } from "../../../preflight/report";
import { fixtureReport, KEY_URN } from "./fixture";

const BUCKET = "urn:pulumi:dev::p::aws:s3/bucket:Bucket::data";
const BLOCK = "urn:pulumi:dev::p::aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::data-pab";
const POLICY_DOC = "urn:pulumi:dev::p::aws:s3/bucketPolicy:BucketPolicy::data-policy";
const ACCOUNT = "urn:pulumi:dev::p::azure-native:cognitiveservices:Account::openai";

const BUCKET_DESCRIPTION =
  "Every S3 bucket has an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.";
const BLOCK_DESCRIPTION = "S3 bucket public access blocks set all four flags to true.";
const CMK_DESCRIPTION = "Cognitive Services accounts use a customer-managed key.";

function info(name: string, description: string, controls: string[]): PolicyInfo {
  return { name, description, enforcementLevel: "mandatory", type: "resource", severity: "high", tags: controls, controls };
}

const POLICIES = [
  info("aws-s3-bucket-require-public-access-block", BUCKET_DESCRIPTION, ["SAI-NET-02", "SAI-MOD-01"]),
  info("aws-s3-bucketpublicaccessblock-require-all-blocked", BLOCK_DESCRIPTION, ["SAI-NET-02"]),
  info("aws-s3-bucketpolicy-disallow-public-principal", "Bucket policies allow no public principal.", ["SAI-NET-02"]),
  info("azure-cognitiveservices-account-require-cmk", CMK_DESCRIPTION, ["SAI-ENC-01", "SAI-MOD-01"]),
];

const RESOURCES: MergeResource[] = [
  { urn: BUCKET, type: "aws:s3/bucket:Bucket", dependencies: [] },
  { urn: BLOCK, type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", dependencies: [BUCKET] },
  { urn: POLICY_DOC, type: "aws:s3/bucketPolicy:BucketPolicy", dependencies: [BUCKET] },
  { urn: ACCOUNT, type: "azure-native:cognitiveservices:Account", dependencies: [] },
];

type Raw = Parameters<typeof mergeFindings>[0][number];

function finding(policy: string, urn: string, detail: string, extra: Partial<Raw> = {}): Raw {
  const description = POLICIES.find((entry) => entry.name === policy)!.description;
  return {
    policyPack: "secure-ai",
    policy,
    controls: POLICIES.find((entry) => entry.name === policy)!.controls,
    severity: "critical",
    enforcementLevel: "mandatory",
    urn,
    message: `${description}\n${detail}`,
    passes: ["update"],
    ...extra,
  };
}

function s3Findings(): Raw[] {
  return [
    finding("aws-s3-bucket-require-public-access-block", BUCKET, 'bucket "data" leaves some flags off'),
    ...["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].map((flag) =>
      finding("aws-s3-bucketpublicaccessblock-require-all-blocked", BLOCK, `${flag} is false; it must be true`, {
        passes: ["preview", "update"],
      }),
    ),
  ];
}

describe("mergeFindings", () => {
  it("makes one finding of an S3 public-access problem two policies reported five times", () => {
    const merged = mergeFindings(s3Findings(), RESOURCES, POLICIES);
    expect(merged).toHaveLength(1);
    const [only] = merged as [ReportFinding];
    expect(only.urn).toBe(BUCKET);
    expect(only.related).toEqual([BLOCK]);
    expect(only.policies).toEqual([
      "aws-s3-bucket-require-public-access-block",
      "aws-s3-bucketpublicaccessblock-require-all-blocked",
    ]);
    expect(only.controls).toEqual(["SAI-NET-02", "SAI-MOD-01"]);
    expect(only.details).toEqual([
      'bucket "data" leaves some flags off',
      "blockPublicAcls is false; it must be true",
      "blockPublicPolicy is false; it must be true",
      "ignorePublicAcls is false; it must be true",
      "restrictPublicBuckets is false; it must be true",
    ]);
    expect(only.passes).toEqual(["preview", "update"]);
    expect(only.message).toContain(BUCKET_DESCRIPTION);
    expect(only.message).toContain("restrictPublicBuckets is false");
  });

  it("makes one finding of one policy's three messages about one account", () => {
    const raw = ["keySource is not Microsoft.KeyVault", "keyName is not set", "keyVaultUri is not set"].map((detail) =>
      finding("azure-cognitiveservices-account-require-cmk", ACCOUNT, detail),
    );
    const merged = mergeFindings(raw, RESOURCES, POLICIES);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.details).toHaveLength(3);
    expect(merged[0]!.policies).toEqual(["azure-cognitiveservices-account-require-cmk"]);
    expect(merged[0]!.message.split(CMK_DESCRIPTION)).toHaveLength(2);
  });

  it("keeps apart different problems of one resource, even when they share a control", () => {
    const raw = [
      finding("aws-s3-bucket-require-public-access-block", BUCKET, "no public access block"),
      // The bucket policy is built from the bucket and shares SAI-NET-02, but the bucket policy's rule does not
      // name its type: a public statement is another problem than a missing block.
      finding("aws-s3-bucketpolicy-disallow-public-principal", POLICY_DOC, 'statement 0 allows principal "*"'),
    ];
    expect(mergeFindings(raw, RESOURCES, POLICIES)).toHaveLength(2);
  });

  it("never hides a mandatory finding under an advisory one", () => {
    const raw = s3Findings().map((entry, index) =>
      index === 0 ? { ...entry, enforcementLevel: "advisory" as const, severity: "medium" as const } : entry,
    );
    const [only] = mergeFindings(raw, RESOURCES, POLICIES);
    expect(only!.enforcementLevel).toBe("mandatory");
    expect(only!.severity).toBe("critical");
    expect(only!.policy).toBe("aws-s3-bucketpublicaccessblock-require-all-blocked");
    expect(only!.policies).toContain("aws-s3-bucket-require-public-access-block");
  });

  it("does not merge a waived finding with an unwaived one", () => {
    const raw = s3Findings().map((entry, index) => (index === 0 ? { ...entry, waived: true } : entry));
    const merged = mergeFindings(raw, RESOURCES, POLICIES);
    expect(merged).toHaveLength(2);
    expect(merged.filter((entry) => entry.waived === true)).toHaveLength(1);
  });
});

describe("the Markdown and HTML findings tables", () => {
  it("name every policy, resource and message of a merged finding", () => {
    const data = fixtureReport();
    const finding = data.stacks[0]!.findings.find((entry) => entry.urn === KEY_URN)!;
    finding.policies = [finding.policy, "aws-kms-key-second-opinion"];
    finding.details = ["first thing it said", "second thing it said"];
    finding.related = ["urn:pulumi:prod::demo::aws:kms/alias:Alias::chat-datasets-alias"];
    const markdown = renderMarkdown(data).replace(/\\(.)/g, "$1");
    expect(markdown).toMatch(/\| aws-kms-key-require-rotation, aws-kms-key-second-opinion \|.*Alias::chat-datasets-alias \| first thing it said; second thing it said \|/);
    const html = renderHtml(data);
    expect(html).toContain("<code>aws-kms-key-second-opinion</code>");
    expect(html).toContain("<ul><li>first thing it said</li><li>second thing it said</li></ul>");
    expect(html).toContain("Alias::chat-datasets-alias");
  });
});
