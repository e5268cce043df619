import type { ControlDraft } from "./types";

/** Transport-encryption controls (SAI-TLS-01 … SAI-TLS-03). */
export const transportControls: readonly ControlDraft[] = [
  {
    id: "SAI-TLS-01",
    title:
      "Every ingress the platform owns (load balancer, API gateway, application gateway, front door) accepts TLS 1.3 only",
    seedSection: "§3 Data in Transit; §4 Encryption",
    domain: "transport",
    severity: "high",
    frameworks: {
      soc2: ["CC6.7"],
      iso27001: ["A.5.14", "A.8.24"],
      hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
      gdpr: ["Art. 32(1)(a)"],
      nist80053: ["SC-8", "SC-8(1)", "SC-13"],
    },
    cis: ["CIS GCP Foundations 3.0.0 3.9"],
    clouds: {
      aws: {
        implementation:
          "HTTPS/TLS listeners (aws.lb.Listener) with sslPolicy ELBSecurityPolicy-TLS13-1-3-2021-06 or its 2025 " +
          "post-quantum variant; REST API custom domains (aws.apigateway.DomainName) with securityPolicy " +
          "SecurityPolicy_TLS13_1_3_2025_09 and endpointAccessMode STRICT; CloudFront viewer certificates with " +
          "minimumProtocolVersion TLSv1.3_2025.",
        limitation:
          "API Gateway HTTP and WebSocket (v2) custom domains only offer a TLS 1.2 security policy, so such an API " +
          "needs an ALB or CloudFront in front to be TLS 1.3-only.",
        limitationCondition:
          "the public API is an API Gateway v2 (HTTP or WebSocket) API without a TLS 1.3 front",
      },
      gcp: {
        implementation:
          "A gcp.compute.SSLPolicy (or RegionSslPolicy) with minTlsVersion TLS_1_3 and profile RESTRICTED attached to " +
          "every target HTTPS proxy of the platform's Application Load Balancers.",
      },
      azure: {
        implementation:
          "Application Gateway v2 (azure-native.network.ApplicationGateway) with sslPolicy policyType CustomV2 and " +
          "minProtocolVersion TLSv1_3; Front Door custom domains set tlsSettings.minimumTlsVersion TLS13.",
        limitation:
          "Microsoft documentation does not clearly confirm an end-to-end TLS 1.3-only minimum on Front Door " +
          "custom domains; the component reports it as unverified rather than implemented.",
        limitationCondition: "Front Door is used as the ingress instead of Application Gateway",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Attach a TLS 1.3-only security policy to every listener, custom domain and distribution the platform owns; " +
      "place an ingress that supports it in front of any service that cannot.",
  },
  {
    id: "SAI-TLS-02",
    title:
      "Data services refuse unencrypted transport and require the strongest minimum TLS version the service supports; where a service cannot enforce TLS 1.3 the gap is reported, never hidden",
    seedSection: "§3 Data in Transit",
    domain: "transport",
    severity: "high",
    frameworks: {
      soc2: ["CC6.7"],
      iso27001: ["A.5.14", "A.8.24"],
      hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
      gdpr: ["Art. 32(1)(a)"],
      nist80053: ["SC-8", "SC-8(1)"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 2.1.1",
      "CIS Azure Foundations 3.0.0 4.1",
      "CIS Azure Foundations 3.0.0 4.15",
    ],
    clouds: {
      aws: {
        implementation:
          "Every bucket policy (aws.s3.BucketPolicy) denies requests with aws:SecureTransport false and with " +
          "s3:TlsVersion below 1.2; KMS, Bedrock and SageMaker APIs are reached over TLS through VPC endpoints.",
        limitation:
          "S3 cannot be held to TLS 1.3 while it is reached through interface endpoints (PrivateLink for S3 does not " +
          "offer TLS 1.3), and the KMS, Bedrock and SageMaker APIs have no server-side setting above their TLS 1.2 " +
          "minimum; TLS 1.3 can only be demanded by the clients.",
      },
      gcp: {
        implementation:
          "Google APIs accept only TLS; project organisation policies (gcp.orgpolicy.Policy) deny TLS 1.0 and 1.1 " +
          "(gcp.restrictTLSVersion) and restrict cipher suites to TLS 1.3 ones (gcp.restrictTLSCipherSuites).",
        limitation:
          "There is no per-bucket or per-endpoint TLS setting; the organisation policy constraints only cover the " +
          "services on their supported list and need organisation-policy administrator rights.",
        limitationCondition:
          "the deployer cannot set organisation policies, or a platform service is outside the constraints' coverage",
        guardrails: ["gcp.restrictTLSVersion", "gcp.restrictTLSCipherSuites"],
      },
      azure: {
        implementation:
          "Storage accounts with supportsHttpsTrafficOnly and minimumTlsVersion TLS1_2, the highest value the " +
          "service accepts; Key Vault and AI Services accept HTTPS with at least TLS 1.2 by platform design.",
        limitation:
          "Azure Storage rejects TLS1_3 as a minimum version, and Key Vault and Azure OpenAI / AI Services expose " +
          "no minimum-TLS setting at all, so none of them can be restricted to TLS 1.3.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Deny plaintext access on every data service and set the highest minimum TLS version each one accepts; " +
      "record the services that cannot require TLS 1.3 as gaps and enforce TLS 1.3 in the clients that call them.",
  },
  {
    id: "SAI-TLS-03",
    title: "Mutual TLS is available on ingress (optional)",
    seedSection: "§3 Data in Transit",
    domain: "transport",
    severity: "low",
    frameworks: {
      soc2: ["CC6.1", "CC6.7"],
      iso27001: ["A.5.14", "A.8.5"],
      hipaa: ["164.312(d)", "164.312(e)(1)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["IA-3", "IA-5(2)", "SC-8(1)"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "When enabled: an aws.lb.TrustStore holding the client CA bundle and mutualAuthentication mode verify on " +
          "the ALB listener, or mutualTlsAuthentication with a truststore URI on REST API custom domains.",
      },
      gcp: {
        implementation:
          "When enabled: a gcp.certificatemanager.TrustConfig with the client CAs and a " +
          "gcp.networksecurity.ServerTlsPolicy with mtlsPolicy, referenced by the target HTTPS proxy.",
      },
      azure: {
        implementation:
          "When enabled: an Application Gateway SSL profile with trusted client certificates and client " +
          "authentication turned on for the listener.",
      },
    },
    checkableAtDeploy: false,
    notCheckableReason:
      "Mutual TLS is opt-in: whether an ingress must demand client certificates depends on who calls it, which " +
      "resource inputs do not say; the component reports it as not-applicable unless it was requested.",
    remediation:
      "Enable mutual TLS for machine-to-machine callers by supplying the client CA bundle; leave it off for " +
      "browser-facing endpoints.",
  },
];
