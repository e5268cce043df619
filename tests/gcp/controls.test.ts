import { beforeAll, describe, expect, it } from "vitest";
import { CONTROL_IDS } from "../../components/controls/ids";
import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { type BuiltPlatform, buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

const AUDIT_CONFIG = "gcp:projects/iAMAuditConfig:IAMAuditConfig";
const SCC_NOTIFICATION = "gcp:securitycenter/v2ProjectNotificationConfig:V2ProjectNotificationConfig";

/** What the GCP backend reports with default settings, one or two responders and no public API. */
const DEFAULT_STATUSES: Record<string, string> = {
  "SAI-ENC-01": "implemented",
  "SAI-ENC-02": "implemented",
  "SAI-ENC-03": "implemented",
  "SAI-ENC-04": "not-applicable",
  "SAI-ENC-05": "implemented",
  "SAI-ENC-06": "implemented",
  "SAI-ENC-07": "implemented",
  "SAI-ENC-08": "not-applicable",
  "SAI-TLS-01": "not-applicable",
  "SAI-TLS-02": "gap",
  "SAI-TLS-03": "not-applicable",
  "SAI-NET-01": "implemented",
  "SAI-NET-02": "gap",
  "SAI-NET-03": "implemented",
  "SAI-NET-04": "gap",
  "SAI-NET-05": "not-applicable",
  "SAI-IAM-01": "implemented",
  "SAI-IAM-02": "implemented",
  "SAI-IAM-03": "implemented",
  "SAI-IAM-04": "gap",
  "SAI-IAM-05": "gap",
  "SAI-LOG-01": "implemented",
  "SAI-LOG-02": "gap",
  "SAI-LOG-03": "implemented",
  "SAI-LOG-04": "implemented",
  "SAI-DET-01": "gap",
  "SAI-DET-02": "gap",
  "SAI-IR-01": "implemented",
  "SAI-MOD-01": "implemented",
  "SAI-MOD-02": "implemented",
  "SAI-MOD-03": "gap",
  "SAI-GOV-01": "implemented",
  "SAI-GOV-02": "implemented",
  "SAI-GOV-03": "gap",
  "SAI-RES-01": "implemented",
};

function withDetection(
  singletons: Record<string, string>,
  extra: Partial<SecureAiPlatformArgs> = {},
): SecureAiPlatformArgs {
  return gcpArgs({
    detection: { notificationWebhooks: ["https://soc.example.com/hook"], singletons },
    ...extra,
  });
}

function statusOf(platform: BuiltPlatform, id: string) {
  const entry = platform.controls.find((c) => c.id === id);
  if (!entry) throw new Error(`no evidence for ${id}`);
  return entry;
}

let built: BuiltPlatform;

beforeAll(async () => {
  await installGcpMocks();
  built = await buildGcp(
    "ev",
    gcpArgs({
      datasets: [{ name: "crm", personalData: true, retentionDays: 90 }],
      identity: { dataScientists: ["group:ds@example.com"] },
      detection: {
        notificationEmails: ["soc@example.com"],
        notificationWebhooks: ["https://soc.example.com/hook"],
      },
    }),
  );
});

describe("GCP evidence", () => {
  it("reports every control of the catalog once, in catalog order", () => {
    expect(built.controls.map((c) => c.id)).toEqual([...CONTROL_IDS]);
  });

  it("reports the expected honest status for each control", () => {
    expect(Object.fromEntries(built.controls.map((c) => [c.id, c.status]))).toEqual(DEFAULT_STATUSES);
  });

  it("names implementing resources by URN and gives every gap and not-applicable a reason", () => {
    for (const entry of built.controls) {
      for (const urn of entry.resources) expect(urn).toMatch(/^urn:pulumi:dev::gcp-test::/);
      if (entry.status !== "implemented") expect(entry.note?.length ?? 0).toBeGreaterThan(20);
    }
    expect(statusOf(built, "SAI-ENC-02").resources).toHaveLength(1);
    expect(statusOf(built, "SAI-DET-01").note).toMatch(/cannot be activated by infrastructure code/);
    expect(statusOf(built, "SAI-IAM-04").note).toMatch(/2-Step Verification/);
  });

  it("reports HSM keys as implemented when a model is high-sensitivity", async () => {
    const hsm = await buildGcp("evhsm", gcpArgs({ models: [{ name: "advice", sensitivity: "high" }] }));
    expect(statusOf(hsm, "SAI-ENC-04").status).toBe("implemented");
    expect(statusOf(hsm, "SAI-ENC-04").resources.some((urn) => urn.endsWith("::evhsm-model-advice"))).toBe(
      true,
    );
  });

  it("reports findings routing as a gap when nobody subscribes", async () => {
    const silent = await buildGcp("evsilent", gcpArgs());
    expect(statusOf(silent, "SAI-IR-01").status).toBe("gap");
  });
});

describe("GCP singletons: create | adopt | skip", () => {
  it("create: three authoritative audit configs with every log type, and an SCC notification config at the threshold", async () => {
    const created = await buildGcp(
      "sgcreate",
      withDetection(
        {},
        { detection: { severityThreshold: "high", notificationWebhooks: ["https://soc.example.com/hook"] } },
      ),
    );
    expect(created.ofType(AUDIT_CONFIG).map((a) => a.inputs)).toEqual(
      ["cloudkms.googleapis.com", "aiplatform.googleapis.com", "storage.googleapis.com"].map((service) => ({
        project: "acme-ai-prod",
        service,
        auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
      })),
    );
    expect(created.ofType(SCC_NOTIFICATION).map((n) => n.inputs)).toEqual([
      expect.objectContaining({
        project: "acme-ai-prod",
        location: "global",
        pubsubTopic: "projects/acme-ai-prod/topics/sgcreate-findings",
        streamingConfig: { filter: 'state = "ACTIVE" AND (severity = "HIGH" OR severity = "CRITICAL")' },
      }),
    ]);
    expect(statusOf(created, "SAI-LOG-01").status).toBe("implemented");
    expect(statusOf(created, "SAI-IR-01").status).toBe("implemented");
  });

  it("adopt: creates neither and relies on the existing ones", async () => {
    const adopted = await buildGcp(
      "sgadopt",
      withDetection({
        auditConfig: "adopt",
        threatDetection: "adopt",
        postureManagement: "adopt",
        siemOnboarding: "adopt",
      }),
    );
    expect(adopted.ofType(AUDIT_CONFIG)).toEqual([]);
    expect(adopted.ofType(SCC_NOTIFICATION)).toEqual([]);
    expect(adopted.ofType("gcp:pubsub/topic:Topic").map((t) => t.name)).toEqual(["sgadopt-findings"]);
    for (const id of ["SAI-LOG-01", "SAI-ENC-06", "SAI-DET-01", "SAI-DET-02", "SAI-IR-01", "SAI-LOG-03"]) {
      expect(statusOf(adopted, id).status).toBe("implemented");
      expect(statusOf(adopted, id).note).toMatch(/adopted/);
    }
  });

  it("skip: creates neither and reports the gaps", async () => {
    const skipped = await buildGcp(
      "sgskip",
      withDetection({
        auditConfig: "skip",
        threatDetection: "skip",
        postureManagement: "skip",
        siemOnboarding: "skip",
      }),
    );
    expect(skipped.ofType(AUDIT_CONFIG)).toEqual([]);
    expect(skipped.ofType(SCC_NOTIFICATION)).toEqual([]);
    expect(
      skipped
        .ofType("gcp:logging/projectSink:ProjectSink")
        .map((s) => s.name)
        .sort(),
    ).toEqual(["sgskip-audit-to-archive", "sgskip-audit-to-log-bucket"]);
    for (const id of ["SAI-LOG-01", "SAI-ENC-06", "SAI-DET-01", "SAI-DET-02", "SAI-IR-01", "SAI-LOG-03"]) {
      expect(statusOf(skipped, id).status).toBe("gap");
    }
  });

  it("exports audit logs to the user's topic with siem export", async () => {
    const exported = await buildGcp(
      "sgexport",
      gcpArgs({ logging: { siem: "export", siemDestination: "projects/acme-soc/topics/audit-intake" } }),
    );
    expect(
      exported.named("gcp:logging/projectSink:ProjectSink", "sgexport-audit-to-siem").inputs,
    ).toMatchObject({
      destination: "pubsub.googleapis.com/projects/acme-soc/topics/audit-intake",
      filter: 'logName:"cloudaudit.googleapis.com"',
      uniqueWriterIdentity: true,
    });
    expect(
      exported.named("gcp:pubsub/topicIAMMember:TopicIAMMember", "sgexport-audit-to-siem-publisher").inputs,
    ).toEqual({
      topic: "projects/acme-soc/topics/audit-intake",
      role: "roles/pubsub.publisher",
      member: "serviceAccount:sgexport-audit-to-siem@gcp-sa-logging.iam.gserviceaccount.com",
    });
    expect(exported.ofType("gcp:pubsub/topic:Topic").map((t) => t.name)).toEqual(["sgexport-findings"]);
  });
});

describe("GCP audit trail", () => {
  it("locks the CMEK log bucket and alerts on denied key use and key state changes", () => {
    expect(
      built.named("gcp:logging/projectBucketConfig:ProjectBucketConfig", "ev-audit").inputs,
    ).toMatchObject({
      location: "europe-west4",
      retentionDays: 365,
      locked: true,
    });
    // Log match conditions, not metric thresholds: no resource.type restriction to get wrong (400) and no
    // metric that is not yet visible to Monitoring (404) on a first `pulumi up`.
    expect(built.ofType("gcp:logging/metric:Metric")).toEqual([]);
    const filters = Object.fromEntries(
      built
        .ofType("gcp:monitoring/alertPolicy:AlertPolicy")
        .map((a) => [a.name, (a.inputs.conditions as { conditionMatchedLog: { filter: string } }[])[0]]),
    );
    expect(filters["ev-kms-permission-denied"]).toEqual({
      displayName: "A caller was denied the use or administration of a Cloud KMS key",
      conditionMatchedLog: {
        filter: 'protoPayload.serviceName="cloudkms.googleapis.com" AND protoPayload.status.code=7',
      },
    });
    expect(Object.keys(filters).sort()).toEqual([
      "ev-audit-config-change",
      "ev-firewall-change",
      "ev-iam-policy-change",
      "ev-kms-key-state-change",
      "ev-kms-permission-denied",
    ]);
    const alerts = built.ofType("gcp:monitoring/alertPolicy:AlertPolicy");
    expect(alerts).toHaveLength(5);
    for (const alert of alerts) {
      expect(alert.inputs.notificationChannels).toEqual(["ev-email-0-id", "ev-webhook-0-id"]);
      // Required for log-based alerting policies, at least five minutes.
      expect(alert.inputs.alertStrategy).toEqual({
        notificationRateLimit: { period: "300s" },
        autoClose: "1800s",
      });
    }
  });
});
