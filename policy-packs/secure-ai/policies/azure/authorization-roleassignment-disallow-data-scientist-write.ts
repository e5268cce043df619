import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy, expectString, get, stringListOption } from "../lib";
import { globMatches } from "../lib/glob";
import { AZURE } from "./types";

/**
 * Built-in roles that only read (GUIDs are the same in every tenant): Reader, Storage Blob Data Reader,
 * Storage Queue Data Reader, Storage Table Data Reader, Storage File Data SMB Share Reader.
 */
const READER_ROLES = [
  "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
  "19e7f393-937e-4f77-808e-94535e297925",
  "76199698-9eea-4c19-bc75-cec21354c6b6",
  "aba4ae5f-2193-4029-9191-0cb91df5e314",
];

/** The role definition GUID at the end of a role definition ID (lower case). */
function roleGuid(roleDefinitionId: string): string {
  return (roleDefinitionId.split("/").pop() ?? "").toLowerCase();
}

/** Whether assignment `a`'s scope is the same as, above or below the scope of assignment `b`. */
function overlaps(a: PolicyResource, b: PolicyResource): boolean {
  const sources = a.propertyDependencies?.scope ?? [];
  const targets = b.propertyDependencies?.scope ?? [];
  if (sources.some((source) => targets.some((target) => target.urn === source.urn))) {
    return true;
  }
  const mine = expectString(get(a.props, "scope"))?.toLowerCase().replace(/\/$/, "");
  const theirs = expectString(get(b.props, "scope"))?.toLowerCase().replace(/\/$/, "");
  if (mine === undefined || theirs === undefined) {
    return false;
  }
  return mine === theirs || theirs.startsWith(`${mine}/`) || mine.startsWith(`${theirs}/`);
}

/**
 * Principals the platform designates as data-science readers hold only reader roles on the datasets. A
 * principal is designated when it is listed in `dataScientistPrincipalIds`, or when it is the principal of a
 * role assignment whose resource name matches `dataScientistAssignments` (SecureAiPlatform names its
 * assignments `<platform>-dataset-reader-<n>`); the datasets are the scopes of those assignments.
 */
export const azureAuthorizationRoleassignmentDisallowDataScientistWrite = defineStackPolicy({
  name: "azure-authorization-roleassignment-disallow-data-scientist-write",
  cloud: "azure",
  controls: ["SAI-IAM-02"],
  description:
    "Principals designated as data-science readers (dataScientistPrincipalIds, or the principals of role assignments named like dataScientistAssignments) have no role assignment of a non-reader role (readerRoleIds) on, above or below the datasets' scope.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.roleAssignment],
  tags: ["authorization", "identity", "storage"],
  config: {
    dataScientistPrincipalIds: stringListOption({
      default: [],
      description: "Object IDs of the users or groups that are data-science readers.",
    }),
    dataScientistAssignments: stringListOption({
      default: ["*dataset-reader*", "*data-scientist*"],
      description:
        "Globs matched against role assignment resource names: their principals are data-science readers and their scopes are the datasets.",
    }),
    readerRoleIds: stringListOption({
      default: READER_ROLES,
      description:
        "Role definition GUIDs a data-science reader may hold on the datasets; any other is reported.",
    }),
  },
  validate: (stack, { config, report }) => {
    const assignments = stack.ofType(AZURE.roleAssignment);
    const principalOf = (assignment: PolicyResource) =>
      expectString(get(assignment.props, "principalId"))?.toLowerCase();
    const readerAssignments = assignments.filter((assignment) =>
      config.dataScientistAssignments.some((pattern) => globMatches(pattern, assignment.name)),
    );
    const readers = new Set([
      ...config.dataScientistPrincipalIds.map((id) => id.toLowerCase()),
      ...readerAssignments.flatMap((assignment) => principalOf(assignment) ?? []),
    ]);
    const allowed = new Set(config.readerRoleIds.map((id) => id.toLowerCase()));
    for (const assignment of assignments) {
      const principal = principalOf(assignment);
      if (principal === undefined || !readers.has(principal)) {
        continue;
      }
      const role = expectString(get(assignment.props, "roleDefinitionId"));
      if (role === undefined || allowed.has(roleGuid(role))) {
        continue;
      }
      const onDatasets =
        readerAssignments.length === 0 || readerAssignments.some((reader) => overlaps(assignment, reader));
      if (onDatasets) {
        report(
          `role ${roleGuid(role)} is assigned to data-science reader ${principal} on the datasets' scope: data scientists hold only reader roles there (Storage Blob Data Reader, Reader)`,
          assignment,
        );
      }
    }
  },
});
