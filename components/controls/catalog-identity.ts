import type { ControlDraft } from "./types";
import { ORGANISATION_GUARDRAILS } from "./catalog-guardrails";

/** Identity and access controls (SAI-IAM-01 … SAI-IAM-05). */
export const identityControls: readonly ControlDraft[] = [
  {
    id: "SAI-IAM-01",
    title: "Each workload runs under its own scoped, least-privilege service identity",
    seedSection: "§1 IAM; §4 Identity & Access",
    domain: "identity",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1", "CC6.3"],
      iso27001: ["A.5.15", "A.5.16", "A.5.18", "A.8.2"],
      hipaa: ["164.312(a)(1)", "164.312(a)(2)(i)", "164.308(a)(4)(ii)(B)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["AC-2", "AC-6", "IA-9"],
    },
    cis: ["CIS AWS Foundations 3.0.0 1.16", "CIS GCP Foundations 3.0.0 1.5", "CIS GCP Foundations 3.0.0 1.6"],
    clouds: {
      aws: {
        implementation:
          "One aws.iam.Role per workload (training, serving, pipelines) whose trust policy admits only the AWS " +
          "service that runs it, with aws:SourceAccount conditions, and a policy (aws.iam.Policy + " +
          "RolePolicyAttachment) naming the workload's own buckets, keys and models; no wildcard actions or resources.",
      },
      gcp: {
        implementation:
          "One gcp.serviceaccount.Account per workload, bound with resource-level IAM members (bucket, crypto key, " +
          "Vertex endpoint) instead of project-wide roles; no basic roles (owner, editor) are granted.",
      },
      azure: {
        implementation:
          "One user-assigned managed identity (azure-native.managedidentity.UserAssignedIdentity) per workload, " +
          "with azure-native.authorization.RoleAssignment on the individual storage containers, keys and AI " +
          "accounts it needs.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Give every workload its own identity and grant it only the actions on the specific resources it uses; " +
      "remove shared, default and administrator identities from workloads.",
  },
  {
    id: "SAI-IAM-02",
    title: "Data scientists have read-only access to datasets",
    seedSection: "§1 IAM",
    domain: "identity",
    severity: "medium",
    frameworks: {
      soc2: ["CC6.3"],
      iso27001: ["A.5.15", "A.5.18", "A.8.3"],
      hipaa: ["164.312(a)(1)", "164.308(a)(4)(ii)(B)"],
      gdpr: ["Art. 25(2)", "Art. 32(4)"],
      nist80053: ["AC-3", "AC-6"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "A data-scientist aws.iam.Role allowed only s3:GetObject and s3:ListBucket on the dataset buckets and " +
          "kms:Decrypt on the dataset keys, the latter limited by kms:ViaService to S3; no write, delete or " +
          "policy-changing actions.",
      },
      gcp: {
        implementation:
          "The data-scientist group receives roles/storage.objectViewer on each dataset bucket " +
          "(gcp.storage.BucketIAMMember) and roles/aiplatform.viewer on the project, nothing that writes.",
      },
      azure: {
        implementation:
          "The data-scientist Entra ID group receives Storage Blob Data Reader on the dataset containers through " +
          "azure-native.authorization.RoleAssignment, nothing that writes.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Replace any write, delete or administrative grants that data scientists hold on datasets with read-only " +
      "object access; route changes to datasets through pipelines.",
  },
  {
    id: "SAI-IAM-03",
    title: "Workloads use workload identity / federation, not long-lived keys",
    seedSection: "§2 Workload Identity, Entra ID",
    domain: "identity",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.5.17", "A.8.5"],
      hipaa: ["164.312(d)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["IA-5", "IA-9"],
    },
    cis: ["CIS GCP Foundations 3.0.0 1.4"],
    clouds: {
      aws: {
        implementation:
          "Workloads receive temporary credentials from their IAM roles (service roles, IRSA through " +
          "aws.iam.OpenIdConnectProvider, or EKS Pod Identity); the component creates no aws.iam.User or " +
          "aws.iam.AccessKey.",
      },
      gcp: {
        implementation:
          "Service accounts are used through attached identities and Workload Identity Federation " +
          "(gcp.iam.WorkloadIdentityPool and WorkloadIdentityPoolProvider) for CI and cross-cloud callers; no " +
          "gcp.serviceaccount.Key is created.",
        guardrails: ["iam.disableServiceAccountKeyCreation"],
      },
      azure: {
        implementation:
          "Managed identities and azure-native.managedidentity.FederatedIdentityCredential for external workloads; " +
          "shared keys are switched off (Storage allowSharedKeyAccess false, AI Services disableLocalAuth true).",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Delete static access keys and service-account keys used by workloads and switch them to role assumption, " +
      "attached service accounts, managed identities or federation.",
  },
  {
    id: "SAI-IAM-04",
    title: "Human access requires MFA",
    seedSection: "§4 Identity & Access",
    domain: "identity",
    severity: "critical",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.5.17", "A.8.5"],
      hipaa: ["164.312(d)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["IA-2", "IA-2(1)", "IA-2(2)"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 1.10",
      "CIS GCP Foundations 3.0.0 1.2",
      "CIS Azure Foundations 3.0.0 2.1.2",
      "CIS Azure Foundations 3.0.0 2.2.5",
    ],
    clouds: {
      aws: {
        implementation:
          "The trust policies of the human roles the component creates (data scientist, platform admin, " +
          "break-glass) require aws:MultiFactorAuthPresent.",
        limitation:
          "When people sign in through IAM Identity Center or an external SAML/OIDC identity provider, MFA is " +
          "enforced by that provider and is not visible to, or enforceable by, the stack.",
        limitationCondition: "humans sign in through IAM Identity Center or an external identity provider",
      },
      gcp: {
        implementation:
          "The component grants human roles only to groups of the organisation's Cloud Identity / Workspace domain.",
        limitation:
          "2-Step Verification for Google accounts is a Cloud Identity / Workspace admin setting (or the external " +
          "IdP's); no Google Cloud resource can require it, so the component cannot enforce MFA.",
      },
      azure: {
        implementation:
          "The component grants human roles only to Entra ID groups, and break-glass roles only as PIM-eligible " +
          "assignments whose activation can demand MFA.",
        limitation:
          "MFA for sign-in is an Entra ID Conditional Access (or security defaults) setting in the tenant, managed " +
          "through Microsoft Graph rather than Azure Resource Manager, so the component cannot enforce it.",
      },
    },
    checkableAtDeploy: false,
    notCheckableReason:
      "MFA is enforced by the identity provider at sign-in (IAM Identity Center, Cloud Identity, Entra ID " +
      "Conditional Access), outside the resources a stack registers; only AWS role trust conditions are visible at deploy time.",
    remediation:
      "Require MFA for every human in the identity provider (phishing-resistant factors for administrators) and " +
      "keep MFA conditions on the roles the platform creates.",
  },
  {
    id: "SAI-IAM-05",
    title:
      "Production runs in a dedicated account / project / subscription so that no single credential compromise reaches it",
    seedSection: "§4 Identity & Access (multi-account strategy)",
    domain: "identity",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.8.22", "A.8.31"],
      hipaa: ["164.312(a)(1)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["SC-32"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "The component deploys into the account its AWS provider targets and records that account ID in the " +
          "evidence; it creates no cross-account trust into that account.",
        limitation:
          "Creating a dedicated production account and its guardrails (AWS Organizations accounts, OUs, SCPs) is " +
          "an organisation-management task above any single stack, so the component cannot provide it.",
        guardrails: ORGANISATION_GUARDRAILS.aws,
      },
      gcp: {
        implementation:
          "The component deploys into the project given in gcp.project and records it in the evidence.",
        limitation:
          "Creating a dedicated production project under its own folder and organisation policies requires " +
          "organisation-level rights the platform stack does not hold.",
        guardrails: ORGANISATION_GUARDRAILS.gcp,
      },
      azure: {
        implementation:
          "The component deploys into the subscription its provider targets and records it in the evidence.",
        limitation:
          "Subscription vending and management-group placement are tenant-level operations outside the " +
          "platform component.",
        guardrails: ORGANISATION_GUARDRAILS.azure,
      },
    },
    checkableAtDeploy: false,
    notCheckableReason:
      "A policy sees the resources of one stack, not whether the account, project or subscription they land in " +
      "is shared with other workloads; that is decided in the organisation hierarchy.",
    remediation:
      "Run production in its own account, project or subscription created by the organisation's vending process, " +
      "with no standing cross-environment credentials, and point the production stack at it.",
  },
];
