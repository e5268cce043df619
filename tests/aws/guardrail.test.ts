import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError } from "../../components/errors";
import { SecureAiPlatform } from "../../components/platform";
import { ACCOUNT_ID, REGION, awsArgs, buildAws, installAwsMocks } from "../helpers/aws-mocks";

const GUARDRAIL = "aws:bedrock/guardrail:Guardrail";

beforeAll(installAwsMocks);

/** The content filters of a guardrail at one Bedrock strength, as the API receives them. */
function contentFilters(level: string) {
  return [
    ...["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"].map((type) => ({
      type,
      inputStrength: level,
      outputStrength: level,
      inputAction: "BLOCK",
      outputAction: "BLOCK",
      inputEnabled: true,
      outputEnabled: true,
    })),
    {
      type: "PROMPT_ATTACK",
      inputStrength: level,
      outputStrength: "NONE",
      inputAction: "BLOCK",
      inputEnabled: true,
    },
  ];
}

const BLOCKED = [
  "AWS_ACCESS_KEY",
  "AWS_SECRET_KEY",
  "PASSWORD",
  "PIN",
  "CREDIT_DEBIT_CARD_NUMBER",
  "CREDIT_DEBIT_CARD_CVV",
  "CREDIT_DEBIT_CARD_EXPIRY",
  "US_BANK_ACCOUNT_NUMBER",
  "US_BANK_ROUTING_NUMBER",
  "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
  "SWIFT_CODE",
  "US_SOCIAL_SECURITY_NUMBER",
  "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
  "US_PASSPORT_NUMBER",
  "UK_NATIONAL_INSURANCE_NUMBER",
  "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
  "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
  "CA_SOCIAL_INSURANCE_NUMBER",
  "CA_HEALTH_NUMBER",
  "DRIVER_ID",
];

function piiEntity(type: string, action: string) {
  return { type, action, inputAction: action, outputAction: action, inputEnabled: true, outputEnabled: true };
}

describe("SAI-MOD-03 on AWS: Bedrock guardrails", () => {
  it("builds each Bedrock model's guardrail with blocking content, prompt-attack and PII filters at HIGH", async () => {
    const built = await buildAws("gr", awsArgs({ models: [{ name: "chat", serving: "bedrock" }] }));
    expect(built.named(GUARDRAIL, "gr-chat-guardrail").inputs).toEqual({
      description: "Guardrail of model chat of platform gr",
      blockedInputMessaging: "This request was blocked by the platform's content policy.",
      blockedOutputsMessaging: "The response was blocked by the platform's content policy.",
      kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/gr-model-chat-key-id`,
      contentPolicyConfig: { filtersConfigs: contentFilters("HIGH") },
      sensitiveInformationPolicyConfig: {
        piiEntitiesConfigs: [
          ...BLOCKED.map((type) => piiEntity(type, "BLOCK")),
          ...["NAME", "EMAIL", "PHONE", "ADDRESS"].map((type) => piiEntity(type, "ANONYMIZE")),
        ],
      },
      region: REGION,
      tags: expect.any(Object),
    });
    const evidence = built.control("SAI-MOD-03");
    expect(evidence.status).toBe("implemented");
    expect(evidence.resources).toEqual([expect.stringMatching(/::gr-chat-guardrail$/)]);
    expect(evidence.note).toContain("bedrock:GuardrailIdentifier");
    expect(evidence.note).toContain("strength: chat HIGH");
  });

  it("lowers the filter strength only under a SAI-MOD-03 waiver, which the evidence reports", async () => {
    const built = await buildAws(
      "grw",
      awsArgs({
        models: [{ name: "chat", serving: "bedrock", guardrailStrength: "medium" }],
        waivers: [
          {
            control: "SAI-MOD-03",
            reason: "medical vocabulary trips the HIGH filters",
            expires: "2099-01-01",
          },
        ],
      }),
    );
    const inputs = built.named(GUARDRAIL, "grw-chat-guardrail").inputs;
    expect(inputs.contentPolicyConfig).toEqual({ filtersConfigs: contentFilters("MEDIUM") });
    const evidence = built.control("SAI-MOD-03");
    expect(evidence.status).toBe("waived");
    expect(evidence.note).toMatch(
      /^waived: medical vocabulary trips the HIGH filters \(expires 2099-01-01\)/,
    );
    expect(evidence.note).toContain("strength: chat MEDIUM");
  });

  it("reports SageMaker-served models as a gap naming them and ApplyGuardrail, with no guardrail built", async () => {
    const built = await buildAws(
      "grs",
      awsArgs({ models: [{ name: "chat", serving: "bedrock" }, { name: "ranker" }] }),
    );
    expect(built.ofType(GUARDRAIL).map((r) => r.name)).toEqual(["grs-chat-guardrail"]);
    const evidence = built.control("SAI-MOD-03");
    expect(evidence.status).toBe("gap");
    expect(evidence.note).toContain("SageMaker endpoints (models ranker)");
    expect(evidence.note).toContain("ApplyGuardrail");
    expect(evidence.resources).toEqual([expect.stringMatching(/::grs-chat-guardrail$/)]);
  });

  it("rejects a weaker guardrail without a waiver, naming the argument", () => {
    const build = () =>
      new SecureAiPlatform(
        "grbad",
        awsArgs({ models: [{ name: "chat", serving: "bedrock", guardrailStrength: "low" }] }),
      );
    expect(build).toThrow(SecureAiConfigError);
    expect(build).toThrow(/models\[0\]\.guardrailStrength: received "low"; .*waiver for SAI-MOD-03/);
  });

  it("rejects an unknown strength, naming the argument, the value and what is allowed", () => {
    try {
      new SecureAiPlatform("grbad2", awsArgs({ models: [{ name: "chat", guardrailStrength: "HIGH" }] }));
      expect.fail("expected a SecureAiConfigError");
    } catch (error) {
      expect(error).toBeInstanceOf(SecureAiConfigError);
      expect(error).toMatchObject({
        path: "models[0].guardrailStrength",
        value: "HIGH",
        allowed: 'allowed values are "high", "medium", "low"',
      });
    }
  });
});
