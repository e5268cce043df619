import type { ControlId } from "../controls/ids";

/** A suspicious pattern in the audit logs that raises an alert. */
export interface AuditAlertRule {
  /** Suffix of the log-based metric and alert policy names. */
  id: string;
  /** What the alert means, shown to responders. */
  summary: string;
  /** Cloud Logging filter over audit log entries. */
  filter: string;
  /** Alert severity in Cloud Monitoring. */
  severity: "CRITICAL" | "ERROR" | "WARNING";
  /** Controls the alert provides evidence for. */
  controls: readonly ControlId[];
}

const KMS = 'protoPayload.serviceName="cloudkms.googleapis.com"';

/**
 * The platform's alerts: denied key use, key state changes, IAM policy changes, firewall changes and audit
 * configuration changes (the last three follow the CIS Google Cloud Foundations log-metric recommendations).
 */
export const AUDIT_ALERT_RULES: readonly AuditAlertRule[] = [
  {
    id: "kms-permission-denied",
    summary: "A caller was denied the use or administration of a Cloud KMS key",
    filter: `${KMS} AND protoPayload.status.code=7`,
    severity: "CRITICAL",
    controls: ["SAI-ENC-06", "SAI-LOG-04"],
  },
  {
    id: "kms-key-state-change",
    summary:
      "A key version was disabled, destroyed or restored, or a key's primary version or IAM policy changed",
    filter:
      `${KMS} AND (protoPayload.methodName="DestroyCryptoKeyVersion" OR protoPayload.methodName="RestoreCryptoKeyVersion" ` +
      'OR protoPayload.methodName="UpdateCryptoKeyVersion" OR protoPayload.methodName="UpdateCryptoKeyPrimaryVersion" ' +
      'OR protoPayload.methodName="SetIamPolicy")',
    severity: "CRITICAL",
    controls: ["SAI-ENC-06", "SAI-LOG-04"],
  },
  {
    id: "iam-policy-change",
    summary: "The project's IAM policy changed",
    filter:
      'protoPayload.serviceName="cloudresourcemanager.googleapis.com" AND protoPayload.methodName="SetIamPolicy"',
    severity: "ERROR",
    controls: ["SAI-LOG-04"],
  },
  {
    id: "firewall-change",
    summary: "A VPC firewall rule was created, changed or deleted",
    filter:
      'resource.type="gce_firewall_rule" AND (protoPayload.methodName:"compute.firewalls.insert" ' +
      'OR protoPayload.methodName:"compute.firewalls.patch" OR protoPayload.methodName:"compute.firewalls.update" ' +
      'OR protoPayload.methodName:"compute.firewalls.delete")',
    severity: "ERROR",
    controls: ["SAI-LOG-04"],
  },
  {
    id: "audit-config-change",
    summary: "Data Access audit logging was changed",
    filter:
      'protoPayload.methodName="SetIamPolicy" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*',
    severity: "CRITICAL",
    controls: ["SAI-LOG-04"],
  },
];
