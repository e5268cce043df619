import type { ControlDraft } from "./types";
import { ORGANISATION_GUARDRAILS } from "./catalog-guardrails";

/** Why SAI-GOV-03 is a gap on every cloud: the component cannot turn its own deploy-time guard on. */
const PACK_NOT_SWITCHED_ON =
  "The component cannot switch the secure-ai policy pack on for its own stack: the pack applies only when the " +
  "stack runs with it (pulumi preview/up --policy-pack, a Pulumi Cloud policy group, or secure-ai check), it sees " +
  "only changes made through Pulumi, and the organisation guardrails are a separate component (SecureAiGuardrails) " +
  "deployed with organisation-level rights.";

/** Governance and resilience controls (SAI-GOV-01 … SAI-GOV-03, SAI-RES-01). */
export const governanceControls: readonly ControlDraft[] = [
  {
    id: "SAI-GOV-01",
    title:
      "Personal data is deleted by lifecycle rules when its retention period ends (GDPR); audit logs are retained separately",
    seedSection: "§1 Compliance & Governance",
    domain: "governance",
    severity: "high",
    frameworks: {
      soc2: [],
      iso27001: ["A.5.33", "A.5.34", "A.8.10"],
      hipaa: [],
      gdpr: ["Art. 5(1)(e)", "Art. 17", "Art. 25(2)"],
      nist80053: ["AU-11", "SI-12", "SI-12(3)"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "aws.s3.BucketLifecycleConfiguration on every dataset bucket holding personal data expires current " +
          "objects after the dataset's retentionDays and noncurrent versions shortly after; those buckets never get " +
          "object lock, while audit logs live in a separate object-locked bucket.",
      },
      gcp: {
        implementation:
          "lifecycleRules with action Delete and condition.age on personal-data buckets, a short soft-delete " +
          "window and no locked retention policy on them; audit logs stay in the separately locked log bucket.",
      },
      azure: {
        implementation:
          "An azure-native.storage.ManagementPolicy deletes base blobs, versions and snapshots of personal-data " +
          "containers after the retention period; immutability policies are applied only to the audit-log container.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Give every dataset that holds personal data a retention period and a lifecycle rule that deletes it, " +
      "versions included, and keep immutable audit logs in separate storage; handle individual erasure requests " +
      "in the application.",
  },
  {
    id: "SAI-GOV-02",
    title: "Compliance evidence for GDPR, SOC 2, ISO 27001 and HIPAA is collected automatically",
    seedSection: "§4 Compliance",
    domain: "governance",
    severity: "medium",
    frameworks: {
      soc2: ["CC4.1", "CC4.2"],
      iso27001: ["A.5.31", "A.5.36"],
      hipaa: ["164.308(a)(8)", "164.316(b)(1)"],
      gdpr: ["Art. 5(2)", "Art. 24"],
      nist80053: ["CA-2", "CA-7"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "The component's controls output maps every control to these frameworks with the URNs that implement " +
          "it; Security Hub standards (SAI-DET-02) add continuous control results.",
      },
      gcp: {
        implementation:
          "The component's controls output maps every control to these frameworks with the URNs that implement " +
          "it; Security Command Center compliance reports add continuous results.",
        limitation:
          "SCC's compliance reporting needs an activated Premium or Enterprise tier, which infrastructure code " +
          "cannot switch on.",
        limitationCondition: "Security Command Center Premium or Enterprise is not active",
      },
      azure: {
        implementation:
          "The component's controls output maps every control to these frameworks with the URNs that implement " +
          "it; Defender for Cloud regulatory compliance adds continuous results.",
      },
    },
    checkableAtDeploy: false,
    notCheckableReason:
      "Evidence is produced by the component's controls output and the preflight report, not by a resource " +
      "setting, so there is nothing for a resource policy to inspect.",
    remediation:
      "Export the component's controls output and the preflight report with each release and keep them with the " +
      "audit evidence; process controls (training, reviews, vendors) still need their own evidence.",
  },
  {
    id: "SAI-GOV-03",
    title: "Policy-as-code guardrails enforce CMEK, TLS 1.3 and private endpoints at deploy time",
    seedSection: "design card",
    domain: "governance",
    severity: "medium",
    frameworks: {
      soc2: ["CC5.2", "CC8.1"],
      iso27001: ["A.8.9", "A.8.32"],
      hipaa: ["164.308(a)(1)(ii)(B)"],
      gdpr: ["Art. 25(1)"],
      nist80053: ["CM-3", "CM-6"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "The secure-ai CrossGuard policy pack enforces CMEK, TLS 1.3 ingress and private endpoints with mandatory " +
          "policies on every preview and update run with it, and offline in secure-ai check; SecureAiGuardrails adds " +
          "service control policies at organisation level.",
        limitation: PACK_NOT_SWITCHED_ON,
        guardrails: ORGANISATION_GUARDRAILS.aws,
      },
      gcp: {
        implementation:
          "The secure-ai CrossGuard policy pack enforces CMEK, TLS 1.3 ingress and private endpoints with mandatory " +
          "policies on every preview and update run with it, and offline in secure-ai check; SecureAiGuardrails adds " +
          "organisation policies (such as gcp.restrictNonCmekServices) at organisation or folder level.",
        limitation: PACK_NOT_SWITCHED_ON,
        guardrails: ORGANISATION_GUARDRAILS.gcp,
      },
      azure: {
        implementation:
          "The secure-ai CrossGuard policy pack enforces CMEK, TLS 1.3 ingress and private endpoints with mandatory " +
          "policies on every preview and update run with it, and offline in secure-ai check; SecureAiGuardrails " +
          "assigns built-in deny policies (customer-managed keys, private link, public network access) at " +
          "management-group or subscription scope.",
        limitation: PACK_NOT_SWITCHED_ON,
        guardrails: ORGANISATION_GUARDRAILS.azure,
      },
    },
    checkableAtDeploy: false,
    notCheckableReason:
      "This control is the deploy-time check itself: its evidence is a run of the policy pack (preview or " +
      "preflight), not a property of any resource.",
    remediation:
      "Enforce the secure-ai policy pack with mandatory enforcement for every production stack (Pulumi Cloud " +
      "policy groups or the preflight in CI), and add cloud-native preventive policies where the organisation allows.",
  },
  {
    id: "SAI-RES-01",
    title:
      "Stateful resources (datasets, artifacts, audit logs) are versioned and protected from accidental deletion",
    seedSection: "derived: nothing lost",
    domain: "resilience",
    severity: "high",
    frameworks: {
      soc2: ["CC7.5", "CC9.1"],
      iso27001: ["A.8.13"],
      hipaa: ["164.308(a)(7)(ii)(A)", "164.312(c)(1)"],
      gdpr: ["Art. 32(1)(c)"],
      nist80053: ["CP-9", "CP-10"],
    },
    cis: ["CIS Azure Foundations 3.0.0 4.11"],
    clouds: {
      aws: {
        implementation:
          "aws.s3.BucketVersioning Enabled on dataset, artifact and log buckets, object lock on the audit-log " +
          "bucket, deletionProtectionEnabled on log groups, and retainOnDelete on the buckets, their settings and the " +
          "log groups.",
      },
      gcp: {
        implementation:
          "Versioning on dataset and artifact buckets (a locked retention policy on the audit bucket, which cannot " +
          "also be versioned), a 7-day soft-delete policy and retainOnDelete on every bucket, forceDestroy false; the " +
          "BigQuery dataset of model request-response logs has deletionPolicy PREVENT, deleteContentsOnDestroy false, " +
          "7 days of time travel and retainOnDelete.",
      },
      azure: {
        implementation:
          "Blob versioning, blob and container soft delete (azure-native.storage.BlobServiceProperties) and " +
          "retainOnDelete on the storage accounts and their containers; no CanNotDelete management lock, because a " +
          "lock makes every pulumi destroy fail while versioning and soft delete already cover deletions.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Turn on versioning and soft delete for every stateful store, lock audit logs, and mark the resources " +
      "protected so that no destroy or replacement removes them.",
  },
];
