import * as pulumi from "@pulumi/pulumi";
import * as certificatemanager from "@pulumi/gcp/certificatemanager";
import * as compute from "@pulumi/gcp/compute";
import * as networksecurity from "@pulumi/gcp/networksecurity";
import { fitName } from "./names";
import type { GcpScope } from "./scope";
import { cloudArmorRules } from "./waf-rules";

/** The public API's ingress, when `publicApi.enabled`. */
export interface PublicEdge {
  sslPolicy: compute.SSLPolicy;
  securityPolicy?: compute.SecurityPolicy;
  backendService: compute.BackendService;
  proxy: compute.TargetHttpsProxy;
  forwardingRule: compute.GlobalForwardingRule;
  /** The API's URL: `https://<domainName>`, or the load balancer's address. */
  url: pulumi.Output<string>;
}

/** SSL policy settings for the configured minimum: TLS 1.3 only by default, 1.2 under a waiver. */
export function sslPolicySettings(minimum: "1.2" | "1.3"): { minTlsVersion: string; profile: string } {
  return { minTlsVersion: minimum === "1.3" ? "TLS_1_3" : "TLS_1_2", profile: "RESTRICTED" };
}

/** Splits a PEM bundle into its certificates (a trust config takes one anchor per certificate). */
export function splitPem(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/** Name of the Cloud Run service the public API forwards to (deployed by the application team). */
export function gatewayServiceName(platform: string): string {
  return fitName([platform, "gateway"], 49);
}

/**
 * A global external Application Load Balancer in front of the gateway service: SSL policy with TLS 1.3 and
 * the RESTRICTED profile, Cloud Armor with preconfigured WAF rules, a per-IP rate-based ban and adaptive
 * protection (layer 7 DDoS), optional mutual TLS through a Certificate Manager trust config, and request logs.
 */
export function buildEdge(scope: GcpScope): PublicEdge {
  const { name, project, region, spec, evidence } = scope;
  const opts = { parent: scope.parent };
  const sslPolicy = new compute.SSLPolicy(
    `${name}-tls`,
    { name: fitName([name, "tls"], 63), project, ...sslPolicySettings(spec.transport.minimumTlsVersion) },
    opts,
  );
  const securityPolicy = spec.publicApi.waf
    ? new compute.SecurityPolicy(
        `${name}-armor`,
        {
          name: fitName([name, "armor"], 63),
          project,
          type: "CLOUD_ARMOR",
          description: `WAF and rate limiting of the ${name} public API`,
          adaptiveProtectionConfig: { layer7DdosDefenseConfig: { enable: true, ruleVisibility: "STANDARD" } },
          rules: cloudArmorRules(spec.publicApi.rateLimit),
          labels: scope.labels,
        },
        opts,
      )
    : undefined;
  const gateway = new compute.RegionNetworkEndpointGroup(
    `${name}-gateway`,
    {
      name: fitName([name, "gateway"], 63),
      project,
      region,
      networkEndpointType: "SERVERLESS",
      cloudRun: { service: gatewayServiceName(name) },
    },
    opts,
  );
  const backendService = new compute.BackendService(
    `${name}-api`,
    {
      name: fitName([name, "api"], 63),
      project,
      loadBalancingScheme: "EXTERNAL_MANAGED",
      protocol: "HTTPS",
      backends: [{ group: gateway.id }],
      ...(securityPolicy ? { securityPolicy: securityPolicy.id } : {}),
      logConfig: { enable: true, sampleRate: 1 },
    },
    opts,
  );
  const urlMap = new compute.URLMap(
    `${name}-api`,
    { name: fitName([name, "api"], 63), project, defaultService: backendService.id },
    opts,
  );

  const mtls = buildMutualTls(scope);
  // checkGcpSpec guarantees a certificate whenever the public API is on.
  const certificate = spec.publicApi.certificate ?? "";
  const proxy = new compute.TargetHttpsProxy(
    `${name}-api`,
    {
      name: fitName([name, "api"], 63),
      project,
      urlMap: urlMap.id,
      sslCertificates: [certificate],
      sslPolicy: sslPolicy.id,
      ...(mtls ? { serverTlsPolicy: mtls.serverTlsPolicy.id } : {}),
    },
    opts,
  );
  const address = new compute.GlobalAddress(
    `${name}-api`,
    {
      name: fitName([name, "api"], 63),
      project,
      addressType: "EXTERNAL",
      ipVersion: "IPV4",
      labels: scope.labels,
    },
    opts,
  );
  // Only port 443: there is no plain-HTTP listener to redirect from.
  const forwardingRule = new compute.GlobalForwardingRule(
    `${name}-api`,
    {
      name: fitName([name, "api"], 63),
      project,
      target: proxy.id,
      ipAddress: address.id,
      portRange: "443",
      ipProtocol: "TCP",
      loadBalancingScheme: "EXTERNAL_MANAGED",
      labels: scope.labels,
    },
    opts,
  );
  const url = spec.publicApi.domainName
    ? pulumi.output(`https://${spec.publicApi.domainName}`)
    : pulumi.interpolate`https://${address.address}`;

  evidence.implemented(
    "SAI-TLS-01",
    [sslPolicy, proxy, forwardingRule],
    `the HTTPS load balancer's SSL policy is ${sslPolicySettings(spec.transport.minimumTlsVersion).minTlsVersion} with the RESTRICTED profile; no HTTP listener`,
  );
  if (securityPolicy) {
    evidence.implemented(
      "SAI-NET-05",
      [securityPolicy, backendService],
      "Cloud Armor with preconfigured OWASP rules, a per-IP rate-based ban and adaptive protection (layer 7 DDoS); Google's edge absorbs network DDoS",
    );
  } else {
    evidence.gap("SAI-NET-05", "the public API has no WAF (publicApi.waf: false)", [backendService]);
  }
  if (mtls) {
    evidence.implemented(
      "SAI-TLS-03",
      [mtls.trustConfig, mtls.serverTlsPolicy, proxy],
      "server TLS policy rejects clients without a certificate from the trust config's authorities",
    );
  } else {
    evidence.notApplicable("SAI-TLS-03", "mutual TLS is available (transport.mutualTls) and not requested");
  }
  return { sslPolicy, securityPolicy, backendService, proxy, forwardingRule, url };
}

/** Trust config and server TLS policy for mutual TLS, when `transport.mutualTls.enabled`. */
function buildMutualTls(
  scope: GcpScope,
):
  | { trustConfig: certificatemanager.TrustConfig; serverTlsPolicy: networksecurity.ServerTlsPolicy }
  | undefined {
  const { name, project, spec } = scope;
  const { enabled, caBundle } = spec.transport.mutualTls;
  if (!enabled || !caBundle) return undefined;
  const opts = { parent: scope.parent };
  const trustConfig = new certificatemanager.TrustConfig(
    `${name}-client-cas`,
    {
      name: fitName([name, "client-cas"], 63),
      project,
      location: "global",
      trustStores: [{ trustAnchors: splitPem(caBundle).map((pemCertificate) => ({ pemCertificate })) }],
      labels: scope.labels,
    },
    opts,
  );
  const serverTlsPolicy = new networksecurity.ServerTlsPolicy(
    `${name}-mtls`,
    {
      name: fitName([name, "mtls"], 63),
      project,
      location: "global",
      mtlsPolicy: { clientValidationMode: "REJECT_INVALID", clientValidationTrustConfig: trustConfig.id },
      labels: scope.labels,
    },
    opts,
  );
  return { trustConfig, serverTlsPolicy };
}
