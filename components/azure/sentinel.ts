import * as securityinsights from "@pulumi/azure-native/securityinsights";
import type * as pulumi from "@pulumi/pulumi";
import type { AuditSink } from "./audit";
import { SUSPICIOUS_PATTERNS } from "./alerts";
import type { AzureContext } from "./context";
import { shortHash } from "./names";

/** A deterministic GUID from the given parts (Sentinel automation rules are named by GUID). */
export function deterministicGuid(parts: readonly string[]): string {
  const hex = shortHash(parts, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What Sentinel onboarding created. */
export interface SentinelResources {
  onboarding?: securityinsights.SentinelOnboardingState;
  analyticsRules: securityinsights.ScheduledAlertRule[];
  automationRule?: securityinsights.AutomationRule;
}

/**
 * Ships audit logs to a SIEM: Microsoft Sentinel on the platform's workspace (`siem: "native"`, the
 * `siemOnboarding` singleton), or the Event Hub export already wired into every diagnostic setting
 * (`siem: "export"`).
 */
export function buildSiem(context: AzureContext, sink: AuditSink): SentinelResources {
  const { spec, evidence, name, resourceGroupName, opts } = context;
  if (spec.logging.siem === "export") {
    evidence.implemented(
      "SAI-LOG-03",
      sink.diagnosticSettings,
      `every diagnostic setting streams to the Event Hub ${spec.logging.siemDestination}`,
    );
    return { analyticsRules: [] };
  }
  if (spec.logging.siem === "none") return { analyticsRules: [] };
  const mode = spec.detection.singletons.siemOnboarding;
  if (mode === "skip") {
    evidence.gap(
      "SAI-LOG-03",
      'siemOnboarding is "skip": Microsoft Sentinel is not enabled on the platform\'s workspace',
    );
    return { analyticsRules: [] };
  }
  const onboarding =
    mode === "create"
      ? new securityinsights.SentinelOnboardingState(
          `${name}-sentinel`,
          {
            resourceGroupName,
            workspaceName: sink.workspace.name,
            sentinelOnboardingStateName: "default",
            customerManagedKey: false,
          },
          opts,
        )
      : undefined;
  const after: pulumi.CustomResourceOptions = { ...opts, dependsOn: onboarding ? [onboarding] : [] };
  const analyticsRules = SUSPICIOUS_PATTERNS.slice(0, 2).map(
    (pattern) =>
      new securityinsights.ScheduledAlertRule(
        `${name}-sentinel-${pattern.id}`,
        {
          resourceGroupName,
          workspaceName: sink.workspace.name,
          kind: "Scheduled",
          displayName: `${name}: ${pattern.title}`,
          enabled: true,
          query: pattern.query,
          queryFrequency: "PT5M",
          queryPeriod: "PT5M",
          severity: pattern.severity <= 1 ? "High" : "Medium",
          triggerOperator: "GreaterThan",
          triggerThreshold: 0,
          suppressionDuration: "PT1H",
          suppressionEnabled: false,
          tactics: ["CredentialAccess", "Impact"],
          incidentConfiguration: { createIncident: true },
        },
        after,
      ),
  );
  const automationRule = new securityinsights.AutomationRule(
    `${name}-sentinel-triage`,
    {
      resourceGroupName,
      workspaceName: sink.workspace.name,
      automationRuleId: deterministicGuid([name, "sentinel-triage"]),
      displayName: `${name}: triage for the AI platform response team`,
      order: 1,
      triggeringLogic: { isEnabled: true, triggersOn: "Incidents", triggersWhen: "Created" },
      actions: [
        {
          actionType: "ModifyProperties",
          order: 1,
          actionConfiguration: { labels: [{ labelName: "secure-ai-platform" }] },
        },
        {
          actionType: "AddIncidentTask",
          order: 2,
          actionConfiguration: {
            title: "Hand over to the AI platform response team",
            description: "The responders' action group is notified by the platform's findings alert rule.",
          },
        },
      ],
    },
    after,
  );
  evidence.implemented(
    "SAI-LOG-03",
    [...(onboarding ? [onboarding] : []), ...analyticsRules, automationRule],
    mode === "adopt"
      ? "adopted: the platform relies on Microsoft Sentinel onboarding of its workspace managed outside this stack (not verified here); analytics and automation rules are the platform's"
      : "Microsoft Sentinel on the platform's workspace, with analytics rules and an automation rule",
  );
  evidence.implemented("SAI-LOG-04", analyticsRules, "Sentinel analytics rules raise incidents");
  evidence.implemented(
    "SAI-IR-01",
    [automationRule],
    "a Sentinel automation rule labels every incident and adds a hand-over task",
  );
  return { onboarding, analyticsRules, automationRule };
}
