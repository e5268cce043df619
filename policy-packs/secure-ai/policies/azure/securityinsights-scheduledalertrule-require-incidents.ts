import { defineResourcePolicy, requireBoolean } from "../lib";
import { AZURE_EXTRA } from "./types-extra";

/**
 * Sentinel analytics rules raise incidents: a scheduled rule runs only when `enabled`, and its alerts become
 * incidents for the responders only with `incidentConfiguration.createIncident`
 * (https://learn.microsoft.com/azure/sentinel/detect-threats-custom).
 */
export const azureSecurityinsightsScheduledalertruleRequireIncidents = defineResourcePolicy({
  name: "azure-securityinsights-scheduledalertrule-require-incidents",
  cloud: "azure",
  controls: ["SAI-LOG-04"],
  description:
    "Microsoft Sentinel scheduled analytics rules are enabled and set incidentConfiguration.createIncident true, so a match becomes an incident the response team works.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE_EXTRA.sentinelScheduledAlertRule],
  tags: ["sentinel", "alerts"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["enabled"], true, undefined, report);
    requireBoolean(props, ["incidentConfiguration", "createIncident"], true, undefined, report);
  },
});
