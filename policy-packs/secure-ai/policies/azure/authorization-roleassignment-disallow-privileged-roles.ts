import { defineResourcePolicy, expectString, get, knownString, stringListOption } from "../lib";
import { AZURE_EXTRA } from "./types-extra";

/**
 * Identities get scoped roles, not the built-in privileged administrator roles. GUIDs of the built-in roles
 * (stable across clouds and languages, unlike display names;
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles):
 * Owner 8e3af657-a8ff-443c-a75c-2fe8c4bcb635, Contributor b24988ac-6180-42a0-ab88-20f7382dd24c,
 * User Access Administrator 18d7d88d-d35e-4fb5-a5c3-7773c20a72d9, Role Based Access Control Administrator
 * f58310d9-a9f6-439a-9e8d-f62e7b41a168. Microsoft recommends assigning them as rarely as possible
 * (https://learn.microsoft.com/azure/role-based-access-control/best-practices).
 */
const PRIVILEGED: Readonly<Record<string, string>> = {
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
  "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
  "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
  "f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
};

/** Role assignments grant scoped roles: no Owner, Contributor or access-administration role. */
export const azureAuthorizationRoleassignmentDisallowPrivilegedRoles = defineResourcePolicy({
  name: "azure-authorization-roleassignment-disallow-privileged-roles",
  cloud: "azure",
  controls: ["SAI-IAM-01"],
  description:
    "Role assignments (roleDefinitionId) do not grant the built-in privileged roles Owner, Contributor, User Access Administrator or Role Based Access Control Administrator (by GUID, plus privilegedRoleIds); workloads get a scoped role on their own key or data instead. Advisory: a deployment identity may need one (waive it).",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE_EXTRA.roleAssignment],
  tags: ["authorization", "iam"],
  config: {
    privilegedRoleIds: stringListOption({
      default: [],
      description: "Further role definition GUIDs to report (custom roles that are as broad).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    const id = expectString(get(props, "roleDefinitionId"));
    const guid = id?.split("/").pop()?.toLowerCase();
    if (guid === undefined) {
      return;
    }
    const name =
      PRIVILEGED[guid] ??
      (config.privilegedRoleIds.map((entry) => entry.toLowerCase()).includes(guid)
        ? "a privileged role"
        : undefined);
    if (name !== undefined) {
      report(
        `grants ${name} (${guid}) to ${knownString(get(props, "principalType")) ?? "a principal"} ${knownString(get(props, "principalId")) ?? ""} at ${knownString(get(props, "scope")) ?? "its scope"}: assign a role limited to what the identity needs`,
      );
    }
  },
});
