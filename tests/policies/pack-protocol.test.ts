/**
 * The secure-ai pack over the analyzer gRPC protocol, started the way the Pulumi CLI starts a nodejs pack
 * (`node @pulumi/pulumi/cmd/run-policy-pack <engine> .` in the pack directory, port on the first stdout line),
 * spoken to with the preflight's analyzer client: GetAnalyzerInfo, Configure, Analyze, AnalyzeStack and
 * Remediate. The pack is started once and configured once; every test reads that configuration.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyzerClient, type AnalyzerInfo } from "../../preflight/analyzer/client";
import { launchPolicyPack, type PolicyPackProcess } from "../../preflight/analyzer/launch";
import { parsePolicyConfig, reconcilePolicyConfig } from "../../preflight/analyzer/policy-config";
import type { RecordedValue } from "../../preflight/model";
import { policies } from "../../policy-packs/secure-ai/policies";
import {
  BUCKET,
  BUCKET_ENCRYPTION,
  GCS_BUCKET,
  KMS_KEY,
  PACK_DIR,
  PUBLIC_ACCESS_BLOCK,
  STORAGE_ACCOUNT,
  TOPIC,
  UNKNOWN,
  of,
  resource,
  stackResource,
} from "./protocol-fixtures";

/** What the pack is configured with: a waiver, an enforcement override and a remediate-level policy. */
const POLICY_CONFIG = {
  "aws-sns-topic-require-cmk": {
    waivers: [
      {
        resource: "legacy-*",
        reason: "legacy topic encrypted by the vendor's key until its migration",
        expires: "2999-12-31",
      },
    ],
  },
  "aws-kms-key-require-rotation": "advisory",
  "aws-s3-bucketpublicaccessblock-require-all-blocked": "remediate",
};

/** Records which grpc-js handler took each call the pack received (`tests/fixtures/preloads`). */
const HANDLER_LOG_PRELOAD = path.resolve(__dirname, "../fixtures/preloads/grpc-handler-log.js");

describe("the secure-ai pack over the analyzer protocol", { timeout: 180_000 }, () => {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-grpc-"));
  const handlerLog = path.join(logDir, "handlers.log");
  const analyzeTurnLog = path.join(logDir, "analyze-turns.log");
  let pack: PolicyPackProcess | undefined;
  let client: AnalyzerClient | undefined;
  let info: AnalyzerInfo | undefined;

  const connected = (): AnalyzerClient => {
    if (client === undefined) throw new Error("the pack did not start");
    return client;
  };
  const analyzerInfo = (): AnalyzerInfo => {
    if (info === undefined) throw new Error("GetAnalyzerInfo did not answer");
    return info;
  };

  beforeAll(async () => {
    // The TypeScript source, not a compiled copy, so the test sees the policies as they are in the tree.
    pack = await launchPolicyPack(PACK_DIR, {
      preferCompiled: false,
      startTimeoutMs: 170_000,
      context: { project: "secure-ai", stack: "protocol", dryRun: true },
      env: {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} -r ${JSON.stringify(HANDLER_LOG_PRELOAD)}`.trim(),
        SECURE_AI_TEST_GRPC_HANDLER_LOG: handlerLog,
        SECURE_AI_TEST_ANALYZE_TURN_LOG: analyzeTurnLog,
      },
    });
    client = new AnalyzerClient(pack.address, { callTimeoutMs: 170_000 });
    await client.handshake(pack.dir);
    await client.configureStack({ stack: "protocol", project: "secure-ai", dryRun: true });
    info = await client.getAnalyzerInfo();
    await client.configure(reconcilePolicyConfig(info, parsePolicyConfig(POLICY_CONFIG)));
  }, 180_000);

  afterAll(async () => {
    client?.close();
    await pack?.close();
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  it("serves every call without grpc-js's channelz bookkeeping (policies/lib/server-channelz.ts)", () => {
    // Handshake, ConfigureStack, GetAnalyzerInfo and Configure have been answered by now.
    const handlers = fs.readFileSync(handlerLog, "utf8").trim().split("\n");
    expect(handlers.length).toBeGreaterThanOrEqual(4);
    expect(new Set(handlers)).toEqual(new Set(["plain"]));
  });

  it("answers Analyze calls sent together one per turn of its event loop (policies/lib/call-pacing.ts)", async () => {
    const turnsBefore = fs.existsSync(analyzeTurnLog) ? fs.readFileSync(analyzeTurnLog, "utf8").length : 0;
    // Eight calls in flight at once, as the preflight sends them: they reach the pack together.
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        connected().analyze(resource(TOPIC, `paced-${index}`, { name: `paced-${index}` })),
      ),
    );
    const turns = fs.readFileSync(analyzeTurnLog, "utf8").slice(turnsBefore).trim().split("\n").map(Number);
    expect(turns).toHaveLength(8);
    // Each answer in a turn of its own, so each is on the wire before the next is computed.
    expect(new Set(turns).size).toBe(8);
  });

  describe("GetAnalyzerInfo", () => {
    it("names the pack and lists exactly the pack's policies, in order", () => {
      expect(analyzerInfo().name).toBe("secure-ai");
      expect(analyzerInfo().supportsConfig).toBe(true);
      expect(analyzerInfo().policies).toHaveLength(policies.length);
      expect(analyzerInfo().policies.map((policy) => policy.name)).toEqual(
        policies.map((policy) => policy.name),
      );
    });

    it("tags every policy with the SAI control IDs it enforces", () => {
      for (const declared of policies) {
        const served = analyzerInfo().policies.find((policy) => policy.name === declared.name);
        expect(served?.controls, declared.name).toEqual([...declared.definition.controls]);
        for (const id of declared.definition.controls) {
          expect(served?.tags, declared.name).toContain(id);
        }
        expect(served?.controls.length, declared.name).toBeGreaterThan(0);
      }
    });

    it("declares what each policy examines: one examines:<type> tag per declared resource type", () => {
      for (const declared of policies) {
        const served = analyzerInfo().policies.find((policy) => policy.name === declared.name);
        const examines = (served?.tags ?? []).filter((tag) => tag.startsWith("examines:"));
        expect(examines, declared.name).toEqual([
          ...new Set(declared.definition.resourceTypes.map((type) => `examines:${type}`)),
        ]);
      }
      const kms = analyzerInfo().policies.find((policy) => policy.name === "aws-kms-key-disallow-root-grant");
      expect(kms?.tags).toContain("examines:aws:kms/key:Key");
    });

    it("serves each policy at the level it declares, with its type and a waivers config schema", () => {
      for (const declared of policies) {
        const served = analyzerInfo().policies.find((policy) => policy.name === declared.name);
        expect(served?.enforcementLevel, declared.name).toBe(declared.enforcementLevel);
        expect(served?.type, declared.name).toBe("validateStack" in declared ? "stack" : "resource");
        expect(Object.keys(served?.configSchema?.properties ?? {}), declared.name).toContain("waivers");
      }
      expect(policies.filter((policy) => policy.enforcementLevel === "mandatory").length).toBeGreaterThan(0);
    });
  });

  describe("Configure", () => {
    it("applies a per-policy waiver: the finding is reported as waived and advisory, not dropped", async () => {
      const result = await connected().analyze(resource(TOPIC, "legacy-events", { name: "legacy-events" }));
      const findings = of(result.diagnostics, "aws-sns-topic-require-cmk");
      expect(findings).toHaveLength(1);
      expect(findings[0]!.enforcementLevel).toBe("advisory");
      expect(findings[0]!.message).toContain(
        "[waived: legacy topic encrypted by the vendor's key until its migration, until 2999-12-31]",
      );
      expect(findings[0]!.message).toContain("kmsMasterKeyId is not set");
    });

    it("applies an enforcement-level override to that policy only", async () => {
      const result = await connected().analyze(
        resource(KMS_KEY, "no-rotation", { enableKeyRotation: false, deletionWindowInDays: 5 }),
      );
      const rotation = of(result.diagnostics, "aws-kms-key-require-rotation");
      expect(rotation.length).toBeGreaterThan(0);
      expect(rotation.every((diagnostic) => diagnostic.enforcementLevel === "advisory")).toBe(true);
      const window = of(result.diagnostics, "aws-kms-key-limit-deletion-window");
      expect(window.map((diagnostic) => diagnostic.enforcementLevel)).toEqual(["mandatory"]);
    });
  });

  describe("Analyze", () => {
    it.each([
      ["aws", TOPIC, "aws-sns-topic-require-cmk", { name: "events" }, "kmsMasterKeyId is not set"],
      [
        "gcp",
        GCS_BUCKET,
        "gcp-storage-bucket-require-cmek",
        { name: "datasets", location: "EU", uniformBucketLevelAccess: true },
        "encryption.defaultKmsKeyName is not set",
      ],
      [
        "azure",
        STORAGE_ACCOUNT,
        "azure-storage-account-require-cmk",
        { accountName: "datasets", kind: "StorageV2", publicNetworkAccess: "Disabled" },
        "encryption.keyVaultProperties.keyName is not set",
      ],
    ])(
      "%s: a store without a customer-managed key gets the mandatory %s finding",
      async (_cloud, type, policy, properties, message) => {
        const result = await connected().analyze(
          resource(type, "bad-store", properties as Record<string, RecordedValue>),
        );
        const findings = of(result.diagnostics, policy);
        expect(findings.length).toBeGreaterThan(0);
        expect(findings.every((diagnostic) => diagnostic.enforcementLevel === "mandatory")).toBe(true);
        expect(findings.map((diagnostic) => diagnostic.message).join("\n")).toContain(message);
        expect(findings[0]!.policyPackName).toBe("secure-ai");
      },
    );

    it.each([
      [
        "aws",
        TOPIC,
        "aws-sns-topic-require-cmk",
        { name: "events", kmsMasterKeyId: UNKNOWN },
        "unknown-inputs: kmsMasterKeyId",
      ],
      [
        "gcp",
        GCS_BUCKET,
        "gcp-storage-bucket-require-cmek",
        { name: "datasets", encryption: { defaultKmsKeyName: UNKNOWN } },
        "unknown-inputs: encryption.defaultKmsKeyName",
      ],
      [
        "azure",
        STORAGE_ACCOUNT,
        "azure-storage-account-require-cmk",
        {
          accountName: "datasets",
          encryption: {
            keySource: "Microsoft.Keyvault",
            keyVaultProperties: { keyName: UNKNOWN, keyVaultUri: UNKNOWN },
          },
        },
        "unknown-inputs: encryption.keyVaultProperties.keyName, encryption.keyVaultProperties.keyVaultUri",
      ],
    ])(
      '%s: a key not known until apply counts as set, is signalled as unknown-inputs, and nothing degrades to "can\'t run during preview"',
      async (_cloud, type, policy, properties, reason) => {
        const result = await connected().analyze(
          resource(type, "preview-store", properties as Record<string, RecordedValue>),
        );
        expect(of(result.diagnostics, policy)).toEqual([]);
        expect(
          result.diagnostics.filter((diagnostic) => /can't run policy/.test(diagnostic.message)),
        ).toEqual([]);
        // The policy ran and says its verdict rests on values it could not see.
        expect(result.notApplicable.filter((entry) => entry.policyName === policy)).toEqual([
          expect.objectContaining({ policyName: policy, reason }),
        ]);
      },
    );

    it("planted: keySource Microsoft.Storage with one unknown URI is a mandatory finding at preview", async () => {
      const result = await connected().analyze(
        resource(STORAGE_ACCOUNT, "planted-store", {
          accountName: "planted",
          encryption: {
            keySource: "Microsoft.Storage",
            keyVaultProperties: { keyName: "k", keyVaultUri: UNKNOWN },
          },
        }),
      );
      const findings = of(result.diagnostics, "azure-storage-account-require-cmk");
      expect(findings.map((diagnostic) => diagnostic.enforcementLevel)).toEqual(["mandatory"]);
      expect(findings[0]!.message).toContain('encryption.keySource is "Microsoft.Storage"');
    });

    it("planted: a public, key-authenticated OpenAI account with one unknown property is reported", async () => {
      const result = await connected().analyze(
        resource("azure-native:cognitiveservices:Account", "planted-openai", {
          kind: "OpenAI",
          properties: {
            publicNetworkAccess: "Enabled",
            disableLocalAuth: false,
            customSubDomainName: UNKNOWN,
          },
        }),
      );
      for (const policy of [
        "azure-cognitiveservices-account-disallow-public-network-access",
        "azure-cognitiveservices-account-disallow-local-auth",
      ]) {
        expect(
          of(result.diagnostics, policy).map((diagnostic) => diagnostic.enforcementLevel),
          policy,
        ).toEqual(["mandatory"]);
      }
    });
  });

  describe("AnalyzeStack", () => {
    it("correlates S3 buckets with their encryption configurations through property dependencies", async () => {
      const plain = resource(BUCKET, "plain", { forceDestroy: false });
      const encrypted = resource(BUCKET, "encrypted", { forceDestroy: false });
      const key = resource(KMS_KEY, "bucket-key", { enableKeyRotation: true });
      // During preview the bucket ID and key ARN are unknown: only the dependencies tie them together.
      const encryption = resource(
        BUCKET_ENCRYPTION,
        "encrypted-encryption",
        {
          bucket: UNKNOWN,
          rules: [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } },
          ],
        },
        { bucket: [encrypted.urn], rules: [key.urn] },
      );
      const result = await connected().analyzeStack([stackResource(), plain, encrypted, key, encryption]);
      const findings = of(result.diagnostics, "aws-s3-bucket-require-cmk-encryption");
      expect(findings.map((diagnostic) => diagnostic.urn)).toEqual([plain.urn]);
      expect(findings[0]!.enforcementLevel).toBe("mandatory");
      expect(findings[0]!.message).toContain('bucket "plain" has no server-side encryption configuration');
    });
  });

  describe("AnalyzeStack: false positives of issue 16", () => {
    const SUBNET = "azure-native:network:Subnet";
    const ENDPOINT = "azure-native:network:PrivateEndpoint";
    const SUBNET_POLICIES = [
      "azure-network-subnet-require-nsg",
      "azure-network-subnet-disallow-default-outbound-access",
    ];

    it("a subnet holding only a private endpoint gets neither subnet finding; one holding a NIC too gets both", async () => {
      const subnet = resource(SUBNET, "endpoints", {
        resourceGroupName: "rg",
        virtualNetworkName: UNKNOWN,
        subnetName: "endpoints",
        addressPrefix: "10.0.1.0/24",
      });
      const endpoint = resource(
        ENDPOINT,
        "kv-pe",
        { resourceGroupName: "rg", subnet: { id: UNKNOWN } },
        { subnet: [subnet.urn] },
      );
      const quiet = await connected().analyzeStack([stackResource(), subnet, endpoint]);
      expect(SUBNET_POLICIES.flatMap((name) => of(quiet.diagnostics, name))).toEqual([]);
      expect(quiet.notApplicable.filter((entry) => SUBNET_POLICIES.includes(entry.policyName))).toEqual([]);
      const nic = resource(
        "azure-native:network:NetworkInterface",
        "vm-nic",
        { resourceGroupName: "rg", ipConfigurations: [{ name: "ip", subnet: { id: UNKNOWN } }] },
        { ipConfigurations: [subnet.urn] },
      );
      const shared = await connected().analyzeStack([stackResource(), subnet, endpoint, nic]);
      for (const name of SUBNET_POLICIES) {
        expect(
          of(shared.diagnostics, name).map((diagnostic) => diagnostic.urn),
          name,
        ).toEqual([subnet.urn]);
      }
    });

    it("service-scoped advisories answer not-applicable for a stack without their services", async () => {
      const result = await connected().analyzeStack([
        stackResource(),
        resource(BUCKET, "plain", { forceDestroy: false }),
      ]);
      const reasons = new Map(result.notApplicable.map((entry) => [entry.policyName, entry.reason]));
      expect(reasons.get("azure-security-pricing-require-defender-plans")).toMatch(
        /^the stack holds no Azure/,
      );
      expect(reasons.get("gcp-projects-auditconfig-require-data-access-logs")).toMatch(
        /^the stack holds no GCP/,
      );
      expect(reasons.get("aws-kms-key-require-access-alarm")).toBe("the stack holds no KMS keys");
      expect(of(result.diagnostics, "aws-cloudtrail-account-require-trail")).toHaveLength(1);
    });
  });

  describe("AnalyzeStack: unknown inputs", () => {
    it("planted: an S3 rule whose algorithm and key come from outputs is answered unknown-inputs with exact paths", async () => {
      const bucket = resource(BUCKET, "planted-bucket", { forceDestroy: false });
      const encryption = resource(
        BUCKET_ENCRYPTION,
        "planted-bucket-encryption",
        {
          bucket: UNKNOWN,
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN, kmsMasterKeyId: UNKNOWN } }],
        },
        { bucket: [bucket.urn] },
      );
      const result = await connected().analyzeStack([stackResource(), bucket, encryption]);
      expect(of(result.diagnostics, "aws-s3-bucket-require-cmk-encryption")).toEqual([]);
      const path = `${encryption.urn}.rules.0.applyServerSideEncryptionByDefault`;
      expect(
        result.notApplicable.filter((entry) => entry.policyName === "aws-s3-bucket-require-cmk-encryption"),
      ).toEqual([
        expect.objectContaining({
          reason: `unknown-inputs: ${path}.sseAlgorithm, ${path}.kmsMasterKeyId`,
        }),
      ]);
    });
  });

  describe("Remediate", () => {
    it("returns the fixed properties of a deterministic fix, keeping the others", async () => {
      const result = await connected().remediate(
        resource(PUBLIC_ACCESS_BLOCK, "datasets-pab", {
          bucket: "datasets-bucket",
          blockPublicAcls: false,
          ignorePublicAcls: true,
        }),
      );
      const remediation = result.remediations.find(
        (entry) => entry.policyName === "aws-s3-bucketpublicaccessblock-require-all-blocked",
      );
      expect(remediation?.diagnostic).toBeUndefined();
      expect(remediation?.properties).toEqual({
        bucket: "datasets-bucket",
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    });

    it("returns nothing for a resource that needs no fix", async () => {
      const result = await connected().remediate(
        resource(PUBLIC_ACCESS_BLOCK, "compliant-pab", {
          bucket: "datasets-bucket",
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        }),
      );
      expect(result.remediations).toEqual([]);
    });
  });
});
