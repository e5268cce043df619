import type { ControlDefinition } from "./types";
import { AZURE_GUARDRAIL_DEFINITIONS } from "./catalog-guardrails";

/** Model-protection controls (SAI-MOD-01, SAI-MOD-02). */
export const modelControls: readonly ControlDefinition[] = [
  {
    id: "SAI-MOD-01",
    title: "Model artifacts and checkpoints are encrypted with the model's key and stored privately",
    seedSection: "§1 Model Protection",
    domain: "model",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.8.3", "A.8.24"],
      hipaa: ["164.312(a)(1)", "164.312(a)(2)(iv)"],
      gdpr: ["Art. 32(1)(a)"],
      nist80053: ["AC-3", "SC-12", "SC-28(1)"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 2.1.4",
      "CIS GCP Foundations 3.0.0 5.1",
      "CIS GCP Foundations 3.0.0 5.2",
      "CIS Azure Foundations 3.0.0 4.12",
      "CIS Azure Foundations 3.0.0 4.17",
    ],
    clouds: {
      aws: {
        implementation:
          "The artifact bucket encrypts each model's prefix with that model's KMS key (SSE-KMS, bucket key on), " +
          "blocks all public access, denies non-TLS requests, and SageMaker models / endpoint configurations and " +
          "Bedrock custom models reference the same key.",
      },
      gcp: {
        implementation:
          "Per-model artifact buckets (gcp.storage.Bucket) with defaultKmsKeyName set to the model's key, " +
          "publicAccessPrevention enforced and uniform bucket-level access; Vertex AI models and endpoints carry " +
          "the same key in encryptionSpec.",
        guardrails: ["storage.publicAccessPrevention"],
      },
      azure: {
        implementation:
          "A private storage account whose model containers use a per-model encryption scope backed by the model's " +
          "Key Vault key (azure-native.storage.EncryptionScope, container default scope with overrides denied), " +
          "with anonymous blob access disabled.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Store each model's weights and checkpoints only in private storage encrypted with that model's key, and " +
      "make the serving resources use the same key.",
  },
  {
    id: "SAI-MOD-02",
    title:
      "Model endpoints are private, network-isolated and guarded by endpoint/resource policies; local (key-based) auth is off",
    seedSection: "§1 Model Protection",
    domain: "model",
    severity: "critical",
    frameworks: {
      soc2: ["CC6.1", "CC6.6"],
      iso27001: ["A.5.15", "A.8.5", "A.8.20"],
      hipaa: ["164.312(a)(1)", "164.312(d)"],
      gdpr: ["Art. 25(2)", "Art. 32(1)(b)"],
      nist80053: ["AC-3", "IA-9", "SC-7"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "SageMaker models with enableNetworkIsolation and vpcConfig, invoked only through the sagemaker.runtime " +
          "and bedrock-runtime interface endpoints whose endpoint policies name the platform's models; callers " +
          "authenticate with IAM (SigV4) and the component issues no long-term Bedrock API keys.",
        guardrails: ["SageMakerRequireVpcOrIsolation", "SageMakerDomainVpcOnly"],
      },
      gcp: {
        implementation:
          "Vertex AI endpoints (gcp.vertex.AiEndpoint) exposed only through Private Service Connect with a project " +
          "allow-list, authorised by IAM (roles/aiplatform.user on the endpoint); the component creates no API keys.",
      },
      azure: {
        implementation:
          "AI Services / Azure OpenAI accounts with disableLocalAuth, publicNetworkAccess Disabled, network ACL " +
          "default Deny and restricted outbound access; Azure ML online endpoints with authMode AADToken and " +
          "publicNetworkAccess Disabled; access through private endpoints and Entra ID role assignments only.",
        guardrails: [
          AZURE_GUARDRAIL_DEFINITIONS.aiServicesPublicNetwork,
          AZURE_GUARDRAIL_DEFINITIONS.aiServicesLocalAuth,
        ],
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Disable public access and key-based authentication on every model endpoint, reach it through a private " +
      "endpoint, and restrict invocation to the platform's identities with resource or endpoint policies.",
  },
];
