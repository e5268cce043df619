import { booleanOption, defineStackPolicy, get, isSet } from "../lib";
import { scopeAdvisory } from "../service-scope";
import { GCP } from "./types";

const NOTIFICATION_TYPES = [
  GCP.sccV2ProjectNotification,
  GCP.sccV2FolderNotification,
  GCP.sccV2OrganizationNotification,
  GCP.sccProjectNotification,
  GCP.sccFolderNotification,
  GCP.sccOrganizationNotification,
];

/** Security Command Center findings reach the response team through Pub/Sub. */
export const gcpSecuritycenterNotificationRequireFindingsRoute = defineStackPolicy({
  name: "gcp-securitycenter-notification-require-findings-route",
  cloud: "gcp",
  controls: ["SAI-IR-01", "SAI-DET-01"],
  description:
    "A stack with GCP keys, buckets or Vertex AI resources has a Security Command Center notification config that streams findings to a Pub/Sub topic, unless the config declares it adopted (SCC activation itself is outside infrastructure code).",
  enforcementLevel: "advisory",
  resourceTypes: NOTIFICATION_TYPES,
  tags: ["securitycenter", "detection", "response"],
  config: {
    adopted: booleanOption({
      default: false,
      description:
        "Set to true when findings are routed outside this stack (e.g. an organisation notification config).",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "gcp-securitycenter-notification-require-findings-route");
    const notifications = NOTIFICATION_TYPES.flatMap((type) => stack.ofType(type));
    if (notifications.length === 0) {
      report(
        "no Security Command Center notification config in the stack; add one or set adopted: true in this policy's config",
      );
      return;
    }
    for (const notification of notifications) {
      if (!isSet(get(notification.props, "pubsubTopic"))) {
        report(
          `notification config "${notification.name}" has no pubsubTopic, so findings go nowhere`,
          notification,
        );
      }
    }
  },
});
