import type { ControlDraft } from "./types";

const sccLimitation =
  "Security Command Center cannot be switched on by infrastructure code: activation (Standard, Premium or " +
  "Enterprise tier) is an organisation-level step in the console, so the component can only adopt an active SCC.";
const sccCondition = "Security Command Center has not been activated for the organisation outside the stack";

/** Threat-detection, posture and incident-response controls (SAI-DET-01, SAI-DET-02, SAI-IR-01). */
export const detectionControls: readonly ControlDraft[] = [
  {
    id: "SAI-DET-01",
    title:
      "Managed threat detection is on (GuardDuty incl. AI protection, Security Command Center, Defender for Cloud incl. the AI plan)",
    seedSection: "§2; §4 Threat Detection",
    domain: "detection",
    severity: "high",
    frameworks: {
      soc2: ["CC7.2"],
      iso27001: ["A.5.7", "A.8.16"],
      hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(5)(ii)(B)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["SI-4", "SI-4(2)"],
    },
    cis: [
      "CIS Azure Foundations 3.0.0 3.1.5.1",
      "CIS Azure Foundations 3.0.0 3.1.8.1",
      "CIS Azure Foundations 3.0.0 3.1.9.1",
    ],
    clouds: {
      aws: {
        implementation:
          "A GuardDuty detector (aws.guardduty.Detector, a per-account-and-region singleton: create, adopt or skip) " +
          "with aws.guardduty.DetectorFeature AI_PROTECTION and S3_DATA_EVENTS enabled, publishing findings every " +
          "15 minutes.",
        guardrails: ["ProtectGuardDuty"],
      },
      gcp: {
        implementation:
          "Uses Security Command Center's threat detection services (Event Threat Detection and the detectors of " +
          "the active tier) and wires their findings to response (SAI-IR-01).",
        limitation: sccLimitation,
        limitationCondition: sccCondition,
      },
      azure: {
        implementation:
          "Defender for Cloud plans as azure-native.security.Pricing (subscription singletons: create, adopt or " +
          "skip) at tier Standard for AI (with the AIPromptEvidence extension), StorageAccounts, KeyVaults and Arm.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Turn on the cloud's managed threat detection for the production account, project or subscription, " +
      "including its AI-specific coverage, or adopt the organisation's existing setup.",
  },
  {
    id: "SAI-DET-02",
    title: "Posture management is on (Security Hub standards, Security Command Center, Defender CSPM)",
    seedSection: "§1 Incident Detection; §2",
    domain: "detection",
    severity: "medium",
    frameworks: {
      soc2: ["CC4.1", "CC7.1"],
      iso27001: ["A.5.36", "A.8.8", "A.8.9"],
      hipaa: ["164.308(a)(1)(ii)(A)", "164.308(a)(8)"],
      gdpr: ["Art. 32(1)(d)"],
      nist80053: ["CA-7", "CM-6", "RA-5"],
    },
    cis: ["CIS AWS Foundations 3.0.0 4.16", "CIS GCP Foundations 3.0.0 2.13"],
    clouds: {
      aws: {
        implementation:
          "Security Hub (aws.securityhub.Account with default standards off and consolidated control findings; " +
          "create, adopt or skip) with aws.securityhub.StandardsSubscription to AWS Foundational Security Best " +
          "Practices, CIS AWS Foundations and NIST SP 800-53 rev 5.",
        guardrails: ["ProtectSecurityHub", "ProtectConfig"],
      },
      gcp: {
        implementation:
          "Enables the Cloud Asset Inventory API (gcp.projects.Service cloudasset.googleapis.com) and relies on " +
          "Security Command Center's Security Health Analytics for posture findings.",
        limitation: sccLimitation,
        limitationCondition: sccCondition,
      },
      azure: {
        implementation:
          "Defender CSPM through azure-native.security.Pricing CloudPosture at tier Standard, assessing the " +
          "subscription against the Microsoft cloud security benchmark.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Enable the cloud's posture management with the relevant standards for the production environment and " +
      "review its findings on a schedule.",
  },
  {
    id: "SAI-IR-01",
    title: "Findings are routed automatically to the incident response team",
    seedSection: "§1 Incident Detection & Response; §4 Incident Response",
    domain: "response",
    severity: "high",
    frameworks: {
      soc2: ["CC7.3", "CC7.4"],
      iso27001: ["A.5.24", "A.5.25", "A.5.26"],
      hipaa: ["164.308(a)(6)(i)", "164.308(a)(6)(ii)"],
      gdpr: ["Art. 33"],
      nist80053: ["IR-4", "IR-4(1)", "IR-5", "IR-6", "IR-6(1)"],
    },
    cis: [
      "CIS Azure Foundations 3.0.0 3.1.12",
      "CIS Azure Foundations 3.0.0 3.1.13",
      "CIS Azure Foundations 3.0.0 3.1.14",
    ],
    clouds: {
      aws: {
        implementation:
          "aws.cloudwatch.EventRule matching Security Hub imported findings and GuardDuty findings at or above " +
          "the configured severity, with an EventTarget to a KMS-encrypted aws.sns.Topic whose topic policy and key " +
          "policy admit events.amazonaws.com; the response team subscribes its pager, ticketing or SOAR endpoint.",
      },
      gcp: {
        implementation:
          "A gcp.securitycenter.V2ProjectNotificationConfig streaming HIGH and CRITICAL findings to a CMEK " +
          "gcp.pubsub.Topic that the SCC service account may publish to, with a subscription for the response " +
          "team's tooling.",
        limitation: sccLimitation,
        limitationCondition: sccCondition,
      },
      azure: {
        implementation:
          "azure-native.security.SecurityContact for alert notification, azure-native.security.Automation " +
          "exporting Defender alerts, and a Sentinel AutomationRule that runs the response playbook (Logic App) " +
          "and notifies through an action group.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Route high-severity findings from every detector to the incident response team's queue automatically and " +
      "test the path end to end.",
  },
];
