/*
 * The identifiers the catalog uses for the generative-AI frameworks, each with its published title, and where
 * they were read. Every identifier of an `ai-mappings-*.ts` file must be a key of the framework's vocabulary
 * (tests/controls/ai-frameworks.test.ts); nothing here is invented, and a framework with no direct clause for
 * a control gets an empty list.
 *
 * Sources (read with the `search` tool, 2026):
 * - SAIF: https://saif.google/secure-ai-framework/risks and https://saif.google/secure-ai-framework/controls;
 *   the risk map data Google donated to CoSAI, https://github.com/cosai-oasis/secure-ai-tooling
 *   (risk-map/yaml/risks.yaml and controls.yaml, "Copyright 2025 Google LLC"), which gives the risk IDs
 *   (DP, UTD, ... PIJ). The catalog names SAIF risks and controls by their published titles.
 * - AWS Generative AI Security Scoping Matrix: https://aws.amazon.com/ai/generative-ai/security/scoping-matrix/
 *   and https://aws.amazon.com/blogs/security/securing-generative-ai-an-introduction-to-the-generative-ai-security-scoping-matrix/
 * - OWASP Top 10 for LLM Applications 2025 (v2.0): https://genai.owasp.org/llm-top-10/ and
 *   https://github.com/OWASP/www-project-top-10-for-large-language-model-applications/tree/main/2_0_vulns
 * - NIST AI 600-1 (July 2024): https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf (§2 risks, §3 actions)
 * - ISO/IEC 42001:2023 Annex A: https://www.iso.org/standard/81230.html (control titles as outlined in the
 *   CISO Assistant library, https://github.com/intuitem/ciso-assistant-community,
 *   backend/library/libraries/iso42001-2023.yaml)
 * - MITRE ATLAS: https://atlas.mitre.org and https://github.com/mitre-atlas/atlas-data (dist/ATLAS.yaml 4.5.2
 *   for AML.T0007 … AML.T0057 and AML.M0000 … AML.M0019); AML.M0020 and AML.M0024 from the ATLAS 5 mitigations
 *   (https://atlas.mitre.org/mitigations/AML.M0020, cited as AML.M0020@5.0.1 and AML.M0024@5.0.1 by the CoSAI
 *   controls.yaml). ATLAS 5 renamed "ML" to "AI" in several titles; the IDs are unchanged.
 */
import type { AiFrameworkId } from "./types";

/** SAIF risks, by published title, with the risk map's ID. */
export const SAIF_RISKS: Readonly<Record<string, string>> = {
  "Data Poisoning": "DP",
  "Unauthorized Training Data": "UTD",
  "Model Source Tampering": "MST",
  "Excessive Data Handling": "EDH",
  "Model Exfiltration": "MXF",
  "Model Deployment Tampering": "MDT",
  "Denial of ML Service": "DMS",
  "Model Reverse Engineering": "MRE",
  "Insecure Integrated Component": "IIC",
  "Prompt Injection": "PIJ",
  "Model Evasion": "MEV",
  "Sensitive Data Disclosure": "SDD",
  "Inferred Sensitive Data": "ISD",
  "Insecure Model Output": "IMO",
  "Rogue Actions": "RA",
};

/** SAIF controls, by published title, with their category. */
export const SAIF_CONTROLS: Readonly<Record<string, string>> = {
  "Privacy Enhancing Technologies": "Data",
  "Training Data Management": "Data",
  "Training Data Sanitization": "Data",
  "User Data Management": "Data",
  "Model and Data Inventory Management": "Infrastructure",
  "Model and Data Access Controls": "Infrastructure",
  "Model and Data Integrity Management": "Infrastructure",
  "Secure-by-Default ML Tooling": "Infrastructure",
  "Input Validation and Sanitization": "Model",
  "Output Validation and Sanitization": "Model",
  "Adversarial Training and Testing": "Model",
  "Application Access Management": "Application",
  "User Transparency and Controls": "Application",
  "Agent User Control": "Application",
  "Agent Permissions": "Application",
  "Red Teaming": "Assurance",
  "Vulnerability Management": "Assurance",
  "Threat Detection": "Assurance",
  "Incident Response Management": "Assurance",
  "User Policies and Education": "Governance",
  "Internal Policies and Education": "Governance",
  "Product Governance": "Governance",
  "Risk Governance": "Governance",
};

/** The Scoping Matrix's scopes and security disciplines. */
export const SCOPING_MATRIX: Readonly<Record<string, string>> = {
  "Scope 1": "Consumer app: using public generative AI services",
  "Scope 2": "Enterprise app: using an app or SaaS with generative AI features",
  "Scope 3": "Pre-trained models: building your app on a versioned model (e.g. Amazon Bedrock base models)",
  "Scope 4": "Fine-tuned models: fine-tuning a model on your data",
  "Scope 5": "Self-trained models: training a model from scratch on your data",
  "Governance & compliance": "security discipline",
  "Legal & privacy": "security discipline",
  "Risk management": "security discipline",
  Controls: "security discipline",
  Resilience: "security discipline",
};

/** OWASP Top 10 for LLM Applications 2025. */
export const OWASP_LLM_2025: Readonly<Record<string, string>> = {
  "LLM01:2025": "Prompt Injection",
  "LLM02:2025": "Sensitive Information Disclosure",
  "LLM03:2025": "Supply Chain",
  "LLM04:2025": "Data and Model Poisoning",
  "LLM05:2025": "Improper Output Handling",
  "LLM06:2025": "Excessive Agency",
  "LLM07:2025": "System Prompt Leakage",
  "LLM08:2025": "Vector and Embedding Weaknesses",
  "LLM09:2025": "Misinformation",
  "LLM10:2025": "Unbounded Consumption",
};

/** NIST AI 600-1: the twelve GAI risks (§2) and the suggested actions (§3) the catalog cites. */
export const NIST_AI_600_1: Readonly<Record<string, string>> = {
  "CBRN Information or Capabilities": "GAI risk §2.1",
  Confabulation: "GAI risk §2.2",
  "Dangerous, Violent, or Hateful Content": "GAI risk §2.3",
  "Data Privacy": "GAI risk §2.4",
  "Environmental Impacts": "GAI risk §2.5",
  "Harmful Bias and Homogenization": "GAI risk §2.6",
  "Human-AI Configuration": "GAI risk §2.7",
  "Information Integrity": "GAI risk §2.8",
  "Information Security": "GAI risk §2.9",
  "Intellectual Property": "GAI risk §2.10",
  "Obscene, Degrading, and/or Abusive Content": "GAI risk §2.11",
  "Value Chain and Component Integration": "GAI risk §2.12",
  "GV-6.2-005": "Establish policies and procedures that address GAI data redundancy, including model weights",
  "MP-4.1-003": "Connect new GAI policies to existing IT governance, legal, compliance and risk management",
  "MP-4.1-005": "Establish policies for collection, retention, and minimum quality of data",
  "MP-4.1-009": "Detect the presence of PII or sensitive data in generated output",
  "MS-2.7-001":
    "Apply established security measures to assess backdoors, data breaches, eavesdropping, man-in-the-middle attacks, model theft or exposure of model weights",
  "MS-2.7-004": "Identify metrics of security measures, such as the number of unauthorized access attempts",
  "MS-2.7-009": "Regularly assess and verify that security measures remain effective",
  "MS-2.8-003": "Digital content transparency and robust version control across the AI lifecycle",
  "MG-2.3-001": "Develop and update GAI system incident response and recovery plans and procedures",
  "MG-2.4-002":
    "Procedures for escalating GAI system incidents to the organizational risk management authority",
  "MG-3.1-001": "Apply risk controls (e.g. filtering GAI input and outputs) to third-party GAI resources",
  "MG-3.2-005": "Implement content filters to prevent the generation of inappropriate or harmful content",
  "MG-4.1-002":
    "Post-deployment monitoring of GAI systems, particularly for confabulation, CBRN or cyber risks",
};

/** ISO/IEC 42001:2023 Annex A: every reference control, by number. */
export const ISO_42001_ANNEX_A: Readonly<Record<string, string>> = {
  "A.2.2": "AI policy",
  "A.2.3": "Alignment with other organizational policies",
  "A.2.4": "Review of the AI policy",
  "A.3.2": "AI roles and responsibilities",
  "A.3.3": "Reporting of concerns",
  "A.4.2": "Resource documentation",
  "A.4.3": "Data resources",
  "A.4.4": "Tooling resources",
  "A.4.5": "System and computing resources",
  "A.4.6": "Human resources",
  "A.5.2": "AI system impact assessment process",
  "A.5.3": "Documentation of AI system impact assessments",
  "A.5.4": "Assessing AI system impact on individuals or groups of individuals",
  "A.5.5": "Assessing societal impacts of AI systems",
  "A.6.1.2": "Objectives for responsible development of AI system",
  "A.6.1.3": "Processes for responsible AI system design and development",
  "A.6.2.2": "AI system requirements and specification",
  "A.6.2.3": "Documentation of AI system design and development",
  "A.6.2.4": "AI system verification and validation",
  "A.6.2.5": "AI system deployment",
  "A.6.2.6": "AI system operation and monitoring",
  "A.6.2.7": "AI system technical documentation",
  "A.6.2.8": "AI system recording of event logs",
  "A.7.2": "Data for development and enhancement of AI system",
  "A.7.3": "Acquisition of data",
  "A.7.4": "Quality of data for AI systems",
  "A.7.5": "Data provenance",
  "A.7.6": "Data preparation",
  "A.8.2": "System documentation and information for users",
  "A.8.3": "External reporting",
  "A.8.4": "Communication of incidents",
  "A.8.5": "Information for interested parties",
  "A.9.2": "Processes for responsible use of AI systems",
  "A.9.3": "Objectives for responsible use of AI system",
  "A.9.4": "Intended use of the AI system",
  "A.10.2": "Allocating responsibilities",
  "A.10.3": "Suppliers",
  "A.10.4": "Customers",
};

/** MITRE ATLAS techniques and mitigations the catalog cites. */
export const MITRE_ATLAS: Readonly<Record<string, string>> = {
  "AML.T0012": "Valid Accounts",
  "AML.T0020": "Poison Training Data",
  "AML.T0024": "Exfiltration via ML Inference API",
  "AML.T0025": "Exfiltration via Cyber Means",
  "AML.T0029": "Denial of ML Service",
  "AML.T0034": "Cost Harvesting",
  "AML.T0035": "ML Artifact Collection",
  "AML.T0040": "ML Model Inference API Access",
  "AML.T0048.004": "ML Intellectual Property Theft",
  "AML.T0049": "Exploit Public-Facing Application",
  "AML.T0051": "LLM Prompt Injection",
  "AML.T0054": "LLM Jailbreak",
  "AML.T0055": "Unsecured Credentials",
  "AML.T0057": "LLM Data Leakage",
  "AML.M0004": "Restrict Number of ML Model Queries",
  "AML.M0005": "Control Access to ML Models and Data at Rest",
  "AML.M0012": "Encrypt Sensitive Information",
  "AML.M0015": "Adversarial Input Detection",
  "AML.M0016": "Vulnerability Scanning",
  "AML.M0019": "Control Access to ML Models and Data in Production",
  "AML.M0020": "Generative AI Guardrails",
  "AML.M0024": "AI Telemetry Logging",
};

/** Each generative-AI framework's vocabulary: identifier → published title. */
export const AI_VOCABULARY: Readonly<Record<AiFrameworkId, Readonly<Record<string, string>>>> = {
  saif: { ...SAIF_RISKS, ...SAIF_CONTROLS },
  scopingMatrix: SCOPING_MATRIX,
  owaspLlm: OWASP_LLM_2025,
  nistAi600: NIST_AI_600_1,
  iso42001: ISO_42001_ANNEX_A,
  mitreAtlas: MITRE_ATLAS,
};

/** Where each generative-AI framework's identifiers were read. */
export const AI_FRAMEWORK_SOURCES: Readonly<Record<AiFrameworkId, readonly string[]>> = {
  saif: [
    "https://saif.google/secure-ai-framework/risks",
    "https://saif.google/secure-ai-framework/controls",
    "https://github.com/cosai-oasis/secure-ai-tooling/tree/main/risk-map/yaml",
  ],
  scopingMatrix: [
    "https://aws.amazon.com/ai/generative-ai/security/scoping-matrix/",
    "https://aws.amazon.com/blogs/security/securing-generative-ai-an-introduction-to-the-generative-ai-security-scoping-matrix/",
  ],
  owaspLlm: [
    "https://genai.owasp.org/llm-top-10/",
    "https://github.com/OWASP/www-project-top-10-for-large-language-model-applications/tree/main/2_0_vulns",
  ],
  nistAi600: ["https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf"],
  iso42001: [
    "https://www.iso.org/standard/81230.html",
    "https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/iso42001-2023.yaml",
  ],
  mitreAtlas: [
    "https://atlas.mitre.org/",
    "https://github.com/mitre-atlas/atlas-data/blob/main/dist/ATLAS.yaml",
    "https://atlas.mitre.org/mitigations/AML.M0020",
    "https://atlas.mitre.org/mitigations/AML.M0024",
  ],
};
