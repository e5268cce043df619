import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError } from "../../components/errors";
import { modelArmorLocation } from "../../components/gcp/model-armor";
import { SecureAiPlatform } from "../../components/platform";
import { buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

const TEMPLATE = "gcp:modelarmor/template:Template";
const SERVICE = "gcp:projects/service:Service";
const MEMBER = "gcp:projects/iAMMember:IAMMember";

beforeAll(() => installGcpMocks());

/** A template's filters at one Model Armor confidence level. */
function filterConfig(confidenceLevel: string) {
  return {
    piAndJailbreakFilterSettings: { filterEnforcement: "ENABLED", confidenceLevel },
    raiSettings: {
      raiFilters: ["SEXUALLY_EXPLICIT", "HATE_SPEECH", "HARASSMENT", "DANGEROUS"].map((filterType) => ({
        filterType,
        confidenceLevel,
      })),
    },
    sdpSettings: { basicConfig: { filterEnforcement: "ENABLED" } },
    maliciousUriFilterSettings: { filterEnforcement: "ENABLED" },
  };
}

describe("SAI-MOD-03 on GCP: Model Armor templates", () => {
  it("enables the API and builds one blocking template per model at the strongest confidence level", async () => {
    const built = await buildGcp("ma", gcpArgs({ models: [{ name: "chat" }, { name: "triage" }] }));
    expect(built.named(SERVICE, "ma-modelarmor-api").inputs).toEqual({
      project: "acme-ai-prod",
      service: "modelarmor.googleapis.com",
      disableOnDestroy: false,
    });
    expect(built.ofType(TEMPLATE).map((t) => t.name)).toEqual(["ma-chat-armor", "ma-triage-armor"]);
    const chat = built.named(TEMPLATE, "ma-chat-armor");
    expect(chat.inputs).toEqual({
      project: "acme-ai-prod",
      location: "europe-west4",
      templateId: "ma-chat-armor",
      filterConfig: filterConfig("LOW_AND_ABOVE"),
      templateMetadata: {
        enforcementType: "INSPECT_AND_BLOCK",
        logSanitizeOperations: true,
        logTemplateOperations: true,
        multiLanguageDetection: { enableMultiLanguageDetection: true },
      },
      labels: expect.any(Object),
    });
    expect(chat.dependsOn).toEqual(["ma-modelarmor-api"]);
    expect(built.named(MEMBER, "ma-gateway-modelarmor").inputs).toEqual({
      project: "acme-ai-prod",
      role: "roles/modelarmor.user",
      member: "serviceAccount:ma-gateway@acme-ai-prod.iam.gserviceaccount.com",
    });
  });

  it("reports a gap: nothing routes the Vertex AI endpoints' predict calls through Model Armor", async () => {
    const built = await buildGcp("mae", gcpArgs());
    const evidence = built.control("SAI-MOD-03");
    expect(evidence.status).toBe("gap");
    expect(evidence.note).toContain("screens only Gemini generateContent calls");
    expect(evidence.note).toContain("sanitizeUserPrompt and sanitizeModelResponse");
    expect(evidence.note).toContain("responsible-AI (chat LOW_AND_ABOVE)");
    expect(evidence.resources.map((urn) => urn.split("::").pop())).toEqual([
      "mae-modelarmor-api",
      "mae-chat-armor",
      "mae-gateway-modelarmor",
    ]);
  });

  it("uses the weaker confidence level only under a SAI-MOD-03 waiver", async () => {
    const built = await buildGcp(
      "maw",
      gcpArgs({
        models: [{ name: "chat", guardrailStrength: "medium" }],
        waivers: [{ control: "SAI-MOD-03", reason: "support bot quoting incident reports verbatim" }],
      }),
    );
    expect(built.named(TEMPLATE, "maw-chat-armor").inputs.filterConfig).toEqual(
      filterConfig("MEDIUM_AND_ABOVE"),
    );
    expect(built.control("SAI-MOD-03").status).toBe("waived");
  });

  it("places templates in the platform's region, its Model Armor multi-region, or reports the gap", async () => {
    expect(modelArmorLocation("us-central1")).toBe("us-central1");
    expect(modelArmorLocation("europe-north1")).toBe("eu");
    expect(modelArmorLocation("us-south1")).toBe("us");
    expect(modelArmorLocation("asia-northeast1")).toBeUndefined();
    const eu = await buildGcp("maeu", gcpArgs({ gcp: { project: "acme-ai-prod", region: "europe-north1" } }));
    expect(eu.named(TEMPLATE, "maeu-chat-armor").inputs.location).toBe("eu");
    const tokyo = await buildGcp(
      "matk",
      gcpArgs({ gcp: { project: "acme-ai-prod", region: "asia-northeast1" } }),
    );
    expect(tokyo.ofType(TEMPLATE)).toEqual([]);
    expect(tokyo.control("SAI-MOD-03")).toMatchObject({
      status: "gap",
      note: expect.stringContaining("Model Armor is not offered in asia-northeast1"),
    });
  });

  it("rejects a weaker guardrail without a waiver, naming the argument", () => {
    const build = () =>
      new SecureAiPlatform("mabad", gcpArgs({ models: [{ name: "chat", guardrailStrength: "low" }] }));
    expect(build).toThrow(SecureAiConfigError);
    expect(build).toThrow(/models\[0\]\.guardrailStrength: received "low"; .*SAI-MOD-03/);
  });
});
