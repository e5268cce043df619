import { describe, expect, it } from "vitest";
import { gcpLoggingSinkRequireExport } from "../../../policy-packs/secure-ai/policies/gcp/logging-sink-require-export";
import { gcpProjectsAuditconfigRequireDataAccessLogs } from "../../../policy-packs/secure-ai/policies/gcp/projects-auditconfig-require-data-access-logs";
import { gcpSecuritycenterNotificationRequireFindingsRoute } from "../../../policy-packs/secure-ai/policies/gcp/securitycenter-notification-require-findings-route";
import { BASELINES } from "./cases";
import { FUZZ_VALUES, UNKNOWN, runStackPolicy, type Fixture } from "./harness";

const bucket: Fixture = {
  type: "gcp:storage/bucket:Bucket",
  props: { ...BASELINES.bucket },
  name: "datasets",
};
const firewallOnly: Fixture = {
  type: "gcp:compute/firewall:Firewall",
  props: { ...BASELINES.firewall },
  name: "fw",
};

const auditConfig = (service: string, logTypes: readonly unknown[]): Fixture => ({
  type: "gcp:projects/iAMAuditConfig:IAMAuditConfig",
  name: `audit-${service}`,
  props: { project: "p", service, auditLogConfigs: logTypes.map((logType) => ({ logType })) },
});
const fullAudit = ["cloudkms.googleapis.com", "aiplatform.googleapis.com", "storage.googleapis.com"].map(
  (service) => auditConfig(service, ["DATA_READ", "DATA_WRITE", "ADMIN_READ"]),
);

describe("gcp-projects-auditconfig-require-data-access-logs", () => {
  const policy = gcpProjectsAuditconfigRequireDataAccessLogs;

  it("passes with DATA_READ and DATA_WRITE for every required service", async () => {
    expect((await runStackPolicy(policy, [bucket, ...fullAudit])).violations).toEqual([]);
  });

  it("passes with one allServices config", async () => {
    expect(
      (await runStackPolicy(policy, [bucket, auditConfig("allServices", ["DATA_READ", "DATA_WRITE"])]))
        .violations,
    ).toEqual([]);
  });

  it("reports each service the stack uses without an audit config, against the stack", async () => {
    const key: Fixture = { type: "gcp:kms/cryptoKey:CryptoKey", name: "key", props: { keyRing: "r" } };
    const endpoint: Fixture = {
      type: "gcp:vertex/aiEndpoint:AiEndpoint",
      name: "ep",
      props: { location: "l" },
    };
    const result = await runStackPolicy(policy, [bucket, key, endpoint]);
    expect(result.violations).toHaveLength(3);
    expect(result.urns.every((urn) => urn?.includes("pulumi:pulumi:Stack"))).toBe(true);
    // A bucket alone asks for Cloud Storage audit logs only, not Vertex AI or KMS ones.
    expect((await runStackPolicy(policy, [bucket])).violations).toEqual([
      expect.stringContaining("storage.googleapis.com"),
    ]);
  });

  it("reports a missing log type", async () => {
    const partial = [fullAudit[0], fullAudit[1], auditConfig("storage.googleapis.com", ["DATA_READ"])];
    const result = await runStackPolicy(policy, [bucket, ...partial]);
    expect(result.violations).toEqual([expect.stringContaining("DATA_WRITE")]);
  });

  it("treats unknown services and log lists as present at preview", async () => {
    const unknownService = auditConfig(UNKNOWN, ["DATA_READ", "DATA_WRITE"]);
    expect((await runStackPolicy(policy, [bucket, unknownService])).violations).toEqual([]);
    const unknownList: Fixture = {
      ...fullAudit[0],
      props: { project: "p", service: "allServices", auditLogConfigs: UNKNOWN },
    };
    expect((await runStackPolicy(policy, [bucket, unknownList])).violations).toEqual([]);
  });

  it("stays quiet when adopted, and is not applicable to a stack without GCP data", async () => {
    expect((await runStackPolicy(policy, [bucket], { adopted: true })).violations).toEqual([]);
    const unrelated = await runStackPolicy(policy, [firewallOnly]);
    expect(unrelated.violations).toEqual([]);
    expect(unrelated.notApplicable).toMatch(/^the stack holds no GCP keys/);
  });

  it("honours requiredServices and requiredLogTypes", async () => {
    const config = { requiredServices: ["storage.googleapis.com"], requiredLogTypes: ["ADMIN_READ"] };
    expect(
      (await runStackPolicy(policy, [bucket, auditConfig("storage.googleapis.com", ["ADMIN_READ"])], config))
        .violations,
    ).toEqual([]);
    expect(
      (await runStackPolicy(policy, [bucket, auditConfig("storage.googleapis.com", ["DATA_READ"])], config))
        .violations,
    ).toHaveLength(1);
  });
});

describe("gcp-logging-sink-require-export", () => {
  const policy = gcpLoggingSinkRequireExport;
  const sink = (props: Record<string, unknown>): Fixture => ({
    type: "gcp:logging/projectSink:ProjectSink",
    name: "sink",
    props,
  });

  it("passes with an enabled sink that has a destination (known or not)", async () => {
    expect(
      (
        await runStackPolicy(policy, [
          bucket,
          sink({ destination: "pubsub.googleapis.com/projects/p/topics/siem" }),
        ])
      ).violations,
    ).toEqual([]);
    expect((await runStackPolicy(policy, [bucket, sink({ destination: UNKNOWN })])).violations).toEqual([]);
  });

  it("fails without a sink, with a disabled sink, or with no destination", async () => {
    expect((await runStackPolicy(policy, [bucket])).violations).toHaveLength(1);
    expect(
      (await runStackPolicy(policy, [bucket, sink({ destination: "x", disabled: true })])).violations,
    ).toHaveLength(1);
    expect((await runStackPolicy(policy, [bucket, sink({ destination: "" })])).violations).toHaveLength(1);
  });

  it("accepts folder and organisation sinks and the adopted switch", async () => {
    const orgSink: Fixture = {
      type: "gcp:logging/organizationSink:OrganizationSink",
      name: "org",
      props: { destination: "x" },
    };
    expect((await runStackPolicy(policy, [bucket, orgSink])).violations).toEqual([]);
    expect((await runStackPolicy(policy, [bucket], { adopted: true })).violations).toEqual([]);
    expect((await runStackPolicy(policy, [firewallOnly])).violations).toEqual([]);
  });
});

describe("gcp-securitycenter-notification-require-findings-route", () => {
  const policy = gcpSecuritycenterNotificationRequireFindingsRoute;
  const notification = (pubsubTopic: unknown): Fixture => ({
    type: "gcp:securitycenter/v2ProjectNotificationConfig:V2ProjectNotificationConfig",
    name: "scc",
    props: {
      configId: "findings",
      streamingConfig: { filter: 'severity="HIGH"' },
      ...(pubsubTopic === undefined ? {} : { pubsubTopic }),
    },
  });

  it("passes with a notification config that names a topic (known or not)", async () => {
    expect(
      (await runStackPolicy(policy, [bucket, notification("projects/p/topics/findings")])).violations,
    ).toEqual([]);
    expect((await runStackPolicy(policy, [bucket, notification(UNKNOWN)])).violations).toEqual([]);
  });

  it("fails without a config, and reports a config without a topic against that config", async () => {
    expect((await runStackPolicy(policy, [bucket])).violations).toHaveLength(1);
    const result = await runStackPolicy(policy, [bucket, notification(undefined)]);
    expect(result.violations).toHaveLength(1);
    expect(result.urns[0]).toContain("V2ProjectNotificationConfig::scc");
  });

  it("stays quiet when adopted or without GCP data", async () => {
    expect((await runStackPolicy(policy, [bucket], { adopted: true })).violations).toEqual([]);
    expect((await runStackPolicy(policy, [firewallOnly])).violations).toEqual([]);
  });
});

describe("GCP stack policies with fuzzed resources", () => {
  it("never crash", async () => {
    const policies = [
      gcpProjectsAuditconfigRequireDataAccessLogs,
      gcpLoggingSinkRequireExport,
      gcpSecuritycenterNotificationRequireFindingsRoute,
    ];
    const types = [
      "gcp:projects/iAMAuditConfig:IAMAuditConfig",
      "gcp:logging/projectSink:ProjectSink",
      "gcp:securitycenter/v2ProjectNotificationConfig:V2ProjectNotificationConfig",
    ];
    for (const policy of policies) {
      for (const type of types) {
        for (const value of FUZZ_VALUES) {
          const odd: Fixture = {
            type,
            name: "odd",
            props: {
              service: value,
              auditLogConfigs: value,
              destination: value,
              disabled: value,
              pubsubTopic: value,
            },
          };
          const result = await runStackPolicy(policy, [bucket, odd]);
          expect(result.violations.join("\n")).not.toContain("could not evaluate");
        }
      }
    }
  });
});
