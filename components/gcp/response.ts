import type * as pulumi from "@pulumi/pulumi";
import * as monitoring from "@pulumi/gcp/monitoring";
import * as pubsub from "@pulumi/gcp/pubsub";
import type { GrantedKey } from "./keys";
import { fitName } from "./names";
import type { GcpScope } from "./scope";

/** How long undelivered findings stay on the topic. */
export const FINDINGS_RETENTION = "604800s";

/** Where findings and alerts go. */
export interface ResponseRouting {
  /** CMEK-encrypted topic that receives Security Command Center findings. */
  findingsTopic: pubsub.Topic;
  /** Push subscriptions that deliver findings to the responders' webhooks. */
  webhookSubscriptions: pubsub.Subscription[];
  /** Channels alert policies notify (email and webhook). */
  channels: monitoring.NotificationChannel[];
}

/**
 * A CMEK Pub/Sub topic in the platform's region as the findings destination, push subscriptions to the
 * incident-response webhooks, and Cloud Monitoring notification channels for the alert policies.
 */
export function buildResponse(scope: GcpScope, logsKey: GrantedKey): ResponseRouting {
  const { name, project, region, spec } = scope;
  const opts = { parent: scope.parent };
  const findingsTopic = new pubsub.Topic(
    `${name}-findings`,
    {
      name: fitName([name, "findings"], 255),
      project,
      kmsKeyName: logsKey.key.id,
      messageRetentionDuration: FINDINGS_RETENTION,
      messageStoragePolicy: { allowedPersistenceRegions: [region] },
      labels: scope.labels,
    },
    // The Pub/Sub agent encrypts with the key: its grant comes first.
    { parent: scope.parent, dependsOn: logsKey.grants.pubsub ? [logsKey.grants.pubsub] : [] },
  );
  const webhookSubscriptions = spec.detection.notificationWebhooks.map(
    (url, index) =>
      new pubsub.Subscription(
        `${name}-findings-webhook-${index}`,
        {
          name: fitName([name, "findings-webhook", String(index)], 255),
          project,
          topic: findingsTopic.id,
          pushConfig: { pushEndpoint: url },
          ackDeadlineSeconds: 60,
          messageRetentionDuration: FINDINGS_RETENTION,
          labels: scope.labels,
        },
        opts,
      ),
  );
  const channels = [
    ...spec.detection.notificationEmails.map(
      (email, index) =>
        new monitoring.NotificationChannel(
          `${name}-email-${index}`,
          {
            project,
            type: "email",
            displayName: `${name} incident response ${email}`,
            labels: { email_address: email },
          },
          opts,
        ),
    ),
    ...spec.detection.notificationWebhooks.map(
      (url, index) =>
        new monitoring.NotificationChannel(
          `${name}-webhook-${index}`,
          {
            project,
            type: "webhook_tokenauth",
            displayName: `${name} incident response webhook ${index}`,
            labels: { url },
          },
          opts,
        ),
    ),
  ];
  scope.evidence.implemented("SAI-ENC-01", [findingsTopic], "findings topic encrypted with the logs key");
  return { findingsTopic, webhookSubscriptions, channels };
}

/** Records SAI-IR-01 once detection has wired findings (or not) to the topic. */
export function recordResponseEvidence(
  scope: GcpScope,
  routing: ResponseRouting,
  findingsSource: pulumi.Resource | undefined,
): void {
  const responders = [...routing.webhookSubscriptions, ...routing.channels];
  const resources = [routing.findingsTopic, findingsSource, ...responders];
  const mode = scope.spec.detection.singletons.threatDetection;
  if (mode === "adopt") {
    scope.evidence.implemented(
      "SAI-IR-01",
      resources,
      "adopted: the platform relies on a Security Command Center notification config outside this stack to route findings (not checked here); alert policies notify the platform's channels",
    );
  } else if (mode === "skip" || !findingsSource) {
    scope.evidence.gap(
      "SAI-IR-01",
      "Security Command Center notifications are skipped (detection.singletons.threatDetection: skip): findings are not routed",
      resources,
    );
  } else if (routing.webhookSubscriptions.length === 0) {
    scope.evidence.gap(
      "SAI-IR-01",
      "findings reach the topic but no responder subscribes: set detection.notificationWebhooks (emails receive alert-policy notifications only)",
      resources,
    );
  } else {
    scope.evidence.implemented(
      "SAI-IR-01",
      resources,
      "findings at or above the threshold go to the CMEK topic and are pushed to the response webhooks; alert policies notify the email and webhook channels",
    );
  }
}
