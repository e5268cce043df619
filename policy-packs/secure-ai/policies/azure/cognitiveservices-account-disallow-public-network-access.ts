import { defineResourcePolicy, get, isUnknown } from "../lib";
import { AZURE } from "./types";
import { equalsIgnoringCase, rawObject, requireOneOfIgnoringCase } from "./values";

/** Azure OpenAI / AI Services accounts are reached through private endpoints only. */
export const azureCognitiveservicesAccountDisallowPublicNetworkAccess = defineResourcePolicy({
  name: "azure-cognitiveservices-account-disallow-public-network-access",
  cloud: "azure",
  controls: ["SAI-MOD-02", "SAI-NET-02"],
  description:
    'Cognitive Services accounts set properties.publicNetworkAccess "Disabled" (the default is Enabled).',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.cognitiveAccount],
  tags: ["cognitiveservices", "network", "ai"],
  validate: ({ props }, { report }) => {
    requireOneOfIgnoringCase(props, ["properties", "publicNetworkAccess"], ["Disabled"], "Enabled", report);
  },
  remediate: ({ props }) => {
    const properties = get(props, "properties");
    if (
      isUnknown(properties) ||
      equalsIgnoringCase(props, ["properties", "publicNetworkAccess"], ["Disabled"]) !== false
    ) {
      return undefined;
    }
    return { properties: { ...rawObject(properties), publicNetworkAccess: "Disabled" } };
  },
});
