import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy, expectString, get, knownArray, knownString, stringListOption } from "../lib";
import { globMatches } from "../lib/glob";
import { GCP } from "./types";

/** Grants of one role to members: member and binding resources. */
const MEMBER_TYPES: readonly string[] = [
  GCP.storageBucketIamMember,
  GCP.projectIamMember,
  GCP.bigqueryDatasetIamMember,
];
const BINDING_TYPES: readonly string[] = [
  GCP.storageBucketIamBinding,
  GCP.projectIamBinding,
  GCP.bigqueryDatasetIamBinding,
];

/** One role granted to members by one resource. */
interface RoleGrant {
  resource: PolicyResource;
  role: string | undefined;
  members: string[];
}

/** The grants of a stack: IAM member and binding resources, and the bindings of bucket IAM policies. */
function grantsOf(resources: readonly PolicyResource[]): RoleGrant[] {
  return resources.flatMap((resource): RoleGrant[] => {
    if (MEMBER_TYPES.includes(resource.type)) {
      const member = expectString(get(resource.props, "member"));
      return [{ resource, role: expectString(get(resource.props, "role")), members: member ? [member] : [] }];
    }
    if (BINDING_TYPES.includes(resource.type)) {
      const members = knownArray(get(resource.props, "members")).flatMap((member) =>
        typeof member === "string" ? [member] : [],
      );
      return [{ resource, role: expectString(get(resource.props, "role")), members }];
    }
    if (resource.type === GCP.storageBucketIamPolicy) {
      const text = knownString(get(resource.props, "policyData"));
      let parsed: unknown;
      try {
        parsed = text === undefined ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return knownArray(get(parsed, "bindings")).map((binding) => ({
        resource,
        role: knownString(get(binding, "role")),
        members: knownArray(get(binding, "members")).flatMap((member) =>
          typeof member === "string" ? [member] : [],
        ),
      }));
    }
    return [];
  });
}

/**
 * Members the platform designates as data-science readers hold only read roles on buckets, projects and
 * BigQuery datasets. A member is designated when it is listed in `dataScientistMembers`, or when it is the
 * member of a grant whose resource name matches `dataScientistGrants` (SecureAiPlatform names its reader grants
 * `<platform>-data-scientist-<n>-datasets` and `...-vertex`).
 */
export const gcpStorageBucketiammemberDisallowDataScientistWrite = defineStackPolicy({
  name: "gcp-storage-bucketiammember-disallow-data-scientist-write",
  cloud: "gcp",
  controls: ["SAI-IAM-02"],
  description:
    "Members designated as data-science readers (dataScientistMembers, or the members of grants named like dataScientistGrants) are granted only read roles (readOnlyRoles) by bucket, project and BigQuery dataset IAM members, bindings and bucket IAM policies.",
  enforcementLevel: "mandatory",
  resourceTypes: [...MEMBER_TYPES, ...BINDING_TYPES, GCP.storageBucketIamPolicy],
  tags: ["iam", "storage"],
  config: {
    dataScientistMembers: stringListOption({
      default: [],
      description:
        'IAM members that are data-science readers ("group:data-scientists@example.com", "user:*@example.com"; globs).',
    }),
    dataScientistGrants: stringListOption({
      default: ["*data-scientist*"],
      description:
        "Globs matched against IAM grant resource names: the members of matching grants are data-science readers.",
    }),
    readOnlyRoles: stringListOption({
      default: [
        "roles/storage.objectViewer",
        "roles/storage.legacyObjectReader",
        "roles/storage.legacyBucketReader",
        "roles/storage.bucketViewer",
        "roles/aiplatform.viewer",
        "roles/bigquery.dataViewer",
        "roles/bigquery.metadataViewer",
        "roles/viewer",
        "roles/browser",
      ],
      description: "The roles a data-science reader may hold; any other role is reported.",
    }),
  },
  validate: (stack, { config, report }) => {
    const grants = grantsOf(
      [...MEMBER_TYPES, ...BINDING_TYPES, GCP.storageBucketIamPolicy].flatMap((type) => stack.ofType(type)),
    );
    const designated = new Set(
      grants
        .filter((grant) =>
          config.dataScientistGrants.some((pattern) => globMatches(pattern, grant.resource.name)),
        )
        .flatMap((grant) => grant.members.map((member) => member.toLowerCase())),
    );
    const isReader = (member: string) =>
      designated.has(member.toLowerCase()) ||
      config.dataScientistMembers.some((pattern) => globMatches(pattern.toLowerCase(), member.toLowerCase()));
    for (const grant of grants) {
      const readers = grant.members.filter(isReader);
      if (readers.length > 0 && grant.role !== undefined && !config.readOnlyRoles.includes(grant.role)) {
        report(
          `${grant.role} is granted to data-science reader ${readers.join(", ")}: data scientists hold only read roles on datasets (${config.readOnlyRoles.slice(0, 3).join(", ")}, ...)`,
          grant.resource,
        );
      }
    }
  },
});
