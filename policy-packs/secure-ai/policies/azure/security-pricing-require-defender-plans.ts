import { booleanOption, defineStackPolicy, get, isUnknown, knownString, stringListOption } from "../lib";
import { scopeAdvisory } from "../service-scope";
import { AZURE } from "./types";

/** Defender for Cloud plans (threat detection and CSPM) are on at the Standard tier. */
export const azureSecurityPricingRequireDefenderPlans = defineStackPolicy({
  name: "azure-security-pricing-require-defender-plans",
  cloud: "azure",
  controls: ["SAI-DET-01", "SAI-DET-02"],
  description:
    'A stack with Azure storage, Key Vault, AI Services or Azure ML resources has a Defender for Cloud Pricing at pricingTier "Standard" for every plan in requiredPlans that the stack needs (AI with AI services accounts, StorageAccounts with storage accounts, KeyVaults with key vaults, CloudPosture and plans the pack does not know always), unless the config declares the plans adopted (they are subscription singletons).',
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.defenderPricing],
  tags: ["defender", "detection"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when the Defender plans are managed outside this stack.",
    }),
    requiredPlans: stringListOption({
      default: ["AI", "StorageAccounts", "KeyVaults", "CloudPosture"],
      description: "Defender plan names (pricingName) that must be at the Standard tier.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    // Only the plans for what the stack holds: no Defender for AI asked of a stack without AI services.
    const plans = scopeAdvisory(stack, "azure-security-pricing-require-defender-plans", config.requiredPlans);
    const pricings = stack.ofType(AZURE.defenderPricing);
    const covered = new Set<string>();
    let unknownName = false;
    for (const pricing of pricings) {
      const name = get(pricing.props, "pricingName");
      const tier = get(pricing.props, "pricingTier");
      const tierOk = isUnknown(tier) || knownString(tier)?.toLowerCase() === "standard";
      if (!tierOk) {
        report(
          `Defender plan "${knownString(name) ?? pricing.name}" has pricingTier ${knownString(tier) ?? "(not set)"}; it must be Standard`,
          pricing,
        );
        continue;
      }
      if (isUnknown(name)) {
        unknownName = true;
      }
      const known = knownString(name);
      if (known !== undefined) {
        covered.add(known.toLowerCase());
      }
    }
    const missing = plans.filter((plan) => !covered.has(plan.toLowerCase()));
    if (missing.length > 0 && !unknownName) {
      report(
        `no Standard-tier Defender for Cloud plan for ${missing.join(", ")}; add azure-native security Pricing resources or set adopted: true in this policy's config`,
      );
    }
  },
});
