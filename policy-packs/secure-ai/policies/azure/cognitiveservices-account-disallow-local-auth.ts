import { defineResourcePolicy, get, isUnknown, requireBoolean } from "../lib";
import { AZURE } from "./types";
import { rawObject } from "./values";

/** Azure OpenAI / AI Services accounts accept Entra ID tokens only, never API keys. */
export const azureCognitiveservicesAccountDisallowLocalAuth = defineResourcePolicy({
  name: "azure-cognitiveservices-account-disallow-local-auth",
  cloud: "azure",
  controls: ["SAI-MOD-02", "SAI-IAM-03"],
  description:
    "Cognitive Services accounts set properties.disableLocalAuth true, so API keys cannot call the models.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.cognitiveAccount],
  tags: ["cognitiveservices", "identity", "ai"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["properties", "disableLocalAuth"], true, false, report);
  },
  remediate: ({ props }) => {
    const properties = get(props, "properties");
    const value = get(properties, "disableLocalAuth");
    return isUnknown(properties) || value === true || isUnknown(value)
      ? undefined
      : { properties: { ...rawObject(properties), disableLocalAuth: true } };
  },
});
