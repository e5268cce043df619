import type { PolicyResource } from "@pulumi/policy";
import {
  booleanOption,
  defineStackPolicy,
  get,
  isUnknown,
  knownArray,
  knownString,
  stringListOption,
} from "../lib";
import { scopeAdvisory } from "../service-scope";
import { GCP } from "./types";

const AUDIT_CONFIG_TYPES = [GCP.projectAuditConfig, GCP.folderAuditConfig, GCP.organizationAuditConfig];

/** The log types an audit config turns on, or `"all"` when its list is not known yet. */
function logTypesOf(config: PolicyResource): Set<string> | "all" {
  const list = get(config.props, "auditLogConfigs");
  if (isUnknown(list)) {
    return "all";
  }
  const types = new Set<string>();
  for (const entry of knownArray(list)) {
    const logType = get(entry, "logType");
    if (isUnknown(logType)) {
      return "all";
    }
    const known = knownString(logType);
    if (known !== undefined) {
      types.add(known);
    }
  }
  return types;
}

/** Data-access audit logs are on for the services that hold keys, models and data. */
export const gcpProjectsAuditconfigRequireDataAccessLogs = defineStackPolicy({
  name: "gcp-projects-auditconfig-require-data-access-logs",
  cloud: "gcp",
  controls: ["SAI-LOG-01", "SAI-ENC-06"],
  description:
    "A stack with GCP keys, buckets or Vertex AI resources has IAM audit configs (project, folder or organisation; service or allServices) that turn on requiredLogTypes for every service in requiredServices that the stack uses (cloudkms with KMS keys, aiplatform with Vertex AI resources, storage with buckets; services the pack does not know always), unless the config declares them adopted.",
  enforcementLevel: "advisory",
  resourceTypes: AUDIT_CONFIG_TYPES,
  tags: ["logging", "audit"],
  config: {
    adopted: booleanOption({
      default: false,
      description:
        "Set to true when data-access audit logs are configured outside this stack (IAMAuditConfig is authoritative per service).",
    }),
    requiredServices: stringListOption({
      default: ["cloudkms.googleapis.com", "aiplatform.googleapis.com", "storage.googleapis.com"],
      description: "Services whose data-access audit logs must be on.",
    }),
    requiredLogTypes: stringListOption({
      default: ["DATA_READ", "DATA_WRITE"],
      description: "Audit log types every required service must have.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    // Only the services the stack uses: no Vertex AI audit logs asked of a stack without Vertex AI.
    const services = scopeAdvisory(
      stack,
      "gcp-projects-auditconfig-require-data-access-logs",
      config.requiredServices,
    );
    const configs = AUDIT_CONFIG_TYPES.flatMap((type) => stack.ofType(type));
    for (const service of services) {
      const covering = configs.filter((resource) => {
        const value = get(resource.props, "service");
        return isUnknown(value) || value === service || value === "allServices";
      });
      const enabled = new Set<string>();
      let all = false;
      for (const resource of covering) {
        const types = logTypesOf(resource);
        if (types === "all") {
          all = true;
        } else {
          types.forEach((type) => enabled.add(type));
        }
      }
      const missing = all ? [] : config.requiredLogTypes.filter((type) => !enabled.has(type));
      if (missing.length > 0) {
        report(
          covering.length === 0
            ? `no IAM audit config covers ${service}; add one with ${config.requiredLogTypes.join(" and ")} or set adopted: true in this policy's config`
            : `the IAM audit configs for ${service} lack ${missing.join(", ")}`,
        );
      }
    }
  },
});
