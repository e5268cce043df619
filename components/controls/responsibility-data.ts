import type { CloudName } from "../spec/resolved";
import type { ModelScope } from "../spec/scopes";
import type { ControlDomain } from "./types";

/*
 * The shared-responsibility table the reference opens with (../shared/seed/securing-genai-in-cloud.md §1: per
 * security domain, the provider's responsibility, the customer's, and the controls implemented), as data: what
 * each cloud secures per domain of the catalog, what stays with the customer, and how the model domain shifts
 * with the Scoping Matrix scope of the models. Sources:
 * - AWS: https://aws.amazon.com/compliance/shared-responsibility-model/ ("security of the cloud" / "security in
 *   the cloud") and the seed's table, which gives AWS's column;
 * - Google Cloud: https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate;
 * - Azure: https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility and
 *   https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility-ai (AI platform layer);
 * - scopes: https://aws.amazon.com/ai/generative-ai/security/scoping-matrix/ (Scope 3 pre-trained, Scope 4
 *   fine-tuned, Scope 5 self-trained: ownership of the model and its data grows from one scope to the next).
 */

/** The seed's name for each domain of the catalog (its table's "Security Domain" column where it has one). */
export const DOMAIN_TITLES: Readonly<Record<ControlDomain, string>> = {
  encryption: "Data protection (at rest, keys)",
  transport: "Data protection (in transit)",
  network: "Network security",
  identity: "Identity & access management",
  logging: "Monitoring & logging",
  detection: "Incident detection",
  response: "Incident response",
  model: "Model protection",
  governance: "Compliance & governance",
  resilience: "Resilience",
};

/** What the customer (the platform, for what it builds) is responsible for per domain, on every cloud. */
export const CUSTOMER_RESPONSIBILITY: Readonly<Record<ControlDomain, string>> = {
  encryption:
    "encrypting datasets, model artifacts and logs with customer-managed keys; who may use each key",
  transport: "requiring TLS (and mutual TLS where asked) on every endpoint it exposes or configures",
  network: "isolating workloads in private subnets, filtering traffic, keeping endpoints off the internet",
  identity: "fine-grained roles and permissions, MFA for humans, no long-lived keys for workloads",
  logging: "enabling audit and invocation logs, protecting and retaining them, alerting on them",
  detection: "turning on threat detection and posture management and routing their findings",
  response: "integrating findings with responders and writing the playbooks",
  model: "endpoint access, prompt and response guardrails, and the model data it owns in its scope",
  governance: "data retention, waivers and regulatory alignment of the workload",
  resilience: "backups, versioning and recovery of its own data",
};

/** What each cloud is responsible for per domain: security of the cloud under the platform's services. */
export const PROVIDER_RESPONSIBILITY: Readonly<Record<CloudName, Readonly<Record<ControlDomain, string>>>> = {
  aws: {
    encryption:
      "security of the infrastructure under KMS, CloudHSM and S3: hardware that keeps key material, key durability, the services' encryption",
    transport: "the TLS endpoints of AWS service APIs and encryption of traffic between AWS facilities",
    network: "the VPC infrastructure: physical network, host isolation, PrivateLink endpoint service",
    identity: "availability and correct evaluation of IAM and STS",
    logging: "availability and delivery of CloudTrail and CloudWatch",
    detection: "GuardDuty detections and Security Hub's foundational controls, as services",
    response: "delivery of findings by Security Hub, EventBridge and SNS",
    model: "security of the compute under SageMaker and Bedrock",
    governance: "compliance of the global infrastructure (attestations in AWS Artifact)",
    resilience: "durability and availability of S3 and KMS across Availability Zones",
  },
  gcp: {
    encryption:
      "Cloud KMS and Cloud HSM infrastructure, default encryption at rest of every service, key durability",
    transport:
      "the Google Front End's TLS for Google APIs and encryption of traffic between Google facilities",
    network: "the network fabric under VPC, host isolation, Private Service Connect",
    identity: "availability and correct evaluation of Cloud IAM and workload identity federation",
    logging: "Cloud Audit Logs (Admin Activity logs always on) and Cloud Logging availability",
    detection: "Security Command Center's detectors and Google's threat intelligence, as services",
    response: "delivery of notifications by Security Command Center and Pub/Sub",
    model: "security of the infrastructure under Vertex AI endpoints and Model Armor",
    governance: "compliance of the infrastructure (reports in the Compliance Reports Manager)",
    resilience: "durability of Cloud Storage and availability of regional services",
  },
  azure: {
    encryption:
      "Key Vault and Managed HSM infrastructure, platform encryption of every storage service, key durability",
    transport: "TLS of Azure service endpoints and encryption of traffic between Microsoft datacenters",
    network: "the physical network under virtual networks, host isolation, Private Link",
    identity: "availability and correct evaluation of Microsoft Entra ID and Azure RBAC",
    logging: "the Activity Log and Azure Monitor's availability",
    detection: "Microsoft Defender for Cloud's detections and recommendations, as services",
    response: "delivery of alerts by Azure Monitor action groups and Sentinel",
    model:
      "the AI platform layer under Azure OpenAI and Azure ML: hosting infrastructure and the safety system's service",
    governance: "compliance of the infrastructure (reports in the Service Trust Portal)",
    resilience: "durability of storage and availability of zone-redundant services",
  },
};

/**
 * How the model domain is split for each Scoping Matrix scope: the more of the model the customer owns, the less
 * the provider secures for it.
 */
export const SCOPE_RESPONSIBILITY: Readonly<Record<ModelScope, { provider: string; customer: string }>> = {
  "pre-trained": {
    provider: "Scope 3: the foundation model, its training data and weights, and the service that serves it",
    customer: "Scope 3: who may invoke the model, its prompts and responses, guardrails and invocation logs",
  },
  "fine-tuned": {
    provider: "Scope 4: the base model and the managed hosting of the endpoint",
    customer:
      "Scope 4: the tuning data and the tuned weights (encryption, access, storage) as well as Scope 3's share",
  },
  "self-trained": {
    provider: "Scope 5: only the infrastructure the training and serving run on",
    customer:
      "Scope 5: all training data, the training pipeline and its identity, the weights and their lineage",
  },
};

/** Where each cloud publishes its shared-responsibility model. */
export const RESPONSIBILITY_SOURCES: Readonly<Record<CloudName, readonly string[]>> = {
  aws: ["https://aws.amazon.com/compliance/shared-responsibility-model/"],
  gcp: ["https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate"],
  azure: [
    "https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility",
    "https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility-ai",
  ],
};
