import { beforeAll, describe, expect, it } from "vitest";
import {
  AGENT_MEMBERS,
  BIGQUERY_AGENT_MEMBER,
  type BuiltPlatform,
  buildGcp,
  gcpArgs,
  installGcpMocks,
} from "../helpers/gcp-mocks";

const KEY_RING = "gcp:kms/keyRing:KeyRing";
const CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey";
const KEY_MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
const KEY_RING_MEMBER = "gcp:kms/keyRingIAMMember:KeyRingIAMMember";
const ENCRYPTER_DECRYPTER = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

let built: BuiltPlatform;

beforeAll(async () => {
  await installGcpMocks();
  built = await buildGcp(
    "bank",
    gcpArgs({
      models: [{ name: "advisor", sensitivity: "high" }, { name: "faq" }],
      encryption: { breakGlassPrincipals: ["group:kms-breakglass@example.com"] },
    }),
  );
});

function keyNamed(name: string) {
  return built.named(CRYPTO_KEY, name);
}

describe("GCP keys", () => {
  it("creates one key ring in the platform's region with a stable name", () => {
    const rings = built.ofType(KEY_RING);
    expect(rings).toHaveLength(1);
    expect(rings[0].inputs).toEqual({
      name: "bank-keyring",
      location: "europe-west4",
      project: "acme-ai-prod",
    });
  });

  it("creates exactly one key per model and per data class", () => {
    expect(
      built
        .ofType(CRYPTO_KEY)
        .map((k) => k.name)
        .sort(),
    ).toEqual(
      ["bank-artifacts", "bank-datasets", "bank-logs", "bank-model-advisor", "bank-model-faq"].sort(),
    );
  });

  it("rotates every key every 90 days, in seconds, and protects it from deletion", () => {
    for (const key of built.ofType(CRYPTO_KEY)) {
      expect(key.inputs).toMatchObject({
        keyRing: "projects/acme-ai-prod/locations/europe-west4/keyRings/bank-keyring",
        purpose: "ENCRYPT_DECRYPT",
        rotationPeriod: "7776000s",
        destroyScheduledDuration: "7776000s",
        deletionPolicy: "PREVENT",
      });
    }
  });

  it("backs the high-sensitivity model's key and the data classes it uses with HSM, the rest with software", () => {
    const level = (name: string) =>
      (keyNamed(name).inputs.versionTemplate as { protectionLevel: string }).protectionLevel;
    expect(level("bank-model-advisor")).toBe("HSM");
    expect(level("bank-datasets")).toBe("HSM");
    expect(level("bank-artifacts")).toBe("HSM");
    expect(level("bank-model-faq")).toBe("SOFTWARE");
    expect(level("bank-logs")).toBe("SOFTWARE");
  });

  it("labels exactly the HSM-backed keys sensitivity=high, for the pack's HSM policy", () => {
    const sensitivity = (name: string) =>
      (keyNamed(name).inputs.labels as Record<string, string> | undefined)?.sensitivity;
    expect(sensitivity("bank-model-advisor")).toBe("high");
    expect(sensitivity("bank-datasets")).toBe("high");
    expect(sensitivity("bank-artifacts")).toBe("high");
    expect(sensitivity("bank-model-faq")).toBeUndefined();
    expect(sensitivity("bank-logs")).toBeUndefined();
  });

  it("grants encrypter/decrypter to exactly the service agents that use each key", () => {
    const grants = built.ofType(KEY_MEMBER).map((g) => ({
      key: String(g.inputs.cryptoKeyId).split("/").pop(),
      role: g.inputs.role,
      member: g.inputs.member,
    }));
    const expected = [
      ["bank-model-advisor", AGENT_MEMBERS.vertex],
      ["bank-model-advisor", AGENT_MEMBERS.storage],
      ["bank-model-faq", AGENT_MEMBERS.vertex],
      ["bank-model-faq", AGENT_MEMBERS.storage],
      ["bank-datasets", AGENT_MEMBERS.storage],
      ["bank-artifacts", AGENT_MEMBERS.storage],
      ["bank-logs", AGENT_MEMBERS.storage],
      ["bank-logs", AGENT_MEMBERS.pubsub],
      ["bank-logs", AGENT_MEMBERS.logging],
      ["bank-logs", BIGQUERY_AGENT_MEMBER],
    ].map(([key, member]) => ({ key, role: ENCRYPTER_DECRYPTER, member }));
    expect(grants).toHaveLength(expected.length);
    expect(grants).toEqual(expect.arrayContaining(expected));
  });

  it("gives break-glass principals key administration on the ring, never encrypt or decrypt", () => {
    const admins = built.ofType(KEY_RING_MEMBER);
    expect(admins.map((a) => a.inputs)).toEqual([
      {
        keyRingId: "projects/acme-ai-prod/locations/europe-west4/keyRings/bank-keyring",
        role: "roles/cloudkms.admin",
        member: "group:kms-breakglass@example.com",
      },
    ]);
    const members = built.ofType(KEY_MEMBER).map((g) => g.inputs.member);
    expect(members).not.toContain("group:kms-breakglass@example.com");
  });

  it("reports each key's ID under model:<name> and the data classes", () => {
    expect(built.outputs.keys).toEqual({
      "model:advisor":
        "projects/acme-ai-prod/locations/europe-west4/keyRings/bank-keyring/cryptoKeys/bank-model-advisor",
      "model:faq":
        "projects/acme-ai-prod/locations/europe-west4/keyRings/bank-keyring/cryptoKeys/bank-model-faq",
      datasets: "projects/acme-ai-prod/locations/europe-west4/keyRings/bank-keyring/cryptoKeys/bank-datasets",
      artifacts:
        "projects/acme-ai-prod/locations/europe-west4/keyRings/bank-keyring/cryptoKeys/bank-artifacts",
      logs: "projects/acme-ai-prod/locations/europe-west4/keyRings/bank-keyring/cryptoKeys/bank-logs",
    });
  });
});

describe("GCP keys with every key in HSM and a shorter rotation", () => {
  it("uses HSM for the logs key too and rotates at the configured period", async () => {
    const all = await buildGcp(
      "allhsm",
      gcpArgs({ encryption: { hsm: "all", rotationDays: 30 }, models: [{ name: "chat" }] }),
    );
    for (const key of all.ofType(CRYPTO_KEY)) {
      expect(key.inputs.rotationPeriod).toBe("2592000s");
      expect((key.inputs.versionTemplate as { protectionLevel: string }).protectionLevel).toBe("HSM");
    }
  });

  it("adds an EXTERNAL_VPC key on the Cloud EKM connection for local data", async () => {
    const ekm = "projects/acme-ai-prod/locations/europe-west4/ekmConnections/onprem";
    const hybrid = await buildGcp("hybrid", gcpArgs({ encryption: { externalKeyStore: ekm } }));
    expect(hybrid.named(CRYPTO_KEY, "hybrid-external").inputs).toMatchObject({
      cryptoKeyBackend: ekm,
      skipInitialVersionCreation: true,
      versionTemplate: { algorithm: "EXTERNAL_SYMMETRIC_ENCRYPTION", protectionLevel: "EXTERNAL_VPC" },
      deletionPolicy: "PREVENT",
    });
    expect(hybrid.controls.find((c) => c.id === "SAI-ENC-08")?.status).toBe("implemented");
  });
});
