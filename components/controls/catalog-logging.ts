import type { ControlDraft } from "./types";

/** Logging and audit controls (SAI-LOG-01 … SAI-LOG-04). */
export const loggingControls: readonly ControlDraft[] = [
  {
    id: "SAI-LOG-01",
    title: "Every control-plane API call, and data-plane access to keys and models, is audit-logged",
    seedSection: "§1 Monitoring & Logging",
    domain: "logging",
    severity: "high",
    frameworks: {
      soc2: ["CC7.2"],
      iso27001: ["A.8.15"],
      hipaa: ["164.312(b)"],
      gdpr: ["Art. 5(2)"],
      nist80053: ["AU-2", "AU-3", "AU-12"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 3.1",
      "CIS AWS Foundations 3.0.0 3.8",
      "CIS AWS Foundations 3.0.0 3.9",
      "CIS GCP Foundations 3.0.0 2.1",
      "CIS Azure Foundations 3.0.0 6.1.1",
      "CIS Azure Foundations 3.0.0 6.4",
    ],
    clouds: {
      aws: {
        implementation:
          "A multi-region aws.cloudtrail.Trail with global service events and management events (KMS included), " +
          "advanced event selectors for S3 data events on dataset and artifact buckets and for Bedrock and " +
          "SageMaker data events, delivered to S3 and CloudWatch Logs; Bedrock model invocation logging " +
          "(aws.bedrockmodel.InvocationLoggingConfiguration, a per-region singleton: create, adopt or skip).",
        guardrails: ["ProtectCloudTrail"],
      },
      gcp: {
        implementation:
          "Admin Activity audit logs are always on; gcp.projects.IAMAuditConfig adds DATA_READ, DATA_WRITE and " +
          "ADMIN_READ for cloudkms, aiplatform and storage; every Vertex AI endpoint logs each prediction request " +
          "and response (predictRequestResponseLoggingConfig, samplingRate 1) to its own table in a gcp.bigquery.Dataset " +
          "encrypted with the logs key, whose partitions expire after logging.retentionDays.",
        limitation:
          "IAMAuditConfig is authoritative per service and conflicts with an externally managed project IAM " +
          "policy, so the component must adopt the existing configuration instead of setting its own.",
        limitationCondition: "the project's data-access audit configuration is owned outside the stack",
      },
      azure: {
        implementation:
          "An azure-native.monitor.SubscriptionDiagnosticSetting exports the activity log, and a DiagnosticSetting " +
          "on each Key Vault, storage account, AI Services account and ML workspace sends the audit category group " +
          "to the Log Analytics workspace.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Enable management-event audit logging everywhere and data-access logging on keys, datasets, artifacts and " +
      "model endpoints, delivered to the platform's protected log store.",
  },
  {
    id: "SAI-LOG-02",
    title: "Audit logs are immutable and integrity-validated",
    seedSection: "§4 Logging & Audit",
    domain: "logging",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1", "CC7.2"],
      iso27001: ["A.5.28", "A.5.33", "A.8.15"],
      hipaa: ["164.312(b)", "164.312(c)(1)", "164.312(c)(2)"],
      gdpr: ["Art. 5(1)(f)", "Art. 5(2)"],
      nist80053: ["AU-9", "AU-9(3)", "AU-11"],
    },
    cis: ["CIS AWS Foundations 3.0.0 3.2", "CIS GCP Foundations 3.0.0 2.3"],
    clouds: {
      aws: {
        implementation:
          "enableLogFileValidation on the trail (signed digest files); the log bucket is created with " +
          "objectLockEnabled and a COMPLIANCE-mode default retention (aws.s3.BucketObjectLockConfiguration), " +
          "versioning and SSE-KMS; CloudWatch log groups have deletionProtectionEnabled.",
      },
      gcp: {
        implementation:
          "Audit logs are routed to a CMEK log bucket with locked retention (gcp.logging.ProjectBucketConfig locked " +
          "true, irreversible) and archived to a Cloud Storage bucket with a locked retention policy (write once).",
        limitation:
          "Cloud Logging offers no signed digest or hash chain comparable to CloudTrail log file validation; logs " +
          "are immutable through locked retention but their integrity cannot be validated cryptographically.",
      },
      azure: {
        implementation:
          "Logs are kept in the Log Analytics workspace (records cannot be edited) and archived to a dedicated " +
          "audit-log storage account created with version-level immutability (immutableStorageWithVersioning, a " +
          "time-based policy of logging.auditLockDays that also covers the containers Azure Monitor creates).",
        limitation:
          "Azure Monitor produces no signed digests for exported logs, so integrity is protected by immutability " +
          "and access control but cannot be validated cryptographically; the immutability policy is created " +
          "unlocked (locking is irreversible, so it is left to the operator once validated), and workspace data can " +
          "still be purged by a holder of the Data Purger role.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Store audit logs under write-once retention separate from personal data, turn on the cloud's integrity " +
      "validation where it has one, and restrict who can delete or purge logs.",
  },
  {
    id: "SAI-LOG-03",
    title: "Audit logs are shipped to a central SIEM (Chronicle, Sentinel, or an export)",
    seedSection: "§2; §4 Logging & Audit",
    domain: "logging",
    severity: "medium",
    frameworks: {
      soc2: ["CC7.2", "CC7.3"],
      iso27001: ["A.8.15", "A.8.16"],
      hipaa: ["164.312(b)", "164.308(a)(1)(ii)(D)"],
      gdpr: [],
      nist80053: ["AU-6(3)", "AU-6(4)", "SI-4"],
    },
    cis: ["CIS GCP Foundations 3.0.0 2.2"],
    clouds: {
      aws: {
        implementation:
          "CloudTrail events land in the KMS-encrypted audit bucket and the trail's log group; with logging.siem " +
          '"export", an aws.cloudwatch.LogSubscriptionFilter streams that log group to the given destination ' +
          "(Kinesis, Firehose, Lambda or a CloudWatch Logs destination ARN).",
        limitation:
          "AWS has no native SIEM the component can onboard: unless an export destination is given, audit events " +
          "only wait in the audit bucket and log group for Security Lake or a SIEM's AWS connector to collect, " +
          "which the component does not set up.",
        limitationCondition: 'logging.siem is not "export" (the default "native" ships nothing on AWS)',
      },
      gcp: {
        implementation:
          "A gcp.logging.ProjectSink with a unique writer identity routes audit logs to a CMEK Pub/Sub topic or " +
          "log bucket, and optional gcp.chronicle.Feed resources ingest them into Google SecOps.",
        limitation:
          "The Google SecOps (Chronicle) instance itself is provisioned by Google for the customer; the component " +
          "can only create feeds and rules in an existing instance.",
        limitationCondition: "Chronicle is the chosen SIEM and no SecOps instance exists yet",
      },
      azure: {
        implementation:
          "Diagnostic settings feed the Log Analytics workspace, onboarded to Microsoft Sentinel " +
          '(azure-native.securityinsights.SentinelOnboardingState "default"), or an Event Hub for another SIEM.',
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Forward every audit source of the platform to the organisation's SIEM and check that ingestion is " +
      "healthy; keep the cloud-side copy as the immutable record.",
  },
  {
    id: "SAI-LOG-04",
    title: "Alarms fire on suspicious patterns",
    seedSection: "§1 Monitoring & Logging",
    domain: "logging",
    severity: "medium",
    frameworks: {
      soc2: ["CC7.2", "CC7.3"],
      iso27001: ["A.8.16"],
      hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(5)(ii)(C)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["AU-6", "SI-4", "SI-4(5)"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 4.1",
      "CIS AWS Foundations 3.0.0 4.4",
      "CIS AWS Foundations 3.0.0 4.5",
      "CIS AWS Foundations 3.0.0 4.10",
      "CIS GCP Foundations 3.0.0 2.4",
      "CIS GCP Foundations 3.0.0 2.5",
      "CIS GCP Foundations 3.0.0 2.7",
      "CIS Azure Foundations 3.0.0 6.2.1",
      "CIS Azure Foundations 3.0.0 6.2.3",
    ],
    clouds: {
      aws: {
        implementation:
          "aws.cloudwatch.LogMetricFilter and MetricAlarm pairs on the trail's log group for unauthorized API " +
          "calls, IAM policy changes, CloudTrail changes, security group changes, KMS access denials and Bedrock " +
          "service or guardrail changes, notifying the KMS-encrypted response SNS topic.",
      },
      gcp: {
        implementation:
          "gcp.logging.Metric log-based metrics with gcp.monitoring.AlertPolicy and NotificationChannel for IAM " +
          "and audit-configuration changes, firewall changes, KMS permission denials and Vertex AI endpoint changes.",
      },
      azure: {
        implementation:
          "azure-native.monitor.ActivityLogAlert for policy-assignment and network security group changes and " +
          "ScheduledQueryRule (or Sentinel ScheduledAlertRule) queries for Key Vault and AI Services access " +
          "denials, through an ActionGroup.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Define alerts for privilege changes, logging changes, network changes and denied access to keys and " +
      "models, and route them to a monitored channel.",
  },
];
