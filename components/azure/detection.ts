import * as security from "@pulumi/azure-native/security";
import * as pulumi from "@pulumi/pulumi";
import type { AuditSink } from "./audit";
import type { AzureContext } from "./context";

/** Defender for Cloud threat-protection plans (subscription level) and their sub-plans. */
export const THREAT_PLANS = [
  { pricingName: "AI", extensions: [{ name: "AIPromptEvidence", isEnabled: "True" }] },
  { pricingName: "StorageAccounts", subPlan: "DefenderForStorageV2" },
  { pricingName: "KeyVaults" },
] as const;
/** Defender CSPM. */
export const POSTURE_PLAN = "CloudPosture";

/** What detection created. */
export interface AzureDetection {
  plans: security.Pricing[];
  posture?: security.Pricing;
  contact?: security.SecurityContact;
  alertExport?: security.Automation;
}

/**
 * Defender for Cloud: threat-protection plans for AI, Storage and Key Vault (`threatDetection`), Defender
 * CSPM (`postureManagement`), the subscription's security contact, and a continuous export of alerts to
 * the platform's workspace, where the findings alert rule routes them.
 */
export function buildDetection(context: AzureContext, sink: AuditSink): AzureDetection {
  const { spec, evidence, name, resourceGroupName, location, subscriptionId, tags, opts } = context;
  const scopeId = pulumi.interpolate`/subscriptions/${subscriptionId}`;
  const singletons = spec.detection.singletons;

  const plans =
    singletons.threatDetection === "create"
      ? THREAT_PLANS.map(
          (plan) =>
            new security.Pricing(
              `${name}-defender-${plan.pricingName.toLowerCase()}`,
              {
                scopeId,
                pricingName: plan.pricingName,
                pricingTier: "Standard",
                subPlan: "subPlan" in plan ? plan.subPlan : undefined,
                extensions:
                  "extensions" in plan ? plan.extensions.map((extension) => ({ ...extension })) : undefined,
              },
              opts,
            ),
        )
      : [];
  const emails = spec.detection.notificationEmails;
  const contact =
    singletons.threatDetection === "create" && emails.length > 0
      ? new security.SecurityContact(
          `${name}-security-contact`,
          {
            securityContactName: "default",
            emails: emails.join(";"),
            isEnabled: true,
            notificationsByRole: { state: "On", roles: ["Owner"] },
            notificationsSources: [
              {
                sourceType: "Alert",
                minimalSeverity:
                  spec.detection.severityThreshold === "low"
                    ? "Low"
                    : spec.detection.severityThreshold === "medium"
                      ? "Medium"
                      : "High",
              },
            ],
          },
          opts,
        )
      : undefined;
  const alertExport =
    singletons.threatDetection === "skip"
      ? undefined
      : new security.Automation(
          `${name}-defender-export`,
          {
            resourceGroupName,
            location,
            description: "Continuous export of Defender for Cloud alerts to the AI platform's workspace",
            isEnabled: true,
            scopes: [{ scopePath: scopeId, description: "subscription" }],
            sources: [{ eventSource: "Alerts" }],
            actions: [{ actionType: "Workspace", workspaceResourceId: sink.workspace.id }],
            tags,
          },
          opts,
        );

  switch (singletons.threatDetection) {
    case "create":
      evidence.implemented(
        "SAI-DET-01",
        [...plans, contact, alertExport],
        "Defender for Cloud plans: AI services (with prompt evidence), Storage (V2), Key Vault",
      );
      break;
    case "adopt":
      evidence.implemented(
        "SAI-DET-01",
        [alertExport],
        "adopted: the platform relies on Defender for Cloud plans managed outside this stack (which plans are on is not verified here); their alerts are exported to the platform's workspace",
      );
      break;
    case "skip":
      evidence.gap(
        "SAI-DET-01",
        'threatDetection is "skip": no Defender for Cloud plan is enabled by the platform',
      );
  }
  let posture: security.Pricing | undefined;
  switch (singletons.postureManagement) {
    case "create":
      posture = new security.Pricing(
        `${name}-defender-cspm`,
        { scopeId, pricingName: POSTURE_PLAN, pricingTier: "Standard" },
        opts,
      );
      evidence.implemented("SAI-DET-02", [posture], "Defender CSPM (CloudPosture plan)");
      break;
    case "adopt":
      evidence.implemented(
        "SAI-DET-02",
        [],
        "adopted: the platform relies on Defender CSPM managed outside this stack (not verified here)",
      );
      break;
    case "skip":
      evidence.gap("SAI-DET-02", 'postureManagement is "skip": Defender CSPM is not enabled by the platform');
  }
  return { plans, posture, contact, alertExport };
}
