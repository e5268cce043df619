import { describe, expect, it } from "vitest";
import { analyzeResource, analyzeStack, UNKNOWN } from "./harness";
import { resourcePolicy, stackPolicy } from "./pack";

describe("preview: values not yet known", () => {
  it("a CMEK policy with an unknown key ID passes presence, without a 'can't run' downgrade", async () => {
    const result = await analyzeResource(resourcePolicy("aws-ebs-volume-require-cmk"), {
      type: "aws:ebs/volume:Volume",
      name: "v",
      props: { availabilityZone: "eu-west-1a", encrypted: true, kmsKeyId: UNKNOWN },
    });
    expect(result.findings).toEqual([]);
    // Presence passed, but which key is not known: the policy says so instead of claiming a pass.
    expect(result.notApplicable).toEqual(["unknown-inputs: kmsKeyId"]);
  });

  it("a missing key is still a mandatory violation at preview, even when other inputs are unknown", async () => {
    const result = await analyzeResource(resourcePolicy("aws-ebs-volume-require-cmk"), {
      type: "aws:ebs/volume:Volume",
      name: "v",
      props: { availabilityZone: UNKNOWN, encrypted: true, size: UNKNOWN },
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].enforcementLevel).toBe("mandatory");
    expect(result.findings[0].message).toContain("kmsKeyId is not set");
    expect(result.findings[0].message).not.toContain("can't run");
    expect(result.notApplicable).toEqual([]);
  });

  it("an unknown nested block counts as present", async () => {
    const result = await analyzeResource(resourcePolicy("aws-sagemaker-model-require-network-isolation"), {
      type: "aws:sagemaker/model:Model",
      name: "m",
      props: { executionRoleArn: UNKNOWN, enableNetworkIsolation: true, vpcConfig: UNKNOWN },
    });
    expect(result.findings).toEqual([]);
  });

  it("an unknown TLS policy is decided at apply time; a wrong known one is flagged at preview", async () => {
    const policy = resourcePolicy("aws-lb-listener-require-tls13");
    const unknown = await analyzeResource(policy, {
      type: "aws:lb/listener:Listener",
      name: "l",
      props: { protocol: "HTTPS", sslPolicy: UNKNOWN, loadBalancerArn: UNKNOWN },
    });
    expect(unknown.findings).toEqual([]);
    const wrong = await analyzeResource(policy, {
      type: "aws:lb/listener:Listener",
      name: "l",
      props: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08", loadBalancerArn: UNKNOWN },
    });
    expect(wrong.findings.map((finding) => finding.enforcementLevel)).toEqual(["mandatory"]);
  });

  it("the SDK itself downgrades a naive policy that reads the unknown value (why the helpers exist)", async () => {
    const naive = {
      name: "naive-cmek",
      description: "naive",
      enforcementLevel: "mandatory" as const,
      validateResource: (args: { props: Record<string, unknown> }, report: (message: string) => void) => {
        if (!args.props.kmsKeyId) {
          report("no key");
        }
      },
    };
    const result = await analyzeResource(naive, {
      type: "aws:ebs/volume:Volume",
      name: "v",
      props: { kmsKeyId: UNKNOWN },
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].enforcementLevel).toBe("advisory");
    expect(result.findings[0].message).toContain("can't run policy 'naive-cmek'");
  });

  it("stack correlation works when every bucket name is unknown", async () => {
    const result = await analyzeStack(stackPolicy("aws-s3-bucket-require-cmk-encryption"), [
      { type: "aws:s3/bucket:Bucket", name: "a", props: { bucket: UNKNOWN } },
      { type: "aws:s3/bucket:Bucket", name: "b", props: { bucket: UNKNOWN } },
      {
        type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        name: "a-sse",
        props: {
          bucket: UNKNOWN,
          rules: [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } },
          ],
        },
        dependsOn: { bucket: ["a"] },
      },
    ]);
    expect(result.findings.map((finding) => finding.urn)).toEqual([
      "urn:pulumi:test::secure-ai::aws:s3/bucket:Bucket::b",
    ]);
    expect(result.findings[0].enforcementLevel).toBe("mandatory");
  });
});
