import type { ControlDraft } from "./types";
import { AZURE_GUARDRAIL_DEFINITIONS } from "./catalog-guardrails";

/** Model-protection controls (SAI-MOD-01 to SAI-MOD-03). */
export const modelControls: readonly ControlDraft[] = [
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
  {
    id: "SAI-MOD-03",
    title:
      "Prompts and responses of customer-facing models pass a managed guardrail in blocking mode (prompt-injection and jailbreak detection, harmful-content and sensitive-data filters)",
    seedSection: "§1 Model Protection (endpoint policies); summary: SAIF (derived)",
    domain: "model",
    severity: "high",
    // SOC 2 CC6.6 (threats from outside the system boundary) and CC6.8 (malicious input); ISO 27001 A.8.12
    // (data leakage prevention) and A.8.26 (application security requirements); GDPR Art. 25(1) (protection
    // by design) and Art. 32(1)(b) (confidentiality of processing); NIST SP 800-53 SI-10 (information input
    // validation) and SI-15 (information output filtering). The HIPAA Security Rule's technical safeguards
    // (45 CFR 164.312) have no clause on screening a model's inputs and outputs.
    frameworks: {
      soc2: ["CC6.6", "CC6.8"],
      iso27001: ["A.8.12", "A.8.26"],
      hipaa: [],
      gdpr: ["Art. 25(1)", "Art. 32(1)(b)"],
      nist80053: ["SI-10", "SI-15"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "One Bedrock guardrail per Bedrock model (aws.bedrock.Guardrail, encrypted with the model's key): " +
          "content filters HATE, INSULTS, SEXUAL, VIOLENCE and MISCONDUCT on prompts and responses and " +
          "PROMPT_ATTACK on prompts, at the model's guardrailStrength (HIGH by default) with action BLOCK, and a " +
          "sensitive-information policy that blocks credentials, payment-card, bank and government identifiers " +
          "and anonymises names, e-mail addresses, phone numbers and postal addresses; the model's workload role " +
          "may invoke the model only with that guardrail (IAM condition bedrock:GuardrailIdentifier).",
        limitation:
          "SageMaker endpoints are invoked directly (sagemaker-runtime InvokeEndpoint) and no managed guardrail " +
          "sits in front of them; the platform does not front them, so their prompts and responses pass a " +
          "guardrail only if the application calls Bedrock's ApplyGuardrail API",
        limitationCondition: 'when a model is served by SageMaker (serving "sagemaker", the default on AWS)',
      },
      gcp: {
        implementation:
          "One Model Armor template per model (gcp.modelarmor.Template, in the platform's region or the Model " +
          "Armor multi-region that contains it, Model Armor API enabled): prompt-injection and jailbreak filter, " +
          "responsible-AI filters (sexually explicit, hate speech, harassment, dangerous) at the model's " +
          "guardrailStrength (LOW_AND_ABOVE, the strongest confidence level, by default), Sensitive Data " +
          "Protection basic filter and malicious-URI filter, enforcement INSPECT_AND_BLOCK.",
        limitation:
          "nothing in the platform routes prompts through Model Armor: its Vertex AI integration (floor settings " +
          "or model_armor_config) screens only Gemini generateContent calls, while the platform's models are " +
          "served from dedicated Vertex AI endpoints whose predict calls Model Armor does not screen; the " +
          "application must call the template's sanitizeUserPrompt and sanitizeModelResponse methods",
      },
      azure: {
        implementation:
          "One RAI policy per Azure OpenAI deployment (azure-native.cognitiveservices.RaiPolicy, base " +
          "Microsoft.DefaultV2, Default mode: completions are filtered before they are returned): hate, sexual, " +
          "violence and self-harm filters blocking on prompts and completions at the model's guardrailStrength " +
          "(from Low severity, the strictest, by default), Prompt Shields blocking user prompt attacks " +
          "(Jailbreak) and document attacks (Indirect Attack), and protected-material text and code filters " +
          "blocking on completions.",
        limitation:
          "no sensitive-data filter: Azure OpenAI's PII filter (personally identifiable information) is a preview " +
          "that screens completions only and has no documented RAI policy filter name for the API version the " +
          "platform deploys (2025-06-01), so prompts and completions pass no PII filter; Azure ML online " +
          "endpoints have no content filter at all (the application must call Azure AI Content Safety)",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Put a managed guardrail in blocking mode in front of every customer-facing model (a Bedrock guardrail, " +
      "or ApplyGuardrail for SageMaker; a blocking RAI policy with Prompt Shields on Azure OpenAI; a Model " +
      "Armor template on Google Cloud) with prompt-attack, harmful-content and sensitive-data filters at the " +
      "strongest level, and weaken it only with a reasoned waiver for SAI-MOD-03.",
  },
];
