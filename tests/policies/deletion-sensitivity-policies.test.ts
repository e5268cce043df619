/**
 * The policies that close the pack's gaps on deletion protection, high-sensitivity keys and personal-data
 * expiry: AWS HSM keys (config-dependent), CloudTrail buckets under object lock, Azure personal-data
 * lifecycle management, and the GCP audit archive that keeps a retention policy instead of versions.
 */
import { describe, expect, it } from "vitest";
import { withValue } from "./fixtures";
import { analyzeStack, checkResource, checkStack, UNKNOWN, type TestResource } from "./harness";
import { resourcePolicy, stackPolicy } from "./pack";

const KMS_KEY = "aws:kms/key:Key";
const STACK: TestResource = { type: "pulumi:pulumi:Stack", name: "secure-ai-test", props: {} };

describe("aws-kms-key-require-hsm", () => {
  const policy = resourcePolicy("aws-kms-key-require-hsm");
  const key = (props: Record<string, unknown>): TestResource => ({
    type: KMS_KEY,
    name: "claims-key",
    props: { enableKeyRotation: true, rotationPeriodInDays: 90, ...props },
  });
  const HIGH = { tags: { sensitivity: "high" } };

  it("accepts a standard KMS key for high sensitivity by default (KMS keys live in FIPS 140-3 level 3 HSMs)", async () => {
    expect(await checkResource(policy, key(HIGH))).toEqual([]);
  });

  it("accepts an external key store by default, and rejects it when allowExternalKeyStore is false", async () => {
    const external = key({ ...HIGH, customKeyStoreId: "cks-1", xksKeyId: "ext-1" });
    expect(await checkResource(policy, external)).toEqual([]);
    const findings = await checkResource(policy, external, { allowExternalKeyStore: false });
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining("external key store (xksKeyId is set)"),
    ]);
  });

  it("requires a CloudHSM custom key store when requireCloudHsm is set", async () => {
    const config = { requireCloudHsm: true };
    expect(await checkResource(policy, key({ ...HIGH, customKeyStoreId: "cks-1234567" }), config)).toEqual(
      [],
    );
    // Created in the same stack, the store's ID is unknown at preview: set is enough.
    expect(await checkResource(policy, key({ ...HIGH, customKeyStoreId: UNKNOWN }), config)).toEqual([]);
    const multiTenant = await checkResource(policy, key(HIGH), config);
    expect(multiTenant.map((finding) => finding.message)).toEqual([
      expect.stringContaining("customKeyStoreId is not set"),
    ]);
    const external = await checkResource(
      policy,
      key({ ...HIGH, customKeyStoreId: "cks-1", xksKeyId: "e" }),
      config,
    );
    expect(external.map((finding) => finding.message)).toEqual([
      expect.stringContaining("not the CloudHSM key store"),
    ]);
  });

  it("leaves keys that are not high sensitivity alone, and honours highSensitivityKeys", async () => {
    const config = { requireCloudHsm: true };
    expect(await checkResource(policy, key({ tags: { sensitivity: "standard" } }), config)).toEqual([]);
    expect(await checkResource(policy, key({}), config)).toEqual([]);
    const named = await checkResource(policy, key({}), { ...config, highSensitivityKeys: ["claims-*"] });
    expect(named).toHaveLength(1);
    expect(named[0]!.message).toContain('name matches "claims-*"');
  });

  it("rejects imported key material for high sensitivity whatever the config", async () => {
    const imported: TestResource = {
      type: "aws:kms/externalKey:ExternalKey",
      name: "imported",
      props: { description: "imported", ...HIGH },
    };
    expect(await checkResource(policy, imported, { allowExternalKeyStore: true })).toHaveLength(1);
  });
});

describe("aws-s3-bucket-require-audit-log-object-lock", () => {
  const policy = stackPolicy("aws-s3-bucket-require-audit-log-object-lock");
  const bucket = (props: Record<string, unknown>): TestResource => ({
    type: "aws:s3/bucket:Bucket",
    name: "audit-logs",
    props: { bucket: UNKNOWN, forceDestroy: false, ...props },
  });
  const lock = (retention: unknown): TestResource => ({
    type: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    name: "audit-logs-lock",
    props: { bucket: UNKNOWN, rule: { defaultRetention: retention } },
    dependsOn: { bucket: ["audit-logs"] },
  });
  const trail: TestResource = {
    type: "aws:cloudtrail/trail:Trail",
    name: "trail",
    props: { s3BucketName: UNKNOWN, enableLogFileValidation: true, isMultiRegionTrail: true },
    dependsOn: { s3BucketName: ["audit-logs"] },
  };
  const other: TestResource = { type: "aws:s3/bucket:Bucket", name: "datasets", props: { bucket: UNKNOWN } };

  it("passes a trail bucket with object lock on and a COMPLIANCE default retention, and ignores other buckets", async () => {
    const result = await analyzeStack(policy, [
      STACK,
      bucket({ objectLockEnabled: true }),
      lock({ mode: "COMPLIANCE", days: 365 }),
      trail,
      other,
    ]);
    expect(result.findings).toEqual([]);
  });

  it.each([
    [
      "object lock off",
      [bucket({ objectLockEnabled: false }), lock({ mode: "COMPLIANCE", days: 365 })],
      "objectLockEnabled",
    ],
    [
      "no lock configuration",
      [bucket({ objectLockEnabled: true })],
      "no aws.s3.BucketObjectLockConfiguration",
    ],
    [
      "GOVERNANCE mode",
      [bucket({ objectLockEnabled: true }), lock({ mode: "GOVERNANCE", days: 365 })],
      '"GOVERNANCE"',
    ],
    [
      "no retention period",
      [bucket({ objectLockEnabled: true }), lock({ mode: "COMPLIANCE" })],
      "neither days nor years",
    ],
  ])("flags %s, as mandatory, on the bucket", async (_name, resources, message) => {
    const result = await analyzeStack(policy, [STACK, ...(resources as TestResource[]), trail]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      enforcementLevel: "mandatory",
      urn: "urn:pulumi:test::secure-ai::aws:s3/bucket:Bucket::audit-logs",
    });
    expect(result.findings[0]!.message).toContain(message);
  });

  it("accepts GOVERNANCE when allowedModes lists it, and a lock whose retention is unknown at preview", async () => {
    const governance = [
      STACK,
      bucket({ objectLockEnabled: true }),
      lock({ mode: "GOVERNANCE", years: 1 }),
      trail,
    ];
    expect(await checkStack(policy, governance, { allowedModes: ["COMPLIANCE", "GOVERNANCE"] })).toEqual([]);
    expect(
      await checkStack(policy, [STACK, bucket({ objectLockEnabled: true }), lock(UNKNOWN), trail]),
    ).toEqual([]);
  });

  it("matches the trail's bucket by name when it is known, and the deprecated inline lock block", async () => {
    const named = bucket({
      bucket: "org-audit",
      objectLockEnabled: true,
      objectLockConfiguration: {
        objectLockEnabled: "Enabled",
        rule: { defaultRetention: { mode: "COMPLIANCE", days: 30 } },
      },
    });
    const byName: TestResource = { ...trail, props: { s3BucketName: "org-audit" }, dependsOn: {} };
    expect(await checkStack(policy, [STACK, named, byName])).toEqual([]);
    const unlocked = bucket({ bucket: "org-audit" });
    expect(await checkStack(policy, [STACK, unlocked, byName])).toHaveLength(1);
  });

  it("says nothing about a stack without a trail, or a trail delivering to a bucket elsewhere", async () => {
    expect(await checkStack(policy, [STACK, bucket({})])).toEqual([]);
    const central: TestResource = { ...trail, props: { s3BucketName: "central-org-trail" }, dependsOn: {} };
    expect(await checkStack(policy, [STACK, bucket({ bucket: "audit" }), central])).toEqual([]);
  });
});

describe("azure-storage-account-require-personal-data-expiry", () => {
  const policy = stackPolicy("azure-storage-account-require-personal-data-expiry");
  const account = (tags: Record<string, string>): TestResource => ({
    type: "azure-native:storage:StorageAccount",
    name: "datasets",
    props: { resourceGroupName: "rg", accountName: "saidatasets", kind: "StorageV2", tags },
  });
  const rule = (overrides: Record<string, unknown> = {}) => ({
    name: "delete-personal-data-30d-0",
    enabled: true,
    type: "Lifecycle",
    definition: {
      filters: { blobTypes: ["blockBlob"], prefixMatch: ["ds-transcripts/"] },
      actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 30 } } },
    },
    ...overrides,
  });
  const management = (rules: unknown, linked = true): TestResource => ({
    type: "azure-native:storage:ManagementPolicy",
    name: "datasets-lifecycle",
    props: {
      resourceGroupName: "rg",
      accountName: UNKNOWN,
      managementPolicyName: "default",
      policy: { rules },
    },
    ...(linked ? { dependsOn: { accountName: ["datasets"] } } : {}),
  });
  const PERSONAL = { "personal-data": "true" };

  it("passes a personal-data account whose lifecycle policy deletes blobs after their retention", async () => {
    const result = await analyzeStack(policy, [STACK, account(PERSONAL), management([rule()])]);
    expect(result.findings).toEqual([]);
  });

  it.each([
    ["no lifecycle policy", []],
    ["a policy for another account", [management([rule()], false)]],
    ["a disabled rule", [management([rule({ enabled: false })])]],
    [
      "a rule that only deletes old versions",
      [
        management([
          rule({
            definition: { actions: { version: { delete: { daysAfterCreationGreaterThan: 30 } } } },
          }),
        ]),
      ],
    ],
  ])("flags %s, as mandatory, on the account", async (_name, extra) => {
    const result = await analyzeStack(policy, [STACK, account(PERSONAL), ...(extra as TestResource[])]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      enforcementLevel: "mandatory",
      urn: "urn:pulumi:test::secure-ai::azure-native:storage:StorageAccount::datasets",
    });
    expect(result.findings[0]!.message).toContain("holds personal data");
  });

  it("ignores accounts without the marker, accepts data-classification=personal and unknown rules", async () => {
    expect(await checkStack(policy, [STACK, account({ "data-class": "artifacts" })])).toEqual([]);
    expect(await checkStack(policy, [STACK, account({ "data-classification": "personal" })])).toHaveLength(1);
    expect(await checkStack(policy, [STACK, account(PERSONAL), management(UNKNOWN)])).toEqual([]);
  });

  it("links a policy to its account by known names when there is no dependency", async () => {
    const named: TestResource = {
      ...management([rule()], false),
      props: { resourceGroupName: "RG", accountName: "saidatasets", policy: { rules: [rule()] } },
    };
    expect(await checkStack(policy, [STACK, account(PERSONAL), named])).toEqual([]);
  });
});

describe("gcp-storage-bucket-require-versioning and the locked audit archive", () => {
  const policy = resourcePolicy("gcp-storage-bucket-require-versioning");
  const archive: TestResource = {
    type: "gcp:storage/bucket:Bucket",
    name: "audit-logs",
    props: {
      location: "EUROPE-WEST4",
      encryption: { defaultKmsKeyName: "projects/p/locations/l/keyRings/r/cryptoKeys/logs" },
      retentionPolicy: { retentionPeriod: "31536000", isLocked: true },
    },
  };

  it("accepts a retention policy instead of versioning (Cloud Storage does not allow both)", async () => {
    expect(await checkResource(policy, archive)).toEqual([]);
  });

  it("still flags a bucket with neither", async () => {
    const bare = { ...archive, props: withValue(archive.props, "retentionPolicy", undefined) };
    expect(await checkResource(policy, bare)).toHaveLength(1);
  });
});
