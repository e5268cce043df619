import { defineResourcePolicy, get, isSet, knownArray } from "../lib";
import { guardrailGaps } from "./bedrock-guardrail-configuration";
import { AWS_BEDROCK_AGENTS } from "./types-guardrails";

/**
 * Every Bedrock agent screens its prompts and responses with a guardrail: `guardrailConfigurations` names a
 * guardrail and a version. Without one the agent's model sees user input (and documents its knowledge bases
 * return) unfiltered: no prompt-attack, harmful-content or sensitive-information filter applies
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/agents-guardrail.html).
 */
export const awsBedrockAgentagentRequireGuardrail = defineResourcePolicy({
  name: "aws-bedrock-agentagent-require-guardrail",
  cloud: "aws",
  controls: ["SAI-MOD-03"],
  description:
    "Bedrock agents have a guardrail: guardrailConfigurations has an entry with guardrailIdentifier and guardrailVersion set.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS_BEDROCK_AGENTS.agent],
  tags: ["bedrock", "guardrail", "ai"],
  validate: ({ props }, { report }) => {
    const configurations = get(props, "guardrailConfigurations");
    if (!isSet(configurations)) {
      report(
        "guardrailConfigurations is not set: the agent's prompts and responses pass no Bedrock guardrail (prompt attacks, harmful content and sensitive information go unfiltered)",
      );
      return;
    }
    for (const [index, entry] of knownArray(configurations).entries()) {
      const gaps = guardrailGaps(entry);
      if (gaps.length > 0) {
        report(`guardrailConfigurations[${index}]: ${gaps.join(", ")}, so no guardrail is applied`);
      }
    }
  },
});
