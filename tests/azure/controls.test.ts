import { beforeAll, describe, expect, it } from "vitest";
import { CONTROL_IDS } from "../../components/controls/ids";
import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { type BuiltPlatform, buildAzure, installAzureMocks } from "../helpers/azure-mocks";
import { bankArgs } from "./fixtures";

const PRICING = "azure-native:security:Pricing";
const SENTINEL = "azure-native:securityinsights:SentinelOnboardingState";
const ACTIVITY_LOG = "azure-native:monitor:SubscriptionDiagnosticSetting";

/** The status every control has for the fully featured bank platform with default singletons. */
const EXPECTED_STATUS: Readonly<Record<(typeof CONTROL_IDS)[number], string>> = {
  "SAI-ENC-01": "gap",
  "SAI-ENC-02": "implemented",
  "SAI-ENC-03": "gap", // Azure ML pins key versions
  "SAI-ENC-04": "implemented",
  "SAI-ENC-05": "implemented",
  "SAI-ENC-06": "implemented",
  "SAI-ENC-07": "implemented",
  "SAI-ENC-08": "gap",
  "SAI-TLS-01": "not-applicable",
  "SAI-TLS-02": "gap",
  "SAI-TLS-03": "not-applicable",
  "SAI-NET-01": "implemented",
  "SAI-NET-02": "implemented",
  "SAI-NET-03": "implemented",
  "SAI-NET-04": "implemented",
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
  "SAI-DET-01": "implemented",
  "SAI-DET-02": "implemented",
  "SAI-IR-01": "implemented",
  "SAI-MOD-01": "implemented",
  "SAI-MOD-02": "implemented",
  "SAI-MOD-03": "gap",
  "SAI-GOV-01": "implemented",
  "SAI-GOV-02": "implemented",
  "SAI-GOV-03": "gap",
  "SAI-RES-01": "implemented",
};

function singletons(mode: string): SecureAiPlatformArgs["detection"] {
  return {
    notificationEmails: ["soc@example.com"],
    singletons: {
      threatDetection: mode,
      postureManagement: mode,
      siemOnboarding: mode,
      auditConfig: mode,
      modelInvocationLogging: mode,
    },
  };
}

let bank: BuiltPlatform;
let adopted: BuiltPlatform;
let skipped: BuiltPlatform;

beforeAll(async () => {
  await installAzureMocks();
  bank = await buildAzure("bank", bankArgs());
  adopted = await buildAzure("adopted", bankArgs({ detection: singletons("adopt") }));
  skipped = await buildAzure("skipped", bankArgs({ detection: singletons("skip") }));
});

describe("Azure control evidence", () => {
  it("reports every control of the catalog once, in catalog order, with the expected status", () => {
    expect(bank.controls.map((entry) => entry.id)).toEqual([...CONTROL_IDS]);
    expect(Object.fromEntries(bank.controls.map((entry) => [entry.id, entry.status]))).toEqual(
      EXPECTED_STATUS,
    );
  });

  it("explains every gap and not-applicable status", () => {
    for (const entry of bank.controls.filter((e) => e.status !== "implemented")) {
      expect([entry.id, (entry.note ?? "").length > 20]).toEqual([entry.id, true]);
    }
    expect(bank.control("SAI-TLS-02").note).toMatch(/Azure Storage cannot enforce TLS 1\.3/);
    expect(bank.control("SAI-TLS-02").note).toMatch(/Key Vault has no minimum-TLS setting/);
    expect(bank.control("SAI-TLS-02").note).toMatch(/Azure OpenAI has no minimum-TLS setting/);
    expect(bank.control("SAI-IAM-04").note).toMatch(/Conditional Access/);
    expect(bank.control("SAI-ENC-01").note).toMatch(/Log Analytics workspace .* Microsoft-managed keys/);
  });

  it("points controls at the URNs of their resources", () => {
    const enc01 = bank.control("SAI-ENC-01");
    expect(
      enc01.resources.some((urn) => urn.includes("azure-native:storage:StorageAccount::bank-datasets")),
    ).toBe(true);
    expect(
      enc01.resources.some((urn) =>
        urn.includes("azure-native:cognitiveservices:Account::bank-model-advisor"),
      ),
    ).toBe(true);
    expect(bank.control("SAI-LOG-04").resources.length).toBeGreaterThanOrEqual(3);
  });

  it("reports a gap for incident response when nobody is notified", async () => {
    const silent = await buildAzure("silent", bankArgs({ detection: {} }));
    expect(silent.control("SAI-IR-01")).toMatchObject({ status: "gap" });
    expect(silent.control("SAI-IR-01").note).toMatch(/no responder configured/);
  });

  it("reports waived controls as waived with the reason", async () => {
    const noSiem = await buildAzure(
      "nosiem",
      bankArgs({
        logging: { siem: "none" },
        waivers: [{ control: "SAI-LOG-03", reason: "logs are pulled by the group SOC through Lighthouse" }],
      }),
    );
    expect(noSiem.control("SAI-LOG-03")).toMatchObject({ status: "waived" });
    expect(noSiem.ofType(SENTINEL)).toHaveLength(0);
  });
});

describe("Azure singletons", () => {
  it("creates Defender plans, CSPM, Sentinel onboarding and the activity-log export by default", () => {
    expect(
      bank
        .ofType(PRICING)
        .map((plan) => [plan.inputs.pricingName, plan.inputs.pricingTier, plan.inputs.subPlan])
        .sort(),
    ).toEqual([
      ["AI", "Standard", undefined],
      ["CloudPosture", "Standard", undefined],
      ["KeyVaults", "Standard", undefined],
      ["StorageAccounts", "Standard", "DefenderForStorageV2"],
    ]);
    for (const plan of bank.ofType(PRICING)) {
      expect(plan.inputs.scopeId).toBe("/subscriptions/00000000-0000-4000-8000-000000000001");
    }
    expect(bank.ofType(SENTINEL)[0].inputs).toMatchObject({ sentinelOnboardingStateName: "default" });
    expect(bank.ofType(ACTIVITY_LOG)[0].inputs.logs).toEqual(
      ["Administrative", "Security", "Policy", "Alert"].map((category) => ({ category, enabled: true })),
    );
  });

  it("creates none of them when adopted, and still reports the controls as implemented", () => {
    expect(adopted.ofType(PRICING)).toEqual([]);
    expect(adopted.ofType(SENTINEL)).toEqual([]);
    expect(adopted.ofType(ACTIVITY_LOG)).toEqual([]);
    expect(adopted.ofType("azure-native:security:SecurityContact")).toEqual([]);
    for (const id of ["SAI-DET-01", "SAI-DET-02", "SAI-LOG-01", "SAI-LOG-03"]) {
      expect([id, adopted.control(id).status, adopted.control(id).note]).toEqual([
        id,
        "implemented",
        expect.stringMatching(/adopted/),
      ]);
    }
    // Sentinel's rules still belong to the platform, after onboarding managed elsewhere.
    expect(adopted.ofType("azure-native:securityinsights:ScheduledAlertRule")).toHaveLength(2);
  });

  it("creates none of them when skipped, and reports each as a gap", () => {
    expect(skipped.ofType(PRICING)).toEqual([]);
    expect(skipped.ofType(SENTINEL)).toEqual([]);
    expect(skipped.ofType(ACTIVITY_LOG)).toEqual([]);
    expect(skipped.ofType("azure-native:security:Automation")).toEqual([]);
    for (const id of ["SAI-DET-01", "SAI-DET-02", "SAI-LOG-01", "SAI-LOG-03"]) {
      expect([id, skipped.control(id).status, skipped.control(id).note]).toEqual([
        id,
        "gap",
        expect.stringMatching(/skip/),
      ]);
    }
  });
});
