import { defineResourcePolicy, get } from "../lib";
import { guardrailGaps, modelNodesOf } from "./bedrock-guardrail-configuration";
import { AWS_BEDROCK_AGENTS } from "./types-guardrails";

/**
 * Every model invocation a Bedrock flow makes passes a guardrail: each knowledge-base node (which retrieves
 * and generates with `modelId`) and each prompt node has a `guardrailConfiguration` naming a guardrail and a
 * version. These nodes are where a stack expresses which guardrail a model call uses; a direct InvokeModel or
 * RetrieveAndGenerate call from application code passes its guardrail per request, which no resource shows.
 */
export const awsBedrockAgentflowRequireGuardrail = defineResourcePolicy({
  name: "aws-bedrock-agentflow-require-guardrail",
  cloud: "aws",
  controls: ["SAI-MOD-03"],
  description:
    "Bedrock flows invoke models only through a guardrail: every knowledge-base and prompt node of definition.nodes has a guardrailConfiguration with guardrailIdentifier and guardrailVersion set.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS_BEDROCK_AGENTS.flow],
  tags: ["bedrock", "guardrail", "ai"],
  validate: ({ props }, { report }) => {
    for (const node of modelNodesOf(props)) {
      const gaps = guardrailGaps(get(node.configuration, "guardrailConfiguration"));
      if (gaps.length > 0) {
        report(`${node.kind} node "${node.name}" invokes a model without a guardrail (${gaps.join(", ")})`);
      }
    }
  },
});
