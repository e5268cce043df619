import type * as input from "@pulumi/aws/types/input";
import type { GuardrailStrength } from "../spec/resolved";

/*
 * The filters of every Bedrock guardrail the platform builds (SAI-MOD-03). Every value below is one the
 * Bedrock CreateGuardrail API checks:
 * - content filter types and strengths (NONE | LOW | MEDIUM | HIGH), actions (BLOCK | NONE), and that
 *   PROMPT_ATTACK applies to input only (its output strength must be NONE):
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailContentFilterConfig.html
 * - PII entity types and actions (BLOCK | ANONYMIZE | NONE):
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailPiiEntity.html
 */

/** Bedrock filter strength for each guardrail strength of the spec; HIGH is the strongest Bedrock offers. */
export const BEDROCK_FILTER_STRENGTH: Readonly<Record<GuardrailStrength, string>> = {
  high: "HIGH",
  medium: "MEDIUM",
  low: "LOW",
};

/** Harmful-content categories filtered on prompts and responses. */
export const BEDROCK_CONTENT_CATEGORIES = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"] as const;

/**
 * PII the guardrail blocks outright, in prompts and responses: credentials, payment-card, bank and government
 * identifiers, which a customer-facing model never needs to read or write.
 */
export const BEDROCK_BLOCKED_PII = [
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
] as const;

/** Contact data the guardrail masks (ANONYMIZE) rather than blocks, so conversations stay usable. */
export const BEDROCK_ANONYMISED_PII = ["NAME", "EMAIL", "PHONE", "ADDRESS"] as const;

/** Content filters at the given strength, all blocking; prompt-attack detection on prompts only. */
export function bedrockContentPolicy(
  strength: GuardrailStrength,
): input.bedrock.GuardrailContentPolicyConfig {
  const level = BEDROCK_FILTER_STRENGTH[strength];
  return {
    filtersConfigs: [
      ...BEDROCK_CONTENT_CATEGORIES.map((type) => ({
        type,
        inputStrength: level,
        outputStrength: level,
        inputAction: "BLOCK",
        outputAction: "BLOCK",
        inputEnabled: true,
        outputEnabled: true,
      })),
      // Prompt-attack filtering applies to input only; output strength must be NONE.
      {
        type: "PROMPT_ATTACK",
        inputStrength: level,
        outputStrength: "NONE",
        inputAction: "BLOCK",
        inputEnabled: true,
      },
    ],
  };
}

/** Sensitive-information policy: credentials and identifiers blocked, contact data anonymised, both ways. */
export function bedrockSensitiveInformationPolicy(): input.bedrock.GuardrailSensitiveInformationPolicyConfig {
  const entity = (type: string, action: "BLOCK" | "ANONYMIZE") => ({
    type,
    action,
    inputAction: action,
    outputAction: action,
    inputEnabled: true,
    outputEnabled: true,
  });
  return {
    piiEntitiesConfigs: [
      ...BEDROCK_BLOCKED_PII.map((type) => entity(type, "BLOCK")),
      ...BEDROCK_ANONYMISED_PII.map((type) => entity(type, "ANONYMIZE")),
    ],
  };
}
