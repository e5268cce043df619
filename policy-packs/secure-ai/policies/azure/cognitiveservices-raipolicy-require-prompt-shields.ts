import { defineResourcePolicy } from "../lib";
import { modeWeakness, promptShieldWeaknesses } from "./rai-policy-filters";
import { AZURE_RAI } from "./types-guardrails";

/**
 * Azure OpenAI RAI policies keep Prompt Shields on and blocking: a "Jailbreak" filter (user prompt attacks)
 * and an "Indirect Attack" filter (attacks hidden in documents and tool results), each enabled and blocking
 * (or action BLOCKING), and a mode that filters before content is returned (not Asynchronous_filter/Deferred).
 */
export const azureCognitiveservicesRaipolicyRequirePromptShields = defineResourcePolicy({
  name: "azure-cognitiveservices-raipolicy-require-prompt-shields",
  cloud: "azure",
  controls: ["SAI-MOD-03"],
  description:
    'RAI policies (account and subscription level) have Prompt Shields on and blocking: contentFilters include "Jailbreak" and "Indirect Attack" with enabled and blocking true (or action BLOCKING), and mode is not Asynchronous_filter or Deferred.',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE_RAI.raiPolicy, AZURE_RAI.subscriptionRaiPolicy],
  tags: ["cognitiveservices", "openai", "guardrail", "ai"],
  validate: ({ props }, { report }) => {
    const mode = modeWeakness(props);
    if (mode !== undefined) {
      report(`properties.${mode}, so prompt attacks are not stopped in time`);
    }
    for (const problem of promptShieldWeaknesses(props)) {
      report(
        `properties.contentFilters: ${problem}, so prompt injection and jailbreak attempts reach the model`,
      );
    }
  },
});
