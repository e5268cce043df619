import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import type * as pulumi from "@pulumi/pulumi";
import type { AzureContext } from "./context";

/** Log Analytics interactive retention bounds (days). */
export const WORKSPACE_RETENTION = { min: 30, max: 730 } as const;
/** Subscription activity-log categories exported. */
export const ACTIVITY_LOG_CATEGORIES = ["Administrative", "Security", "Policy", "Alert"] as const;

/** Where audit logs go. */
export interface AuditSink {
  workspace: operationalinsights.Workspace;
  /** Every diagnostic setting created, for the evidence. */
  diagnosticSettings: monitor.DiagnosticSetting[];
  /** Sends a resource's logs to the sink. */
  diagnose(target: DiagnosedResource): monitor.DiagnosticSetting;
}

/** A resource whose logs the platform collects. */
export interface DiagnosedResource {
  /** Logical name, unique in the platform. */
  label: string;
  /** ARM ID of the resource (or of a sub-service such as `<account>/blobServices/default`). */
  resourceUri: pulumi.Input<string>;
  /** Log categories, or category groups prefixed with `group:` (`group:audit`, `group:allLogs`). */
  logs: readonly string[];
  /** The resource the setting belongs to (it must exist first). */
  resource: pulumi.Resource;
}

/** Workspace retention: the configured days within Log Analytics' interactive range. */
export function workspaceRetention(days: number): number {
  return Math.min(WORKSPACE_RETENTION.max, Math.max(WORKSPACE_RETENTION.min, days));
}

/**
 * The Log Analytics workspace (local auth off, no public ingestion) and the diagnostic-setting factory.
 * Every setting also archives to the immutable audit-log storage account and, with `siem: "export"`, to
 * the given Event Hub.
 *
 * Log Analytics data is encrypted with Microsoft-managed keys: a customer key needs a dedicated cluster
 * with a commitment tier of at least 100 GB a day, out of scale for one platform. The immutable archive in
 * the audit-log account is encrypted with the platform's logs key.
 */
export function buildAuditSink(context: AzureContext, auditAccountId: pulumi.Input<string>): AuditSink {
  const { spec, name, resourceGroupName, location, tags, opts } = context;
  const workspace = new operationalinsights.Workspace(
    `${name}-logs`,
    {
      resourceGroupName,
      location,
      sku: { name: "PerGB2018" },
      retentionInDays: workspaceRetention(spec.logging.retentionDays),
      publicNetworkAccessForIngestion: "Disabled",
      // Key use, data access and model logs live here: no query from public networks either, as Microsoft's
      // built-in policy "Log Analytics workspaces should block log ingestion and querying from public networks"
      // asks (https://github.com/Azure/azure-policy/blob/master/built-in-policies/policyDefinitions/Monitoring/LogAnalyticsWorkspaces_NetworkAccessEnabled_Deny.json,
      // https://learn.microsoft.com/en-us/azure/azure-monitor/logs/private-link-security). Responders query from a
      // network linked through an Azure Monitor Private Link Scope (normally the hub's; not created here).
      publicNetworkAccessForQuery: "Disabled",
      features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
      tags,
    },
    opts,
  );
  context.evidence.gap(
    "SAI-ENC-01",
    "the Log Analytics workspace (and Sentinel on it) is encrypted with Microsoft-managed keys: a customer-managed " +
      "key needs a dedicated Log Analytics cluster with a capacity commitment, which the platform does not create",
    [workspace],
  );
  const exportRule = spec.logging.siem === "export" ? spec.logging.siemDestination : undefined;
  const diagnosticSettings: monitor.DiagnosticSetting[] = [];
  const diagnose = (target: DiagnosedResource): monitor.DiagnosticSetting => {
    const setting = new monitor.DiagnosticSetting(
      `${name}-diag-${target.label}`,
      {
        name: "secure-ai-audit",
        resourceUri: target.resourceUri,
        workspaceId: workspace.id,
        storageAccountId: auditAccountId,
        eventHubAuthorizationRuleId: exportRule,
        logs: target.logs.map((log) =>
          log.startsWith("group:")
            ? { categoryGroup: log.slice("group:".length), enabled: true }
            : { category: log, enabled: true },
        ),
      },
      { ...opts, dependsOn: [target.resource] },
    );
    diagnosticSettings.push(setting);
    return setting;
  };
  return { workspace, diagnosticSettings, diagnose };
}

/** Exports the subscription's activity log (the `auditConfig` singleton) and records SAI-LOG-01. */
export function buildActivityLog(
  context: AzureContext,
  sink: AuditSink,
  auditAccountId: pulumi.Input<string>,
): monitor.SubscriptionDiagnosticSetting | undefined {
  const { spec, evidence, name, opts } = context;
  const mode = spec.detection.singletons.auditConfig;
  const resourceLogs =
    "resource logs of the vault, storage and model services go to Log Analytics and the immutable archive";
  let activityLog: monitor.SubscriptionDiagnosticSetting | undefined;
  if (mode === "create") {
    activityLog = new monitor.SubscriptionDiagnosticSetting(
      `${name}-activity-log`,
      {
        workspaceId: sink.workspace.id,
        storageAccountId: auditAccountId,
        eventHubAuthorizationRuleId:
          spec.logging.siem === "export" ? spec.logging.siemDestination : undefined,
        logs: ACTIVITY_LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
      },
      opts,
    );
    evidence.implemented(
      "SAI-LOG-01",
      [activityLog, ...sink.diagnosticSettings],
      `${resourceLogs}; the subscription activity log (control plane) is exported`,
    );
  } else if (mode === "adopt") {
    evidence.implemented(
      "SAI-LOG-01",
      sink.diagnosticSettings,
      `${resourceLogs}; adopted: the platform relies on a subscription activity-log export managed outside this stack (not verified here)`,
    );
  } else {
    evidence.gap(
      "SAI-LOG-01",
      'auditConfig is "skip": the subscription activity log (control-plane calls) is not exported by the platform',
      sink.diagnosticSettings,
    );
  }
  return activityLog;
}
