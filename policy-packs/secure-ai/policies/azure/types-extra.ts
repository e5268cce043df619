/**
 * Azure Native type tokens of the alerting, routing and role-assignment policies, as strings (the pack never
 * loads @pulumi/azure-native). Verified against `__pulumiType` in node_modules/@pulumi/azure-native 3.28. Kept
 * beside `./types.ts` so that the policies that use them can be added without editing the shared table.
 */
export const AZURE_EXTRA = {
  scheduledQueryRule: "azure-native:monitor:ScheduledQueryRule",
  actionGroup: "azure-native:monitor:ActionGroup",
  sentinelScheduledAlertRule: "azure-native:securityinsights:ScheduledAlertRule",
  sentinelAutomationRule: "azure-native:securityinsights:AutomationRule",
  defenderAutomation: "azure-native:security:Automation",
  roleAssignment: "azure-native:authorization:RoleAssignment",
} as const;
