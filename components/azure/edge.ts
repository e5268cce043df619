import type * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as network from "@pulumi/azure-native/network";
import type * as input from "@pulumi/azure-native/types/input";
import * as pulumi from "@pulumi/pulumi";
import type { AuditSink } from "./audit";
import type { AzureContext } from "./context";
import { type WorkloadIdentities, workloadIdentity } from "./identity";
import type { ServedModel } from "./serving-types";
import * as authorization from "@pulumi/azure-native/authorization";
import { BUILT_IN_ROLES, roleDefinitionId } from "./roles";

/** Cipher suites for a TLS 1.2 minimum (waived): ECDHE with AES-GCM only. TLS 1.3 suites are implicit. */
export const TLS12_CIPHER_SUITES = [
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
] as const;
/** OWASP Core Rule Set version of the WAF policy. */
export const OWASP_RULE_SET = { ruleSetType: "OWASP", ruleSetVersion: "3.2" } as const;

/** The gateway's TLS policy: CustomV2 with TLS 1.3 minimum, or 1.2 with strong suites when waived. */
export function gatewaySslPolicy(minimum: "1.2" | "1.3"): input.network.ApplicationGatewaySslPolicyArgs {
  return minimum === "1.3"
    ? { policyType: "CustomV2", minProtocolVersion: "TLSv1_3" }
    : { policyType: "CustomV2", minProtocolVersion: "TLSv1_2", cipherSuites: [...TLS12_CIPHER_SUITES] };
}

/** Public path of a model behind the gateway. */
export function publicPath(model: ServedModel): string {
  return model.model.serving === "ml"
    ? `/ml/${model.model.name}/*`
    : `/openai/deployments/${model.model.name}/*`;
}

/** What the edge created. */
export interface AzureEdge {
  gateway: network.ApplicationGateway;
  publicIp: network.PublicIPAddress;
  wafPolicy?: network.WebApplicationFirewallPolicy;
  identity: managedidentity.UserAssignedIdentity;
  url: pulumi.Output<string>;
}

/** The WAF policy: OWASP rules in prevention mode plus a per-client-IP rate limit. */
function buildWafPolicy(context: AzureContext): network.WebApplicationFirewallPolicy {
  const { spec, name, resourceGroupName, location, tags, opts } = context;
  return new network.WebApplicationFirewallPolicy(
    `${name}-waf`,
    {
      resourceGroupName,
      location,
      policySettings: { mode: "Prevention", state: "Enabled", requestBodyCheck: true },
      managedRules: { managedRuleSets: [{ ...OWASP_RULE_SET }] },
      customRules: [
        {
          name: "RateLimitPerClientIp",
          priority: 10,
          ruleType: "RateLimitRule",
          rateLimitDuration: "FiveMins",
          rateLimitThreshold: spec.publicApi.rateLimit,
          groupByUserSession: [{ groupByVariables: [{ variableName: "ClientAddr" }] }],
          // Matches every client: a negated match on an address no client has.
          matchConditions: [
            {
              matchVariables: [{ variableName: "RemoteAddr" }],
              operator: "IPMatch",
              negationConditon: true,
              matchValues: ["255.255.255.255/32"],
            },
          ],
          action: "Block",
          state: "Enabled",
        },
      ],
      tags,
    },
    opts,
  );
}

/**
 * The public API (only when `publicApi.enabled`): an Application Gateway v2 in its own subnet, TLS 1.3 only
 * (CustomV2 policy), optional mutual TLS through an SSL profile, WAF_v2 with an OWASP prevention policy and
 * a rate limit, DDoS IP protection on its public IP, path-based routing to each model's private endpoint.
 */
export function buildEdge(
  context: AzureContext,
  gatewaySubnetId: pulumi.Input<string>,
  models: ServedModel[],
  identities: WorkloadIdentities,
  sink: AuditSink,
): AzureEdge {
  const { spec, evidence, name, names, resourceGroupName, location, subscriptionId, tags, opts } = context;
  const { publicApi, transport } = spec;
  const certificate = publicApi.certificate as string; // checked by checkAzureSpec
  const identity = workloadIdentity(context, identities, "edge:gateway");
  const publicIp = new network.PublicIPAddress(
    `${name}-gateway-ip`,
    {
      resourceGroupName,
      location,
      sku: { name: "Standard", tier: "Regional" },
      publicIPAllocationMethod: "Static",
      publicIPAddressVersion: "IPv4",
      ddosSettings: { protectionMode: "Enabled" },
      tags,
    },
    opts,
  );
  // Application Gateway reads its Key Vault certificate with its identity, which needs Key Vault Secrets User on an
  // RBAC vault (or Get on secrets in an access policy) before the gateway is created, or the gateway fails with
  // KeyVaultSecretAccessDenied (https://learn.microsoft.com/en-us/azure/application-gateway/key-vault-certs).
  // The grant is scoped to the certificate's secret only.
  const secretName = certificate.replace(/^https:\/\/[^/]+\/secrets\//, "").split("/")[0] ?? "";
  const certificateGrant = new authorization.RoleAssignment(
    `${name}-gateway-certificate-reader`,
    {
      scope: `${publicApi.certificateVaultId as string}/secrets/${secretName}`, // checked by checkAzureSpec
      principalId: identity.principalId,
      principalType: "ServicePrincipal",
      roleDefinitionId: roleDefinitionId(subscriptionId, BUILT_IN_ROLES.keyVaultSecretsUser),
      description: "Application Gateway reads its TLS certificate",
    },
    opts,
  );
  const wafPolicy = publicApi.waf ? buildWafPolicy(context) : undefined;
  const gatewayName = names.bounded(`${name}-gateway`, 80);
  const gatewayId = pulumi.interpolate`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Network/applicationGateways/${gatewayName}`;
  const ref = (kind: string, child: string) => ({ id: pulumi.interpolate`${gatewayId}/${kind}/${child}` });
  const sslPolicy = gatewaySslPolicy(transport.minimumTlsVersion);
  const mutualTls = transport.mutualTls.enabled && transport.mutualTls.caBundle !== undefined;
  const mlModels = models.filter((model) => model.model.serving === "ml");

  const gateway = new network.ApplicationGateway(
    `${name}-gateway`,
    {
      resourceGroupName,
      location,
      applicationGatewayName: gatewayName,
      sku: publicApi.waf ? { name: "WAF_v2", tier: "WAF_v2" } : { name: "Standard_v2", tier: "Standard_v2" },
      autoscaleConfiguration: { minCapacity: 1, maxCapacity: 10 },
      identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
      firewallPolicy: wafPolicy ? { id: wafPolicy.id } : undefined,
      forceFirewallPolicyAssociation: wafPolicy ? true : undefined,
      enableHttp2: true,
      sslPolicy,
      gatewayIPConfigurations: [{ name: "gateway", subnet: { id: gatewaySubnetId } }],
      frontendIPConfigurations: [{ name: "public", publicIPAddress: { id: publicIp.id } }],
      frontendPorts: [{ name: "https", port: 443 }],
      sslCertificates: [{ name: "api", keyVaultSecretId: certificate }],
      trustedClientCertificates: mutualTls
        ? [
            {
              name: "client-cas",
              data: Buffer.from(transport.mutualTls.caBundle as string).toString("base64"),
            },
          ]
        : undefined,
      sslProfiles: mutualTls
        ? [
            {
              name: "mutual-tls",
              sslPolicy,
              clientAuthConfiguration: { verifyClientCertIssuerDN: true },
              trustedClientCertificates: [ref("trustedClientCertificates", "client-cas")],
            },
          ]
        : undefined,
      httpListeners: [
        {
          name: "https",
          protocol: "Https",
          frontendIPConfiguration: ref("frontendIPConfigurations", "public"),
          frontendPort: ref("frontendPorts", "https"),
          sslCertificate: ref("sslCertificates", "api"),
          sslProfile: mutualTls ? ref("sslProfiles", "mutual-tls") : undefined,
          hostName: publicApi.domainName,
          requireServerNameIndication: publicApi.domainName !== undefined,
        },
      ],
      backendAddressPools: models.map((model) => ({
        name: `model-${model.model.name}`,
        backendAddresses: [{ fqdn: model.backendHost }],
      })),
      backendHttpSettingsCollection: [
        {
          name: "https-backend",
          port: 443,
          protocol: "Https",
          pickHostNameFromBackendAddress: true,
          cookieBasedAffinity: "Disabled",
          requestTimeout: 120,
        },
      ],
      rewriteRuleSets: mlModels.map((model) => ({
        name: `ml-${model.model.name}`,
        rewriteRules: [
          {
            name: "score",
            ruleSequence: 100,
            actionSet: { urlConfiguration: { modifiedPath: "/score", reroute: false } },
          },
        ],
      })),
      urlPathMaps: [
        {
          name: "models",
          defaultBackendAddressPool: ref("backendAddressPools", `model-${models[0].model.name}`),
          defaultBackendHttpSettings: ref("backendHttpSettingsCollection", "https-backend"),
          pathRules: models.map((model) => ({
            name: `model-${model.model.name}`,
            paths: [publicPath(model)],
            backendAddressPool: ref("backendAddressPools", `model-${model.model.name}`),
            backendHttpSettings: ref("backendHttpSettingsCollection", "https-backend"),
            rewriteRuleSet:
              model.model.serving === "ml" ? ref("rewriteRuleSets", `ml-${model.model.name}`) : undefined,
          })),
        },
      ],
      requestRoutingRules: [
        {
          name: "models",
          ruleType: "PathBasedRouting",
          priority: 100,
          httpListener: ref("httpListeners", "https"),
          urlPathMap: ref("urlPathMaps", "models"),
        },
      ],
      tags,
    },
    { ...opts, dependsOn: [certificateGrant] },
  );
  sink.diagnose({ label: "gateway", resourceUri: gateway.id, logs: ["group:allLogs"], resource: gateway });

  const host = publicApi.domainName ?? publicIp.ipAddress;
  const url = pulumi.interpolate`https://${host}`;
  evidence.implemented(
    "SAI-TLS-01",
    [gateway],
    transport.minimumTlsVersion === "1.3"
      ? "Application Gateway SSL policy CustomV2 with minimum TLSv1_3"
      : "Application Gateway SSL policy CustomV2 with minimum TLSv1_2 (waived), ECDHE-GCM suites only",
  );
  evidence.implemented(
    "SAI-TLS-01",
    [identity, certificateGrant],
    "the gateway's identity holds Key Vault Secrets User on its certificate's secret only, granted before the gateway",
  );
  if (mutualTls) {
    evidence.implemented(
      "SAI-TLS-03",
      [gateway],
      "SSL profile requires client certificates from the given CAs",
    );
  } else {
    evidence.notApplicable("SAI-TLS-03", "mutual TLS is available (transport.mutualTls) and not enabled");
  }
  if (wafPolicy) {
    evidence.implemented(
      "SAI-NET-05",
      [wafPolicy, gateway, publicIp],
      `WAF_v2 with OWASP ${OWASP_RULE_SET.ruleSetVersion} in prevention mode, rate limit ${publicApi.rateLimit} requests per client IP per 5 minutes, DDoS IP Protection on the public IP`,
    );
  }
  return { gateway, publicIp, wafPolicy, identity, url };
}
