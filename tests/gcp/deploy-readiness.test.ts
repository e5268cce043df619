import { beforeAll, describe, expect, it } from "vitest";
import { AGENT_MEMBERS, type BuiltPlatform, buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

/*
 * Deploy readiness on Google Cloud: the creation rules Google documents that the platform depends on, checked
 * on the resources the backend builds.
 */

let built: BuiltPlatform;
beforeAll(async () => {
  await installGcpMocks();
  built = await buildGcp(
    "ready",
    gcpArgs({ models: [{ name: "chat" }, { name: "ledger", sensitivity: "high" }] }),
  );
});

type Condition = Record<string, { filter?: string } | string | undefined>;

describe("GCP creation rules the platform depends on", () => {
  // A threshold filter without resource.type is rejected (400,
  // https://github.com/hashicorp/terraform-provider-google/issues/4165) and a policy created right after its
  // log-based metric 404s for up to ten minutes (https://github.com/hashicorp/terraform-provider-google/issues/11102).
  it("alerts with log match conditions, never with thresholds over log-based metrics", () => {
    expect(built.ofType("gcp:logging/metric:Metric")).toEqual([]);
    const alerts = built.ofType("gcp:monitoring/alertPolicy:AlertPolicy");
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) {
      const conditions = alert.inputs.conditions as Condition[];
      // "Alert policies with a log matching condition can only have a single condition."
      expect(conditions).toHaveLength(1);
      expect(conditions[0]?.conditionThreshold).toBeUndefined();
      expect((conditions[0]?.conditionMatchedLog as { filter: string }).filter).toMatch(
        /protoPayload|resource\.type/,
      );
      // notificationRateLimit is required for log-based policies, at least 5 minutes:
      // https://cloud.google.com/monitoring/alerts/log-based-alerts#lba-by-api
      const period = (alert.inputs.alertStrategy as { notificationRateLimit: { period: string } })
        .notificationRateLimit.period;
      expect(Number.parseInt(period, 10)).toBeGreaterThanOrEqual(300);
    }
  });

  // "A dataset must have at least one entity with the OWNER role"; without accesses BigQuery grants the basic
  // roles' groups: https://cloud.google.com/bigquery/docs/access-control-basic-roles#dataset-basic-roles
  it("gives the prompt-log dataset exactly one OWNER and no basic-role group", () => {
    const accesses = built.named("gcp:bigquery/dataset:Dataset", "ready-inference-logs").inputs
      .accesses as Record<string, string>[];
    expect(accesses.filter((access) => access.role === "OWNER")).toHaveLength(1);
    expect(accesses.some((access) => access.specialGroup !== undefined)).toBe(false);
    expect(accesses).toContainEqual({ role: "WRITER", iamMember: AGENT_MEMBERS.vertex });
  });

  // CryptoKey rotationPeriod must be at least one day (https://cloud.google.com/kms/docs/key-rotation) and an
  // HSM key's protection level is set in its version template (https://cloud.google.com/kms/docs/hsm).
  it("creates keys that rotate after more than a day, HSM for the high-sensitivity model", () => {
    for (const key of built.ofType("gcp:kms/cryptoKey:CryptoKey")) {
      expect(Number.parseInt(String(key.inputs.rotationPeriod), 10)).toBeGreaterThan(86_400);
    }
    expect(
      (
        built.named("gcp:kms/cryptoKey:CryptoKey", "ready-model-ledger").inputs.versionTemplate as Record<
          string,
          string
        >
      ).protectionLevel,
    ).toBe("HSM");
  });
});
