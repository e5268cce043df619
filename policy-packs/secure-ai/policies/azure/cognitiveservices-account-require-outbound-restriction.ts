import { defineResourcePolicy, requireBoolean } from "../lib";
import { AZURE } from "./types";

/** Azure OpenAI / AI Services accounts can only call out to listed destinations (data-loss prevention). */
export const azureCognitiveservicesAccountRequireOutboundRestriction = defineResourcePolicy({
  name: "azure-cognitiveservices-account-require-outbound-restriction",
  cloud: "azure",
  controls: ["SAI-MOD-02"],
  description:
    "Cognitive Services accounts set properties.restrictOutboundNetworkAccess true (with allowedFqdnList naming what they may reach); advisory because features such as web grounding need outbound access.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.cognitiveAccount],
  tags: ["cognitiveservices", "network", "ai"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["properties", "restrictOutboundNetworkAccess"], true, false, report);
  },
});
