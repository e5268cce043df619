import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

const SSL_POLICY = "gcp:compute/sSLPolicy:SSLPolicy";
const SECURITY_POLICY = "gcp:compute/securityPolicy:SecurityPolicy";
const PROXY = "gcp:compute/targetHttpsProxy:TargetHttpsProxy";
const FORWARDING_RULE = "gcp:compute/globalForwardingRule:GlobalForwardingRule";
const CERTIFICATE = "projects/acme-ai-prod/global/sslCertificates/api-example-com";
const CA = "-----BEGIN CERTIFICATE-----\nMIIBfake1\n-----END CERTIFICATE-----";
const CA2 = "-----BEGIN CERTIFICATE-----\nMIIBfake2\n-----END CERTIFICATE-----";

let built: BuiltPlatform;

beforeAll(async () => {
  await installGcpMocks();
  built = await buildGcp(
    "edge",
    gcpArgs({
      publicApi: { enabled: true, certificate: CERTIFICATE, domainName: "api.example.com", rateLimit: 500 },
    }),
  );
});

function status(platform: BuiltPlatform, id: string): string | undefined {
  return platform.controls.find((c) => c.id === id)?.status;
}

describe("GCP public edge", () => {
  it("accepts TLS 1.3 only: SSL policy TLS_1_3 with the RESTRICTED profile on the HTTPS proxy", () => {
    expect(built.named(SSL_POLICY, "edge-tls").inputs).toEqual({
      name: "edge-tls",
      project: "acme-ai-prod",
      minTlsVersion: "TLS_1_3",
      profile: "RESTRICTED",
    });
    expect(built.named(PROXY, "edge-api").inputs).toMatchObject({
      sslPolicy: "edge-tls-id",
      sslCertificates: [CERTIFICATE],
      urlMap: "edge-api-id",
    });
    expect(built.named(PROXY, "edge-api").inputs.serverTlsPolicy).toBeUndefined();
    expect(status(built, "SAI-TLS-01")).toBe("implemented");
  });

  it("listens on HTTPS 443 only, through a global external Application Load Balancer", () => {
    const rules = built
      .ofType(FORWARDING_RULE)
      .filter((r) => r.inputs.loadBalancingScheme === "EXTERNAL_MANAGED");
    expect(rules.map((r) => [r.inputs.portRange, r.inputs.target])).toEqual([["443", "edge-api-id"]]);
    expect(built.outputs.publicEndpoint).toBe("https://api.example.com");
  });

  it("puts Cloud Armor in front: adaptive protection, a per-IP rate-based ban and preconfigured WAF rules", () => {
    const policy = built.named(SECURITY_POLICY, "edge-armor").inputs;
    expect(policy).toMatchObject({
      type: "CLOUD_ARMOR",
      adaptiveProtectionConfig: { layer7DdosDefenseConfig: { enable: true, ruleVisibility: "STANDARD" } },
    });
    const rules = policy.rules as {
      priority: number;
      action: string;
      match: { expr?: { expression: string } };
    }[];
    expect(rules[0]).toMatchObject({
      action: "rate_based_ban",
      rateLimitOptions: {
        enforceOnKey: "IP",
        exceedAction: "deny(429)",
        rateLimitThreshold: { count: 500, intervalSec: 300 },
      },
    });
    const waf = rules.filter((r) => r.match.expr).map((r) => [r.action, r.match.expr?.expression]);
    expect(waf).toContainEqual([
      "deny(403)",
      "evaluatePreconfiguredWaf('sqli-v33-stable', {'sensitivity': 1})",
    ]);
    expect(waf).toContainEqual([
      "deny(403)",
      "evaluatePreconfiguredWaf('xss-v33-stable', {'sensitivity': 1})",
    ]);
    expect(rules.at(-1)).toMatchObject({ priority: 2147483647, action: "allow" });
    expect(built.named("gcp:compute/backendService:BackendService", "edge-api").inputs).toMatchObject({
      securityPolicy: "edge-armor-id",
      loadBalancingScheme: "EXTERNAL_MANAGED",
      protocol: "HTTPS",
    });
    expect(status(built, "SAI-NET-05")).toBe("implemented");
  });

  it("requires client certificates from the trust config when mutual TLS is on", async () => {
    const mtls = await buildGcp(
      "mtls",
      gcpArgs({
        publicApi: { enabled: true, certificate: CERTIFICATE },
        transport: { mutualTls: { enabled: true, caBundle: `${CA}\n${CA2}\n` } },
      }),
    );
    expect(
      mtls.named("gcp:certificatemanager/trustConfig:TrustConfig", "mtls-client-cas").inputs,
    ).toMatchObject({
      location: "global",
      trustStores: [{ trustAnchors: [{ pemCertificate: CA }, { pemCertificate: CA2 }] }],
    });
    expect(
      mtls.named("gcp:networksecurity/serverTlsPolicy:ServerTlsPolicy", "mtls-mtls").inputs,
    ).toMatchObject({
      location: "global",
      mtlsPolicy: {
        clientValidationMode: "REJECT_INVALID",
        clientValidationTrustConfig: "mtls-client-cas-id",
      },
    });
    expect(mtls.named(PROXY, "mtls-api").inputs.serverTlsPolicy).toBe("mtls-mtls-id");
    expect(mtls.outputs.publicEndpoint).toBe("https://203.0.113.10");
    expect(status(mtls, "SAI-TLS-03")).toBe("implemented");
  });

  it("uses TLS_1_2 under a waiver and reports SAI-TLS-01 as waived", async () => {
    const weak = await buildGcp(
      "legacy",
      gcpArgs({
        publicApi: { enabled: true, certificate: CERTIFICATE },
        transport: { minimumTlsVersion: "1.2" },
        waivers: [{ control: "SAI-TLS-01", reason: "legacy partner clients cannot speak TLS 1.3 yet" }],
      }),
    );
    expect(weak.named(SSL_POLICY, "legacy-tls").inputs).toMatchObject({
      minTlsVersion: "TLS_1_2",
      profile: "RESTRICTED",
    });
    expect(status(weak, "SAI-TLS-01")).toBe("waived");
  });

  it("omits Cloud Armor only under a SAI-NET-05 waiver, which the evidence shows", async () => {
    const open = await buildGcp(
      "nowaf",
      gcpArgs({
        publicApi: { enabled: true, certificate: CERTIFICATE, waf: false },
        waivers: [{ control: "SAI-NET-05", reason: "fronted by the partner's own WAF and DDoS service" }],
      }),
    );
    expect(open.ofType(SECURITY_POLICY)).toEqual([]);
    expect(
      open.named("gcp:compute/backendService:BackendService", "nowaf-api").inputs.securityPolicy,
    ).toBeUndefined();
    expect(status(open, "SAI-NET-05")).toBe("waived");
  });
});
