/**
 * The secure-ai pack started as the CLI starts it for `pulumi up` (PULUMI_DRY_RUN=false): every value it
 * could not read is a violation naming the property, and the planted cases are reported on known values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyzerClient } from "../../preflight/analyzer/client";
import { launchPolicyPack, type PolicyPackProcess } from "../../preflight/analyzer/launch";
import {
  BUCKET,
  BUCKET_ENCRYPTION,
  KMS_KEY,
  PACK_DIR,
  TOPIC,
  UNKNOWN,
  of,
  resource,
  stackResource,
} from "./protocol-fixtures";

describe("the secure-ai pack started for an update (PULUMI_DRY_RUN=false)", { timeout: 180_000 }, () => {
  let pack: PolicyPackProcess | undefined;
  let client: AnalyzerClient | undefined;
  const connected = (): AnalyzerClient => {
    if (client === undefined) throw new Error("the pack did not start");
    return client;
  };

  beforeAll(async () => {
    pack = await launchPolicyPack(PACK_DIR, {
      preferCompiled: false,
      startTimeoutMs: 170_000,
      context: { project: "secure-ai", stack: "protocol", dryRun: false },
    });
    client = new AnalyzerClient(pack.address, { callTimeoutMs: 170_000 });
    await client.handshake(pack.dir);
    await client.configureStack({ stack: "protocol", project: "secure-ai", dryRun: false });
  }, 180_000);

  afterAll(async () => {
    client?.close();
    await pack?.close();
  });

  it("reports a value still unknown in the update as a mandatory violation naming it", async () => {
    const result = await connected().analyze(
      resource(TOPIC, "events", { name: "events", kmsMasterKeyId: UNKNOWN }),
    );
    const findings = of(result.diagnostics, "aws-sns-topic-require-cmk");
    expect(findings.map((diagnostic) => diagnostic.enforcementLevel)).toEqual(["mandatory"]);
    expect(findings[0]!.message).toContain("kmsMasterKeyId could not be read during the update");
    expect(result.notApplicable.map((entry) => entry.reason)).not.toContainEqual(
      expect.stringMatching(/^unknown-inputs:/),
    );
  });

  it("planted: the known AES256 algorithm of an S3 rule is reported in the update", async () => {
    const bucket = resource(BUCKET, "planted-bucket", { bucket: "planted-bucket-1a2b", forceDestroy: false });
    const encryption = resource(
      BUCKET_ENCRYPTION,
      "planted-bucket-encryption",
      {
        bucket: "planted-bucket-1a2b",
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
      },
      { bucket: [bucket.urn] },
    );
    const result = await connected().analyzeStack([stackResource(), bucket, encryption]);
    const findings = of(result.diagnostics, "aws-s3-bucket-require-cmk-encryption");
    expect(findings.map((diagnostic) => diagnostic.urn)).toEqual([bucket.urn]);
    expect(findings[0]!.message).toContain('sseAlgorithm is "AES256"');
  });

  it("a key policy with a null administrator is rejected as KMS would", async () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "KeyAdministrationWithoutUse",
          Effect: "Allow",
          Principal: { AWS: [null] },
          Action: ["kms:PutKeyPolicy"],
          Resource: "*",
        },
      ],
    });
    const result = await connected().analyze(
      resource(KMS_KEY, "null-admin", { policy, enableKeyRotation: true }),
    );
    const messages = of(result.diagnostics, "aws-kms-key-require-administrator").map(
      (diagnostic) => diagnostic.message,
    );
    expect(messages.join("\n")).toContain("MalformedPolicyDocumentException");
  });
});
