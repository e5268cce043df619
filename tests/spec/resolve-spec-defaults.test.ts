import { describe, expect, it } from "vitest";
import { resolveSpec } from "../../components/spec/resolve";

const NOW = new Date("2026-06-01T12:00:00Z");

describe("resolveSpec applies secure defaults", () => {
  const spec = resolveSpec(
    { cloud: "aws", aws: { region: "eu-west-1" }, models: [{ name: "chatbot" }] },
    { now: NOW },
  );

  it("keeps the chosen cloud and its block only", () => {
    expect(spec.cloud).toBe("aws");
    expect(spec.aws).toEqual({ region: "eu-west-1", customKeyStoreId: undefined });
    expect(spec.gcp).toBeUndefined();
    expect(spec.azure).toBeUndefined();
  });

  it("defaults models to standard sensitivity and the cloud's first serving option", () => {
    expect(spec.models).toEqual([
      {
        name: "chatbot",
        sensitivity: "standard",
        serving: "sagemaker",
        hsm: false,
        baseModel: undefined,
        instanceType: undefined,
        guardrailStrength: "high",
        scope: "fine-tuned",
      },
    ]);
    expect(spec.anyHsm).toBe(false);
  });

  it("rotates keys every 90 days, TLS 1.3, private network, MFA, SIEM, every singleton created", () => {
    expect(spec.encryption).toEqual({
      rotationDays: 90,
      hsm: "high-sensitivity",
      breakGlassPrincipals: [],
      externalKeyStore: undefined,
    });
    expect(spec.transport).toEqual({
      minimumTlsVersion: "1.3",
      mutualTls: { enabled: false, caBundle: undefined },
    });
    expect(spec.network).toEqual({ cidr: "10.40.0.0/16", zoneCount: 2, existing: undefined });
    expect(spec.identity.requireMfa).toBe(true);
    expect(spec.logging).toEqual({
      retentionDays: 365,
      auditLockDays: 365,
      siem: "native",
      siemDestination: undefined,
    });
    expect(spec.detection.singletons).toEqual({
      threatDetection: "create",
      postureManagement: "create",
      modelInvocationLogging: "create",
      siemOnboarding: "create",
      auditConfig: "create",
    });
    expect(spec.detection.severityThreshold).toBe("medium");
    expect(spec.publicApi).toEqual({
      enabled: false,
      waf: true,
      rateLimit: 2000,
      certificate: undefined,
      domainName: undefined,
    });
    expect(spec.compliance.frameworks).toEqual(["soc2", "iso27001", "hipaa", "gdpr", "nist80053"]);
    expect(spec.waivers).toEqual([]);
  });

  it("marks high-sensitivity models, and every model with hsm: all, as HSM-backed", () => {
    const high = resolveSpec(
      {
        cloud: "gcp",
        gcp: { project: "ai-prod-123", region: "europe-west4" },
        models: [{ name: "a", sensitivity: "high" }, { name: "b" }],
      },
      { now: NOW },
    );
    expect(high.models.map((m) => [m.name, m.serving, m.hsm])).toEqual([
      ["a", "vertex", true],
      ["b", "vertex", false],
    ]);
    expect(high.anyHsm).toBe(true);
    const all = resolveSpec(
      {
        cloud: "azure",
        azure: { location: "westeurope", tenantId: "00000000-0000-0000-0000-000000000000" },
        models: [{ name: "a" }],
        encryption: { hsm: "all" },
      },
      { now: NOW },
    );
    expect(all.models[0]).toMatchObject({ serving: "openai", hsm: true });
  });

  it("accepts a weakened control when it carries a valid waiver", () => {
    const waived = resolveSpec(
      {
        cloud: "aws",
        aws: { region: "us-east-1" },
        models: [{ name: "m" }],
        publicApi: { enabled: true, waf: false },
        waivers: [
          {
            control: "SAI-NET-05",
            reason: "internal pilot behind the corporate proxy",
            expires: "2026-06-01",
          },
        ],
      },
      { now: NOW },
    );
    expect(waived.publicApi.waf).toBe(false);
    expect(waived.waivers).toEqual([
      { control: "SAI-NET-05", reason: "internal pilot behind the corporate proxy", expires: "2026-06-01" },
    ]);
  });

  it("accepts a weaker model guardrail when SAI-MOD-03 carries a waiver", () => {
    const waived = resolveSpec(
      {
        cloud: "azure",
        azure: { location: "westeurope", tenantId: "11111111-1111-4111-8111-111111111111" },
        models: [{ name: "clinic", guardrailStrength: "medium" }, { name: "chat" }],
        waivers: [{ control: "SAI-MOD-03", reason: "clinical vocabulary trips the Low threshold" }],
      },
      { now: NOW },
    );
    expect(waived.models.map((m) => m.guardrailStrength)).toEqual(["medium", "high"]);
  });

  it("keeps personal datasets with their retention", () => {
    const withData = resolveSpec(
      {
        cloud: "aws",
        aws: { region: "eu-west-1" },
        models: [{ name: "m" }],
        datasets: [{ name: "chats", personalData: true, retentionDays: 30 }, { name: "docs" }],
      },
      { now: NOW },
    );
    expect(withData.datasets).toEqual([
      { name: "chats", personalData: true, retentionDays: 30 },
      { name: "docs", personalData: false, retentionDays: undefined },
    ]);
  });

  it("does not modify its input", () => {
    const args = { cloud: "aws", aws: { region: "eu-west-1" }, models: [{ name: "m" }] };
    const copy = structuredClone(args);
    resolveSpec(args, { now: NOW });
    expect(args).toEqual(copy);
  });
});
