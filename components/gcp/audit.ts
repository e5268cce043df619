import * as pulumi from "@pulumi/pulumi";
import * as logging from "@pulumi/gcp/logging";
import * as monitoring from "@pulumi/gcp/monitoring";
import * as projects from "@pulumi/gcp/projects";
import * as pubsub from "@pulumi/gcp/pubsub";
import * as storage from "@pulumi/gcp/storage";
import { AUDIT_ALERT_RULES } from "./alert-rules";
import type { GrantedKey } from "./keys";
import { fitName } from "./names";
import type { ResponseRouting } from "./response";
import type { GcpScope } from "./scope";
import type { PlatformBuckets } from "./storage";

/** Services whose Data Access audit logs the platform turns on: key use, model calls and data reads. */
export const AUDITED_SERVICES = [
  "cloudkms.googleapis.com",
  "aiplatform.googleapis.com",
  "storage.googleapis.com",
] as const;
/** Every log type of those services. */
export const AUDIT_LOG_TYPES = ["ADMIN_READ", "DATA_READ", "DATA_WRITE"] as const;
/** Every Cloud Audit Logs stream: admin activity, data access, system events and policy denials. */
export const AUDIT_LOG_FILTER = 'logName:"cloudaudit.googleapis.com"';

/** The platform's audit trail. */
export interface AuditTrail {
  auditConfigs: projects.IAMAuditConfig[];
  logBucket: logging.ProjectBucketConfig;
  sinks: logging.ProjectSink[];
  siemTopic?: pubsub.Topic;
  siemSink?: logging.ProjectSink;
  alerts: monitoring.AlertPolicy[];
}

/** Pub/Sub resource name of a topic ID, as a sink destination. */
export function pubsubDestination(topicId: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`pubsub.googleapis.com/${topicId}`;
}

/**
 * Data Access audit logs for KMS, Vertex AI and Storage (the `auditConfig` singleton: create, adopt or skip,
 * because audit configs are authoritative per service), a locked CMEK log bucket and a locked archive bucket
 * that receive every audit log, the SIEM export, and log-based alerts on suspicious patterns.
 */
export function buildAudit(
  scope: GcpScope,
  logsKey: GrantedKey,
  buckets: PlatformBuckets,
  routing: ResponseRouting,
): AuditTrail {
  const { name, project, region, spec } = scope;
  const opts = { parent: scope.parent };

  const auditConfigs =
    spec.detection.singletons.auditConfig === "create"
      ? AUDITED_SERVICES.map(
          (service) =>
            new projects.IAMAuditConfig(
              `${name}-audit-${service.split(".")[0]}`,
              { project, service, auditLogConfigs: AUDIT_LOG_TYPES.map((logType) => ({ logType })) },
              opts,
            ),
        )
      : [];

  const bucketId = fitName([name, "audit"], 100);
  const logBucket = new logging.ProjectBucketConfig(
    `${name}-audit`,
    {
      project,
      location: region,
      bucketId,
      retentionDays: spec.logging.retentionDays,
      // Irreversible: nobody can shorten the retention or delete the bucket while entries are retained.
      locked: true,
      cmekSettings: { kmsKeyName: logsKey.key.id },
      description: `Audit logs of the ${name} platform (locked, CMEK)`,
    },
    // Cloud Logging's service account encrypts with the key: its grant comes first. Retained on destroy: a
    // locked bucket cannot be deleted, so deleting it would only fail the destroy.
    {
      parent: scope.parent,
      dependsOn: logsKey.grants.logging ? [logsKey.grants.logging] : [],
      retainOnDelete: true,
    },
  );
  const toLogBucket = new logging.ProjectSink(
    `${name}-audit-to-log-bucket`,
    {
      name: fitName([name, "audit-to-log-bucket"], 100),
      project,
      destination: pulumi.interpolate`logging.googleapis.com/projects/${project}/locations/${region}/buckets/${logBucket.bucketId}`,
      filter: AUDIT_LOG_FILTER,
      uniqueWriterIdentity: true,
    },
    opts,
  );
  const toArchive = new logging.ProjectSink(
    `${name}-audit-to-archive`,
    {
      name: fitName([name, "audit-to-archive"], 100),
      project,
      destination: pulumi.interpolate`storage.googleapis.com/${buckets.auditLogs.name}`,
      filter: AUDIT_LOG_FILTER,
      uniqueWriterIdentity: true,
    },
    opts,
  );
  const archiveWriter = new storage.BucketIAMMember(
    `${name}-audit-archive-writer`,
    { bucket: buckets.auditLogs.name, role: "roles/storage.objectCreator", member: toArchive.writerIdentity },
    opts,
  );
  const siem = buildSiemExport(scope, logsKey);
  const { alerts } = buildAlerts(scope, routing);

  const trail: AuditTrail = {
    auditConfigs,
    logBucket,
    sinks: [toLogBucket, toArchive, ...(siem.sink ? [siem.sink] : [])],
    siemTopic: siem.topic,
    siemSink: siem.sink,
    alerts,
  };
  recordAuditEvidence(scope, trail, buckets, [archiveWriter, ...siem.grants]);
  return trail;
}

/** Sends audit logs to the SIEM: a CMEK topic for Chronicle's Pub/Sub feed (native) or the user's topic (export). */
function buildSiemExport(
  scope: GcpScope,
  logsKey: GrantedKey,
): { topic?: pubsub.Topic; sink?: logging.ProjectSink; grants: pulumi.Resource[] } {
  const { name, project, region, spec } = scope;
  const opts = { parent: scope.parent };
  let destinationTopic: pulumi.Input<string> | undefined;
  let topic: pubsub.Topic | undefined;
  if (spec.logging.siem === "export" && spec.logging.siemDestination) {
    destinationTopic = spec.logging.siemDestination;
  } else if (spec.logging.siem === "native" && spec.detection.singletons.siemOnboarding === "create") {
    topic = new pubsub.Topic(
      `${name}-siem`,
      {
        name: fitName([name, "siem"], 255),
        project,
        kmsKeyName: logsKey.key.id,
        messageRetentionDuration: "604800s",
        messageStoragePolicy: { allowedPersistenceRegions: [region] },
        labels: scope.labels,
      },
      { parent: scope.parent, dependsOn: logsKey.grants.pubsub ? [logsKey.grants.pubsub] : [] },
    );
    destinationTopic = topic.id;
  }
  if (destinationTopic === undefined) return { grants: [] };
  const sink = new logging.ProjectSink(
    `${name}-audit-to-siem`,
    {
      name: fitName([name, "audit-to-siem"], 100),
      project,
      destination: pubsubDestination(destinationTopic),
      filter: AUDIT_LOG_FILTER,
      uniqueWriterIdentity: true,
    },
    opts,
  );
  const publisher = new pubsub.TopicIAMMember(
    `${name}-audit-to-siem-publisher`,
    { topic: destinationTopic, role: "roles/pubsub.publisher", member: sink.writerIdentity },
    opts,
  );
  return { topic, sink, grants: [publisher] };
}

/**
 * Seconds between two notifications of one log-based alert: the documented minimum of five minutes
 * (https://cloud.google.com/monitoring/alerts/log-based-alerts#lba-by-api).
 */
export const LOG_ALERT_RATE_LIMIT = "300s";

/**
 * A log-based alerting policy per suspicious pattern (a `conditionMatchedLog` condition over the audit logs),
 * notifying the response channels. Not a log-based metric with a threshold condition: a threshold filter must
 * restrict `resource.type` (the Monitoring API answers 400 otherwise,
 * https://github.com/hashicorp/terraform-provider-google/issues/4165), which audit logs of many resource types
 * cannot name, and a policy created right after its metric fails with 404 for up to ten minutes
 * (https://github.com/hashicorp/terraform-provider-google/issues/11102), which breaks a first `pulumi up`.
 * A log match needs neither, alerts on each matching entry, and requires a notification rate limit.
 */
function buildAlerts(scope: GcpScope, routing: ResponseRouting): { alerts: monitoring.AlertPolicy[] } {
  const { name, project } = scope;
  const opts = { parent: scope.parent };
  const alerts = AUDIT_ALERT_RULES.map(
    (rule) =>
      new monitoring.AlertPolicy(
        `${name}-${rule.id}`,
        {
          project,
          displayName: `${name}: ${rule.summary}`,
          // A policy with a log match condition has exactly one condition; its combiner is irrelevant.
          combiner: "OR",
          severity: rule.severity,
          conditions: [{ displayName: rule.summary, conditionMatchedLog: { filter: rule.filter } }],
          notificationChannels: routing.channels.map((channel) => channel.id),
          alertStrategy: { notificationRateLimit: { period: LOG_ALERT_RATE_LIMIT }, autoClose: "1800s" },
          documentation: { content: rule.summary, mimeType: "text/markdown" },
          userLabels: scope.labels,
        },
        opts,
      ),
  );
  return { alerts };
}

function recordAuditEvidence(
  scope: GcpScope,
  trail: AuditTrail,
  buckets: PlatformBuckets,
  grants: pulumi.Resource[],
): void {
  const { evidence, spec } = scope;
  const mode = spec.detection.singletons.auditConfig;
  const kmsRules = AUDIT_ALERT_RULES.map((rule, index) => ({ rule, index })).filter(({ rule }) =>
    rule.controls.includes("SAI-ENC-06"),
  );
  const kmsAlerts = kmsRules.map(({ index }) => trail.alerts[index]);
  const kmsAudit = trail.auditConfigs.filter(
    (_, index) => AUDITED_SERVICES[index] === "cloudkms.googleapis.com",
  );
  if (mode === "skip") {
    const reason =
      "Data Access audit logs are not configured (detection.singletons.auditConfig: skip): key and model data-plane calls may not be logged";
    evidence.gap("SAI-LOG-01", reason, trail.sinks);
    evidence.gap("SAI-ENC-06", reason, kmsAlerts);
  } else {
    const how =
      mode === "adopt"
        ? "adopted: the platform relies on the project's audit config, outside this stack, for Data Access logs of Cloud KMS, Vertex AI and Storage (not checked here)"
        : "Data Access audit logs (ADMIN_READ, DATA_READ, DATA_WRITE) for Cloud KMS, Vertex AI and Storage; Admin Activity logs are always on";
    evidence.implemented("SAI-LOG-01", [...trail.auditConfigs, trail.logBucket, ...trail.sinks], how);
    evidence.implemented(
      "SAI-ENC-06",
      [...kmsAudit, ...kmsAlerts],
      `${how}; alerts on denied key use and key state changes`,
    );
  }
  evidence.implemented(
    "SAI-LOG-02",
    [trail.logBucket, buckets.auditLogs, ...trail.sinks],
    "locked CMEK log bucket and a Cloud Storage archive with a locked retention policy (write once): entries cannot be changed or deleted before they expire",
  );
  evidence.gap(
    "SAI-LOG-02",
    "Google Cloud offers no signed digest of log files: integrity rests on the locks and cannot be validated cryptographically",
  );
  evidence.implemented(
    "SAI-ENC-01",
    [trail.logBucket, trail.siemTopic],
    "log bucket and SIEM topic use the logs key",
  );
  evidence.implemented(
    "SAI-LOG-04",
    trail.alerts,
    `log-based alerting policies (log match conditions over the audit logs): ${AUDIT_ALERT_RULES.map((r) => r.id).join(", ")}`,
  );
  const siemSink = trail.siemSink;
  if (spec.logging.siem === "export") {
    evidence.implemented(
      "SAI-LOG-03",
      [siemSink, ...grants],
      `audit logs are exported to ${spec.logging.siemDestination}`,
    );
  } else if (spec.logging.siem === "native") {
    const singleton = spec.detection.singletons.siemOnboarding;
    if (singleton === "create") {
      evidence.implemented(
        "SAI-LOG-03",
        [trail.siemTopic, siemSink, ...grants],
        "audit logs are exported to a CMEK Pub/Sub topic for a Google SecOps (Chronicle) Pub/Sub feed; the feed itself (gcp.chronicle.Feed) needs the SecOps instance ID and is created in the SecOps tenant",
      );
    } else if (singleton === "adopt") {
      evidence.implemented(
        "SAI-LOG-03",
        [],
        "adopted: the platform relies on Google SecOps (Chronicle) ingesting Cloud Logging directly, outside this stack (not checked here)",
      );
    } else {
      evidence.gap("SAI-LOG-03", "SIEM onboarding skipped (detection.singletons.siemOnboarding: skip)");
    }
  } else {
    evidence.gap("SAI-LOG-03", 'no SIEM export (logging.siem: "none")');
  }
}
