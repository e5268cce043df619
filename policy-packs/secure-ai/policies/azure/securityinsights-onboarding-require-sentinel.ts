import { booleanOption, defineStackPolicy } from "../lib";
import { scopeAdvisory } from "../service-scope";
import { AZURE } from "./types";

/** The Log Analytics workspace that receives audit logs is onboarded to Microsoft Sentinel. */
export const azureSecurityinsightsOnboardingRequireSentinel = defineStackPolicy({
  name: "azure-securityinsights-onboarding-require-sentinel",
  cloud: "azure",
  controls: ["SAI-LOG-03"],
  description:
    "A stack with Azure storage, Key Vault, AI Services or Azure ML resources has a SentinelOnboardingState (the workspace is onboarded to Microsoft Sentinel), unless the config declares the SIEM adopted.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.sentinelOnboarding],
  tags: ["sentinel", "siem"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when logs reach Sentinel or another SIEM outside this stack.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "azure-securityinsights-onboarding-require-sentinel");
    if (stack.ofType(AZURE.sentinelOnboarding).length === 0) {
      report(
        "no SentinelOnboardingState in the stack; onboard the log workspace to Microsoft Sentinel or set adopted: true in this policy's config",
      );
    }
  },
});
