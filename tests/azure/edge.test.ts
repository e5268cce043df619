import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError, SecureAiPlatform } from "../../components";
import { type BuiltPlatform, buildAzure, installAzureMocks } from "../helpers/azure-mocks";
import { bankArgs, CA_BUNDLE, CERTIFICATE, CERTIFICATE_VAULT_ID } from "./fixtures";

const GATEWAY = "azure-native:network:ApplicationGateway";
const WAF = "azure-native:network:WebApplicationFirewallPolicy";
const PUBLIC_IP = "azure-native:network:PublicIPAddress";

let tls13: BuiltPlatform;
let waived: BuiltPlatform;

beforeAll(async () => {
  await installAzureMocks();
  tls13 = await buildAzure(
    "chatbot",
    bankArgs({
      publicApi: {
        enabled: true,
        certificate: CERTIFICATE,
        certificateVaultId: CERTIFICATE_VAULT_ID,
        domainName: "chat.example.com",
        rateLimit: 500,
      },
      transport: { mutualTls: { enabled: true, caBundle: CA_BUNDLE } },
    }),
  );
  waived = await buildAzure(
    "legacy",
    bankArgs({
      publicApi: { enabled: true, certificate: CERTIFICATE, certificateVaultId: CERTIFICATE_VAULT_ID },
      transport: { minimumTlsVersion: "1.2" },
      waivers: [{ control: "SAI-TLS-01", reason: "legacy partner clients only speak TLS 1.2" }],
    }),
  );
});

describe("Azure public edge", () => {
  it("terminates TLS 1.3 only with a CustomV2 policy on a WAF_v2 gateway", () => {
    const [gateway] = tls13.ofType(GATEWAY);
    expect(gateway.inputs).toMatchObject({
      sku: { name: "WAF_v2", tier: "WAF_v2" },
      sslPolicy: { policyType: "CustomV2", minProtocolVersion: "TLSv1_3" },
      sslCertificates: [{ name: "api", keyVaultSecretId: CERTIFICATE }],
      forceFirewallPolicyAssociation: true,
    });
    const listener = (gateway.inputs.httpListeners as Record<string, unknown>[])[0];
    expect(listener).toMatchObject({
      protocol: "Https",
      hostName: "chat.example.com",
      requireServerNameIndication: true,
    });
    expect(tls13.outputs.publicEndpoint).toBe("https://chat.example.com");
    expect(tls13.control("SAI-TLS-01").status).toBe("implemented");
  });

  it("requires client certificates through an SSL profile when mutual TLS is on", () => {
    const [gateway] = tls13.ofType(GATEWAY);
    expect(gateway.inputs.trustedClientCertificates).toEqual([
      { name: "client-cas", data: Buffer.from(CA_BUNDLE).toString("base64") },
    ]);
    const [profile] = gateway.inputs.sslProfiles as Record<string, unknown>[];
    expect(profile).toMatchObject({
      name: "mutual-tls",
      sslPolicy: { policyType: "CustomV2", minProtocolVersion: "TLSv1_3" },
      clientAuthConfiguration: { verifyClientCertIssuerDN: true },
    });
    const listener = (gateway.inputs.httpListeners as { sslProfile: { id: string } }[])[0];
    expect(listener.sslProfile.id).toMatch(/\/sslProfiles\/mutual-tls$/);
    expect(tls13.control("SAI-TLS-03").status).toBe("implemented");
    expect(waived.control("SAI-TLS-03").status).toBe("not-applicable");
  });

  it("puts an OWASP prevention WAF with a per-IP rate limit and DDoS IP protection in front", () => {
    const [waf] = tls13.ofType(WAF);
    expect(waf.inputs).toMatchObject({
      policySettings: { mode: "Prevention", state: "Enabled" },
      managedRules: { managedRuleSets: [{ ruleSetType: "OWASP", ruleSetVersion: "3.2" }] },
      customRules: [
        {
          ruleType: "RateLimitRule",
          rateLimitDuration: "FiveMins",
          rateLimitThreshold: 500,
          groupByUserSession: [{ groupByVariables: [{ variableName: "ClientAddr" }] }],
          action: "Block",
        },
      ],
    });
    expect(tls13.ofType(PUBLIC_IP)[0].inputs.ddosSettings).toEqual({ protectionMode: "Enabled" });
    expect(tls13.control("SAI-NET-05").status).toBe("implemented");
  });

  it("routes each model by path to its private host, rewriting Azure ML paths to /score", () => {
    const [gateway] = tls13.ofType(GATEWAY);
    const pools = gateway.inputs.backendAddressPools as {
      name: string;
      backendAddresses: { fqdn: string }[];
    }[];
    expect(pools.map((pool) => pool.name)).toEqual(["model-advisor", "model-forecaster"]);
    expect(pools[0].backendAddresses[0].fqdn).toMatch(/\.openai\.azure\.com$/);
    expect(pools[1].backendAddresses[0].fqdn).toMatch(/\.westeurope\.inference\.ml\.azure\.com$/);
    const [pathMap] = gateway.inputs.urlPathMaps as {
      pathRules: { paths: string[]; rewriteRuleSet?: unknown }[];
    }[];
    expect(pathMap.pathRules.map((rule) => rule.paths)).toEqual([
      ["/openai/deployments/advisor/*"],
      ["/ml/forecaster/*"],
    ]);
    expect(pathMap.pathRules[1].rewriteRuleSet).toBeDefined();
    expect(pathMap.pathRules[0].rewriteRuleSet).toBeUndefined();
  });

  it("uses TLSv1_2 with ECDHE-GCM suites only when TLS 1.2 is waived", () => {
    const [gateway] = waived.ofType(GATEWAY);
    expect(gateway.inputs.sslPolicy).toEqual({
      policyType: "CustomV2",
      minProtocolVersion: "TLSv1_2",
      cipherSuites: [
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      ],
    });
    expect(waived.control("SAI-TLS-01").status).toBe("waived");
  });

  it("rejects a public API without a Key Vault certificate", () => {
    for (const certificate of [undefined, "arn:aws:acm:eu-west-1:123456789012:certificate/x"]) {
      expect(
        () =>
          new SecureAiPlatform(
            `cert${certificate ? 1 : 0}`,
            bankArgs({ publicApi: { enabled: true, certificate } }),
          ),
      ).toThrow(expect.objectContaining({ name: "SecureAiConfigError", path: "publicApi.certificate" }));
    }
    expect(SecureAiConfigError.name).toBe("SecureAiConfigError");
  });
});
