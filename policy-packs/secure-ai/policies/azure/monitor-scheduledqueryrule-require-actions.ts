import { defineResourcePolicy, requireBoolean, requireSet } from "../lib";
import { AZURE_EXTRA } from "./types-extra";

/**
 * Log alert rules notify someone: a scheduled query rule fires only when `enabled` (default true) and reaches
 * the responders only through `actions.actionGroups`
 * (https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-log-alert-rule).
 */
export const azureMonitorScheduledqueryruleRequireActions = defineResourcePolicy({
  name: "azure-monitor-scheduledqueryrule-require-actions",
  cloud: "azure",
  controls: ["SAI-LOG-04"],
  description:
    "Azure Monitor scheduled query (log alert) rules are enabled (enabled not false) and name at least one action group in actions.actionGroups, so a suspicious pattern reaches the responders.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE_EXTRA.scheduledQueryRule],
  tags: ["monitor", "alerts"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["enabled"], true, true, report);
    requireSet(props, ["actions", "actionGroups"], report, "the alert fires without notifying anyone");
  },
});
