// Talks to the TypeScript fixture pack over the real analyzer protocol, started as the CLI starts it.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyzerClient, type AnalyzerResourceInput } from "../../../preflight/analyzer/client";
import { launchPolicyPack, type PolicyPackProcess } from "../../../preflight/analyzer/launch";
import { reconcilePolicyConfig, parsePolicyConfig } from "../../../preflight/analyzer/policy-config";
import { indexByUrn, toAnalyzerResource } from "../../../preflight/analyzer/resource-input";
import { type RecordedResource, type RecordedValue } from "../../../preflight/model";
import { isAlive, packDir, recordedResource } from "./helpers";

const BUCKET = "aws:s3/bucket:Bucket";
const KEY = "aws:kms/key:Key";

function input(resource: RecordedResource): AnalyzerResourceInput {
  return toAnalyzerResource(resource, indexByUrn([resource]));
}

function resource(type: string, name: string, inputs: Record<string, RecordedValue>): AnalyzerResourceInput {
  return input(recordedResource(type, name, inputs));
}

let pack: PolicyPackProcess;
let client: AnalyzerClient;

beforeAll(async () => {
  pack = await launchPolicyPack(packDir("fixture-policies"));
  client = new AnalyzerClient(pack.address);
  // The CLI always configures a pack before analysis, sending every policy's level and schema defaults.
  await client.configure(reconcilePolicyConfig(await client.getAnalyzerInfo()));
}, 180_000);

afterAll(async () => {
  client?.close();
  await pack?.close();
  expect(isAlive(pack.pid)).toBe(false);
});

describe("analyzer client against the TypeScript fixture pack", { timeout: 180_000 }, () => {
  it("reads the pack's name, version, policies, levels, severities, tags and config schema", async () => {
    const info = await client.getAnalyzerInfo();
    expect(info).toMatchObject({
      name: "fixture-policies",
      version: "1.2.3",
      supportsConfig: true,
      initialConfig: {},
    });
    expect(
      info.policies.map((policy) => [policy.name, policy.type, policy.enforcementLevel, policy.severity]),
    ).toEqual([
      ["bucket-disallow-public-acl", "resource", "mandatory", "high"],
      ["key-require-rotation", "resource", "mandatory", "medium"],
      ["database-password-min-length", "resource", "advisory", "low"],
      ["bucket-remediate-managed-by-tag", "resource", "remediate", "unspecified"],
      ["stack-require-kms-key", "stack", "advisory", "critical"],
    ]);
    const bucketPolicy = info.policies[0]!;
    expect(bucketPolicy.description).toBe("Buckets are not public.");
    expect(bucketPolicy.tags).toEqual(["SAI-NET-02", "SAI-ENC-01", "storage"]);
    expect(bucketPolicy.controls).toEqual(["SAI-NET-02", "SAI-ENC-01"]);
    expect(info.policies[2]!.configSchema).toEqual({
      properties: { minLength: { type: "number", default: 12 } },
      required: [],
    });
  });

  it("reads the policy SDK version through GetPluginInfo", async () => {
    const sdk = JSON.parse(
      fs.readFileSync(path.join(require.resolve("@pulumi/policy"), "..", "package.json"), "utf8"),
    ) as { version: string };
    expect((await client.getPluginInfo()).version).toBe(sdk.version.replace(/^v/, ""));
  });

  it("returns a violation with the policy's level and severity, and none for a compliant resource", async () => {
    const bad = await client.analyze(resource(BUCKET, "public", { acl: "public-read" }));
    expect(bad.diagnostics).toEqual([
      {
        policyName: "bucket-disallow-public-acl",
        policyPackName: "fixture-policies",
        policyPackVersion: "1.2.3",
        description: "Buckets are not public.",
        message: "Buckets are not public.\nacl is 'public-read'",
        enforcementLevel: "mandatory",
        severity: "high",
      },
    ]);
    expect(bad.notApplicable).toEqual([
      { policyName: "bucket-remediate-managed-by-tag", reason: "Policy does not implement validateResource" },
    ]);
    const good = await client.analyze(resource(BUCKET, "private", { acl: "private" }));
    expect(good.diagnostics).toEqual([]);
  });

  it("delivers an unknown value as unknown: the SDK downgrades the policy to an advisory 'can't run' diagnostic", async () => {
    const unknown = await client.analyze(resource(KEY, "key", { enableKeyRotation: { $unknown: true } }));
    expect(unknown.diagnostics).toHaveLength(1);
    expect(unknown.diagnostics[0]).toMatchObject({
      policyName: "key-require-rotation",
      enforcementLevel: "advisory",
      message:
        "can't run policy 'key-require-rotation' from policy pack 'fixture-policies@v1.2.3' during preview: " +
        "string value at .enableKeyRotation can't be known during preview",
    });
    const known = await client.analyze(resource(KEY, "key", { enableKeyRotation: false }));
    expect(
      known.diagnostics.map((diagnostic) => [diagnostic.policyName, diagnostic.enforcementLevel]),
    ).toEqual([["key-require-rotation", "mandatory"]]);
  });

  it("delivers a secret to the policy as plaintext", async () => {
    const result = await client.analyze(
      resource("test:index:Database", "db", { password: { $secret: "hunter2" } }),
    );
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "Database passwords are long enough.\npassword (string 'hunter2') has 7 characters, minimum 12",
    ]);
  });

  it("returns the remediated properties, keeping secrets secret", async () => {
    const result = await client.remediate(
      resource(BUCKET, "tagged", {
        acl: "private",
        tags: { env: "dev" },
        website: { $secret: "index.html" },
      }),
    );
    expect(result.remediations).toEqual([
      {
        policyName: "bucket-remediate-managed-by-tag",
        policyPackName: "fixture-policies",
        policyPackVersion: "1.2.3",
        description: "Buckets carry a managedBy tag.",
        properties: {
          acl: "private",
          tags: { env: "dev", managedBy: "secure-ai" },
          website: { $secret: "index.html" },
        },
      },
    ]);
    const notBucket = await client.remediate(resource(KEY, "key", { enableKeyRotation: true }));
    expect(notBucket.remediations).toEqual([]);
  });

  it("analyzes the whole stack: a stack finding has no URN", async () => {
    const withoutKey = await client.analyzeStack([
      resource(BUCKET, "a", { acl: "private" }),
      resource("test:index:Database", "db", { password: "long-enough-password" }),
    ]);
    expect(withoutKey.diagnostics).toEqual([
      {
        policyName: "stack-require-kms-key",
        policyPackName: "fixture-policies",
        policyPackVersion: "1.2.3",
        description: "The stack creates a customer-managed KMS key.",
        message: "The stack creates a customer-managed KMS key.\nnone of 2 resources is a aws:kms/key:Key",
        enforcementLevel: "advisory",
        severity: "critical",
      },
    ]);
    const withKey = await client.analyzeStack([resource(KEY, "key", { enableKeyRotation: true })]);
    expect(withKey.diagnostics).toEqual([]);
  });

  it("changes enforcement through Configure: mandatory to advisory, then disabled, with policy properties", async () => {
    const info = await client.getAnalyzerInfo();
    const publicBucket = resource(BUCKET, "public", { acl: "public-read" });
    try {
      await client.configure(
        reconcilePolicyConfig(info, parsePolicyConfig({ "bucket-disallow-public-acl": "advisory" })),
      );
      expect((await client.analyze(publicBucket)).diagnostics.map((d) => d.enforcementLevel)).toEqual([
        "advisory",
      ]);

      await client.configure(
        reconcilePolicyConfig(
          info,
          parsePolicyConfig({
            "bucket-disallow-public-acl": { enforcementLevel: "disabled" },
            "database-password-min-length": { minLength: 4 },
          }),
        ),
      );
      expect((await client.analyze(publicBucket)).diagnostics).toEqual([]);
      const db = await client.analyze(
        resource("test:index:Database", "db", { password: { $secret: "hunter2" } }),
      );
      expect(db.diagnostics).toEqual([]);
    } finally {
      await client.configure(reconcilePolicyConfig(info));
    }
    expect((await client.analyze(publicBucket)).diagnostics.map((d) => d.enforcementLevel)).toEqual([
      "mandatory",
    ]);
  });

  it("accepts the CLI's opening calls: Handshake is unimplemented by the Node.js SDK, ConfigureStack is served", async () => {
    expect(await client.handshake(pack.dir)).toBe(false);
    expect(await client.configureStack({ stack: "dev", project: "fixture-project", dryRun: true })).toBe(
      true,
    );
  });

  it("opens its channel without grpc-js's channelz bookkeeping", () => {
    // grpc-js keeps channelz on unless told; the switch lives on the channel's internal implementation.
    const stub = (
      client as unknown as { stub: { getChannel(): { internalChannel?: { channelzEnabled?: unknown } } } }
    ).stub;
    expect(stub.getChannel().internalChannel?.channelzEnabled).toBe(false);
  });
});
