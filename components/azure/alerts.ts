import * as monitor from "@pulumi/azure-native/monitor";
import type * as pulumi from "@pulumi/pulumi";
import type { SeverityLevel } from "../spec/resolved";
import type { AzureContext } from "./context";
import type { AuditSink } from "./audit";

/** A log query that alerts when it returns any row. */
export interface AlertQuery {
  /** Logical name, unique in the platform. */
  id: string;
  /** Title shown to responders. */
  title: string;
  /** Azure Monitor severity, 0 (critical) to 4 (verbose). */
  severity: 0 | 1 | 2 | 3 | 4;
  /** KQL over the platform's Log Analytics workspace. */
  query: string;
}

/** Key Vault operations that change or remove keys or the vault. */
export const KEY_CHANGE_OPERATIONS = [
  "KeyDelete",
  "KeyPurge",
  "KeyUpdate",
  "KeyImport",
  "KeyRestore",
  "KeyRotationPolicyUpdate",
  "VaultDelete",
  "VaultPatch",
  "VaultPut",
] as const;

/*
 * A table of Log Analytics exists only once data has arrived in it: on a fresh workspace, a rule over
 * AzureDiagnostics, StorageBlobLogs, SecurityAlert or SecurityIncident is rejected at creation as "table does not
 * exist" (scheduled query rules and Sentinel analytics rules both validate their query). Every query therefore
 * unions, with isfuzzy=true, an empty datatable that declares the columns it reads: "the set of union sources is
 * reduced to the set of table references that exist" (https://learn.microsoft.com/en-us/kusto/query/union-operator),
 * and the datatable always exists, so the query is valid before the first log arrives and reads the table after.
 */

/** Columns of AzureDiagnostics the alerts read. */
const DIAGNOSTICS_COLUMNS =
  "ResourceProvider:string, ResultSignature:string, httpStatusCode_d:real, OperationName:string";

/** `union isfuzzy=true` of an empty datatable with the columns read and the table: valid before the table exists. */
export function fuzzyTable(table: string, columns: string): string {
  return `union isfuzzy=true (datatable(${columns})[]), (${table})`;
}

/** Suspicious patterns the platform alerts on (Key Vault logs arrive in AzureDiagnostics). */
export const SUSPICIOUS_PATTERNS: readonly AlertQuery[] = [
  {
    id: "key-vault-denied",
    title: "Unauthorized Key Vault access attempt",
    severity: 1,
    query: [
      fuzzyTable("AzureDiagnostics", DIAGNOSTICS_COLUMNS),
      '| where ResourceProvider == "MICROSOFT.KEYVAULT"',
      '| where ResultSignature in ("Forbidden", "Unauthorized") or httpStatusCode_d in (401, 403)',
    ].join("\n"),
  },
  {
    id: "key-changes",
    title: "Key Vault key or vault changed or deleted",
    severity: 2,
    query: [
      fuzzyTable("AzureDiagnostics", DIAGNOSTICS_COLUMNS),
      '| where ResourceProvider == "MICROSOFT.KEYVAULT"',
      `| where OperationName in (${KEY_CHANGE_OPERATIONS.map((op) => `"${op}"`).join(", ")})`,
    ].join("\n"),
  },
  {
    id: "data-access-denied",
    title: "Denied access to datasets, artifacts or models",
    severity: 2,
    query: [
      "union isfuzzy=true",
      `  (datatable(${DIAGNOSTICS_COLUMNS}, StatusCode:int)[]),`,
      "  (StorageBlobLogs | where StatusCode in (401, 403)),",
      '  (AzureDiagnostics | where ResourceProvider == "MICROSOFT.COGNITIVESERVICES" and ResultSignature in ("401", "403"))',
    ].join("\n"),
  },
];

/** Defender for Cloud alert severities at or above the routing threshold (Defender has no "critical"). */
export function defenderSeverities(threshold: SeverityLevel): string[] {
  const order = ["Low", "Medium", "High"];
  const start = { low: 0, medium: 1, high: 2, critical: 2 }[threshold];
  return order.slice(start);
}

/** Routes Defender alerts and Sentinel incidents at or above the threshold to the responders. */
export function findingsRoute(threshold: SeverityLevel): AlertQuery {
  const severities = defenderSeverities(threshold)
    .map((severity) => `"${severity}"`)
    .join(", ");
  return {
    id: "security-findings",
    title: "Security finding for the AI platform",
    severity: 1,
    query: [
      "union isfuzzy=true",
      "  (datatable(AlertSeverity:string, Status:string, Severity:string)[]),",
      `  (SecurityAlert | where AlertSeverity in (${severities})),`,
      `  (SecurityIncident | where Status == "New" and Severity in (${severities}))`,
    ].join("\n"),
  };
}

/**
 * Log alert rules over the workspace, every five minutes, each notifying the action group. Returns the
 * suspicious-pattern rules and the findings route.
 */
export function buildAlertRules(
  context: AzureContext,
  sink: AuditSink,
  actionGroupId: pulumi.Input<string>,
): { patterns: monitor.ScheduledQueryRule[]; findings: monitor.ScheduledQueryRule } {
  const { spec, evidence, name, resourceGroupName, location, tags, opts } = context;
  const rule = (alert: AlertQuery): monitor.ScheduledQueryRule =>
    new monitor.ScheduledQueryRule(
      `${name}-alert-${alert.id}`,
      {
        resourceGroupName,
        location,
        kind: "LogAlert",
        displayName: `${name}: ${alert.title}`,
        description: alert.title,
        severity: alert.severity,
        enabled: true,
        scopes: [sink.workspace.id],
        evaluationFrequency: "PT5M",
        windowSize: "PT5M",
        criteria: {
          allOf: [
            {
              query: alert.query,
              timeAggregation: "Count",
              operator: "GreaterThan",
              threshold: 0,
              failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
            },
          ],
        },
        actions: { actionGroups: [actionGroupId] },
        autoMitigate: false,
        tags,
      },
      { ...opts, dependsOn: sink.diagnosticSettings },
    );
  const patterns = SUSPICIOUS_PATTERNS.map(rule);
  const findings = rule(findingsRoute(spec.detection.severityThreshold));
  evidence.implemented(
    "SAI-LOG-04",
    patterns,
    "log alerts on unauthorized Key Vault access, key and vault changes, and denied data or model access",
  );
  evidence.implemented(
    "SAI-ENC-06",
    [patterns[0], patterns[1]],
    "Key Vault AuditEvent logs with alerts on denied access and key changes",
  );
  evidence.implemented(
    "SAI-IR-01",
    [findings],
    "Defender alerts and Sentinel incidents are routed by a log alert",
  );
  return { patterns, findings };
}
