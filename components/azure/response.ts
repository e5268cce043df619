import * as monitor from "@pulumi/azure-native/monitor";
import type { AzureContext } from "./context";

/** Short name shown in notifications (at most 12 characters). */
export const ACTION_GROUP_SHORT_NAME = "secure-ai";

/**
 * The action group that carries findings to the incident response team: one email receiver per address,
 * one webhook receiver per URL, all with the common alert schema. Alert rules (see alerts.ts) route to it.
 */
export function buildResponse(context: AzureContext): monitor.ActionGroup {
  const { spec, evidence, name, resourceGroupName, tags, opts } = context;
  const { notificationEmails, notificationWebhooks } = spec.detection;
  const actionGroup = new monitor.ActionGroup(
    `${name}-responders`,
    {
      resourceGroupName,
      location: "global",
      groupShortName: ACTION_GROUP_SHORT_NAME,
      enabled: true,
      emailReceivers: notificationEmails.map((emailAddress, index) => ({
        name: `email-${index}`,
        emailAddress,
        useCommonAlertSchema: true,
      })),
      webhookReceivers: notificationWebhooks.map((serviceUri, index) => ({
        name: `webhook-${index}`,
        serviceUri,
        useCommonAlertSchema: true,
      })),
      tags,
    },
    opts,
  );
  if (notificationEmails.length + notificationWebhooks.length === 0) {
    evidence.gap(
      "SAI-IR-01",
      "no responder configured: set detection.notificationEmails or detection.notificationWebhooks; the action group has no receivers",
      [actionGroup],
    );
  } else {
    evidence.implemented(
      "SAI-IR-01",
      [actionGroup],
      "Defender alerts, Sentinel incidents and the platform's alert rules notify the action group's email and webhook receivers",
    );
  }
  return actionGroup;
}
