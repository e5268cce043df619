/**
 * Nothing lost, Azure: every stateful resource the backend creates (Key Vault and keys, storage accounts
 * and containers, the Log Analytics workspace) and its protection (SAI-ENC-07, SAI-RES-01), with two
 * documented decisions: the audit-log immutability policy is created unlocked, and no management lock is
 * added (components/azure/README.md).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RecordedResource } from "../../preflight/model";
import { type Inventory, NOTHING_LOST_WORKLOADS, inventoryOf } from "./support/inventory";

const VAULT = "azure-native:keyvault:Vault";
const KEY = "azure-native:keyvault:Key";
const ACCOUNT = "azure-native:storage:StorageAccount";
const CONTAINER = "azure-native:storage:BlobContainer";
const BLOB_SERVICE = "azure-native:storage:BlobServiceProperties";
const WORKSPACE = "azure-native:operationalinsights:Workspace";
const LOCK = /^azure-native:authorization:ManagementLock/;
/** Types that hold data or key material; any of them in a build must be covered below. */
const STATEFUL =
  /^azure-native:(keyvault:(Vault|Key|ManagedHsm)|storage:(StorageAccount|BlobContainer)|operationalinsights:Workspace|documentdb:|sql:|cognitiveservices:Account)$/;

let platform: Inventory;

beforeAll(async () => {
  platform = await inventoryOf("nl", {
    cloud: "azure",
    // swedencentral offers the default OpenAI model as a regional Standard deployment.
    azure: { location: "swedencentral", tenantId: "00000000-0000-0000-0000-000000000002" },
    ...NOTHING_LOST_WORKLOADS,
  });
}, 300_000);

const props = (resource: RecordedResource) => resource.inputs.properties as Record<string, unknown>;
const blobService = (account: RecordedResource) => platform.named(`${account.name}-blob`);

describe("Azure nothing lost", () => {
  it("lists every stateful resource: vault, keys, three accounts, containers, workspace, AI accounts", () => {
    const covered = new Set([
      VAULT,
      KEY,
      ACCOUNT,
      CONTAINER,
      WORKSPACE,
      "azure-native:cognitiveservices:Account",
    ]);
    expect(platform.resources.filter((r) => STATEFUL.test(r.type) && !covered.has(r.type))).toEqual([]);
    // The platform's vault, and the access-policy vault Azure OpenAI's customer-managed key requires.
    expect(platform.ofType(VAULT)).toHaveLength(2);
    expect(
      platform
        .ofType(ACCOUNT)
        .map((account) => account.name)
        .sort(),
    ).toEqual(["nl-artifacts", "nl-audit-logs", "nl-datasets"]);
    expect(platform.ofType(KEY).map((key) => key.name)).toEqual(
      expect.arrayContaining(["nl-key-artifacts", "nl-key-datasets", "nl-key-logs", "nl-key-model-chat"]),
    );
    expect(platform.ofType(WORKSPACE)).toHaveLength(1);
  });

  it("vault: soft delete for 90 days and purge protection, so keys outlive a deletion", () => {
    expect(props(platform.ofType(VAULT)[0] as RecordedResource)).toMatchObject({
      enableSoftDelete: true,
      enablePurgeProtection: true,
      softDeleteRetentionInDays: 90,
    });
  });

  it("keys cannot be exported and rotate", () => {
    for (const key of platform.ofType(KEY)) {
      expect(props(key).attributes, key.name).toMatchObject({ exportable: false });
      expect(props(key).rotationPolicy, key.name).toBeDefined();
    }
  });

  it("storage accounts: blob versioning, blob and container soft delete", () => {
    for (const account of platform.ofType(ACCOUNT)) {
      const service = blobService(account).inputs;
      expect(service.isVersioningEnabled, account.name).toBe(true);
      expect(service.deleteRetentionPolicy, account.name).toMatchObject({ enabled: true });
      expect(service.containerDeleteRetentionPolicy, account.name).toMatchObject({ enabled: true });
      expect((service.deleteRetentionPolicy as { days: number }).days, account.name).toBeGreaterThanOrEqual(
        7,
      );
    }
    expect(platform.ofType(BLOB_SERVICE)).toHaveLength(platform.ofType(ACCOUNT).length);
  });

  it("audit-log account: version-level immutability for logging.auditLockDays; data accounts none", () => {
    expect(platform.named("nl-audit-logs").inputs.immutableStorageWithVersioning).toMatchObject({
      enabled: true,
      immutabilityPolicy: { immutabilityPeriodSinceCreationInDays: 500 },
    });
    expect(platform.named("nl-datasets").inputs.immutableStorageWithVersioning).toBeUndefined();
  });

  it("the Log Analytics workspace keeps entries at least logging.retentionDays", () => {
    expect(platform.ofType(WORKSPACE)[0]?.inputs.retentionInDays as number).toBeGreaterThanOrEqual(400);
  });

  it("decision: the audit-log immutability policy is created Unlocked, and the evidence says so", () => {
    // Locking is irreversible: the operator locks it once validated (components/azure/README.md).
    expect(platform.named("nl-audit-logs").inputs.immutableStorageWithVersioning).toMatchObject({
      immutabilityPolicy: { state: "Unlocked" },
    });
    const logIntegrity = platform.controls.find((control) => control.id === "SAI-LOG-02");
    expect(logIntegrity?.status).toBe("gap");
    expect(logIntegrity?.note).toContain("the immutability policy is created unlocked");
  });

  it("decision: no CanNotDelete management lock (it would fail every destroy); accounts and vault are kept instead", () => {
    expect(platform.resources.filter((resource) => LOCK.test(resource.type))).toEqual([]);
    for (const resource of [...platform.ofType(VAULT), ...platform.ofType(ACCOUNT)]) {
      expect(resource.options.retainOnDelete, resource.name).toBe(true);
    }
    const resilience = platform.controls.find((control) => control.id === "SAI-RES-01");
    expect(resilience?.status).toBe("implemented");
    expect(resilience?.note).toContain("no CanNotDelete management lock");
  });

  it("vault, keys and storage accounts carry Pulumi protect or retainOnDelete (SAI-ENC-07, SAI-RES-01)", () => {
    for (const resource of [
      ...platform.ofType(VAULT),
      ...platform.ofType(KEY),
      ...platform.ofType(ACCOUNT),
    ]) {
      expect(resource.options.protect || resource.options.retainOnDelete, resource.name).toBe(true);
    }
  });

  it("containers holding data and the settings guarding a kept account are kept with it", () => {
    for (const resource of [
      ...platform.ofType(CONTAINER),
      ...platform.ofType(BLOB_SERVICE),
      platform.named("nl-datasets-lifecycle"),
    ]) {
      expect(resource.options.retainOnDelete, resource.name).toBe(true);
    }
    expect(platform.ofType(CONTAINER).map((container) => container.name)).toEqual(
      expect.arrayContaining(["nl-dataset-people", "nl-artifacts-chat"]),
    );
  });
});
