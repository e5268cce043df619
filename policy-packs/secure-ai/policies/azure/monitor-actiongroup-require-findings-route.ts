import type { PolicyResource } from "@pulumi/policy";
import {
  booleanOption,
  defineStackPolicy,
  get,
  isSet,
  isUnknown,
  knownArray,
  knownBoolean,
  knownString,
  type StackView,
} from "../lib";
import { pointsAt } from "./references";
import { scopeAdvisory } from "../service-scope";
import { AZURE_EXTRA } from "./types-extra";

/** The receiver lists of an action group (https://learn.microsoft.com/azure/azure-monitor/alerts/action-groups). */
const RECEIVERS = [
  "emailReceivers",
  "smsReceivers",
  "webhookReceivers",
  "voiceReceivers",
  "azureAppPushReceivers",
  "itsmReceivers",
  "logicAppReceivers",
  "azureFunctionReceivers",
  "automationRunbookReceivers",
  "armRoleReceivers",
  "eventHubReceivers",
  "incidentReceivers",
];
/** Tables that hold Defender for Cloud alerts and Sentinel incidents in a Log Analytics workspace. */
const FINDING_TABLES = ["SecurityAlert", "SecurityIncident"];

/** Whether an action group is enabled and has at least one receiver. */
function reachesSomeone(group: PolicyResource): boolean {
  return (
    knownBoolean(get(group.props, "enabled")) !== false &&
    RECEIVERS.some((receivers) => isSet(get(group.props, receivers)))
  );
}

/**
 * Whether an enabled log alert reads findings tables and notifies a reachable action group of the stack (an
 * unknown query may read them; the update pass reads it).
 */
function routesByLogAlert(rule: PolicyResource, groups: readonly PolicyResource[]): boolean {
  const criteria = get(rule.props, "criteria", "allOf");
  const queries = knownArray(criteria).map((entry) => get(entry, "query"));
  return (
    knownBoolean(get(rule.props, "enabled")) !== false &&
    (isUnknown(criteria) ||
      queries.some(
        (query) =>
          isUnknown(query) || FINDING_TABLES.some((table) => knownString(query)?.includes(table) === true),
      )) &&
    groups.some((group) => reachesSomeone(group) && pointsAt(rule, "actions", group))
  );
}

/** Whether an action list holds an action of `type` (an unknown list or type may). */
function startsPlaybook(actions: unknown, type: string): boolean {
  return (
    isUnknown(actions) ||
    knownArray(actions).some((action) => {
      const actionType = get(action, "actionType");
      return isUnknown(actionType) || knownString(actionType) === type;
    })
  );
}

/** Whether a Defender workflow automation or a Sentinel automation rule starts a playbook. */
function routesByAutomation(stack: StackView): boolean {
  const defender = stack
    .ofType(AZURE_EXTRA.defenderAutomation)
    .some(
      (automation) =>
        knownBoolean(get(automation.props, "isEnabled")) !== false &&
        startsPlaybook(get(automation.props, "actions"), "LogicApp"),
    );
  const sentinel = stack
    .ofType(AZURE_EXTRA.sentinelAutomationRule)
    .some(
      (rule) =>
        knownBoolean(get(rule.props, "triggeringLogic", "isEnabled")) !== false &&
        startsPlaybook(get(rule.props, "actions"), "RunPlaybook"),
    );
  return defender || sentinel;
}

/**
 * Defender for Cloud alerts and Sentinel incidents reach the response team automatically: a stack with Azure
 * data, keys or models has a log alert on the SecurityAlert / SecurityIncident tables that notifies an enabled
 * action group with receivers, or a Defender workflow automation (LogicApp action,
 * https://learn.microsoft.com/azure/defender-for-cloud/workflow-automation) or Sentinel automation rule
 * (RunPlaybook, https://learn.microsoft.com/azure/sentinel/automate-incident-handling-with-automation-rules)
 * that starts a playbook; every action group of the stack has a receiver.
 */
export const azureMonitorActiongroupRequireFindingsRoute = defineStackPolicy({
  name: "azure-monitor-actiongroup-require-findings-route",
  cloud: "azure",
  controls: ["SAI-IR-01"],
  description:
    "A stack with Azure key vaults, storage, AI Services or ML workspaces routes security findings to responders: an enabled ScheduledQueryRule whose query reads SecurityAlert or SecurityIncident names an enabled ActionGroup with at least one receiver, or a Defender Automation (LogicApp action) or Sentinel AutomationRule (RunPlaybook action) starts a playbook; every ActionGroup is enabled with a receiver. The config can declare routing adopted.",
  enforcementLevel: "advisory",
  resourceTypes: [
    AZURE_EXTRA.actionGroup,
    AZURE_EXTRA.scheduledQueryRule,
    AZURE_EXTRA.defenderAutomation,
    AZURE_EXTRA.sentinelAutomationRule,
  ],
  tags: ["monitor", "response"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when findings are routed to responders outside this stack.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "azure-monitor-actiongroup-require-findings-route");
    const groups = stack.ofType(AZURE_EXTRA.actionGroup);
    for (const group of groups.filter((candidate) => !reachesSomeone(candidate))) {
      report(
        `action group "${group.name}" is disabled or has no receiver, so alerts sent to it reach nobody`,
        group,
      );
    }
    const routed =
      stack.ofType(AZURE_EXTRA.scheduledQueryRule).some((rule) => routesByLogAlert(rule, groups)) ||
      routesByAutomation(stack);
    if (!routed) {
      report(
        "security findings are not routed: add a log alert on SecurityAlert/SecurityIncident with an action group that has receivers, or a Defender/Sentinel automation that starts a playbook, or set adopted: true",
      );
    }
  },
});
