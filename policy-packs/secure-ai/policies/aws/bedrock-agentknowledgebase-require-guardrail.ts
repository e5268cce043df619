import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy, get, knownString, refersTo, type StackView } from "../lib";
import { agentHasGuardrail, guardrailGaps, modelNodesOf } from "./bedrock-guardrail-configuration";
import { AWS_BEDROCK_AGENTS } from "./types-guardrails";

/** Whether a flow's knowledge-base node configuration points at `knowledgeBase`. */
function nodeUses(flow: PolicyResource, configuration: unknown, knowledgeBase: PolicyResource): boolean {
  const id = knownString(get(knowledgeBase.props, "id"));
  const named = knownString(get(configuration, "knowledgeBaseId"));
  if (named !== undefined) {
    return named === id;
  }
  return (flow.propertyDependencies?.definition ?? []).some((source) => source.urn === knowledgeBase.urn);
}

/** Why no guarded consumer in the stack fronts `knowledgeBase`, or `undefined` when every consumer is guarded. */
function problemOf(stack: StackView, knowledgeBase: PolicyResource): string | undefined {
  const agents = stack.ofType(AWS_BEDROCK_AGENTS.agent);
  const problems: string[] = [];
  let consumers = 0;
  for (const association of stack.ofType(AWS_BEDROCK_AGENTS.knowledgeBaseAssociation)) {
    if (!refersTo(association, "knowledgeBaseId", knowledgeBase, ["id"])) continue;
    consumers += 1;
    const agent = agents.find((candidate) => refersTo(association, "agentId", candidate, ["agentId", "id"]));
    if (agent === undefined) {
      problems.push(`association "${association.name}" links it to an agent outside the stack`);
    } else if (!agentHasGuardrail(agent.props)) {
      problems.push(`agent "${agent.name}" uses it without a guardrail`);
    }
  }
  for (const flow of stack.ofType(AWS_BEDROCK_AGENTS.flow)) {
    for (const node of modelNodesOf(flow.props)) {
      if (node.kind !== "knowledgeBase" || !nodeUses(flow, node.configuration, knowledgeBase)) continue;
      consumers += 1;
      if (guardrailGaps(get(node.configuration, "guardrailConfiguration")).length > 0) {
        problems.push(`flow "${flow.name}" node "${node.name}" uses it without a guardrail`);
      }
    }
  }
  if (consumers === 0) {
    return "no agent or flow of the stack uses it, so no resource puts a guardrail in front of it (RetrieveAndGenerate callers must pass guardrailConfiguration on every request)";
  }
  return problems.length > 0 ? problems.join("; ") : undefined;
}

/**
 * Bedrock knowledge bases are reached only through a guardrail. A knowledge base has no guardrail setting
 * of its own: the guardrail belongs to what generates from it, an agent (through an
 * AgentAgentKnowledgeBaseAssociation) or a flow's knowledge-base node, or to each RetrieveAndGenerate
 * request. The policy is advisory because a request-level guardrail is invisible to the stack.
 */
export const awsBedrockAgentknowledgebaseRequireGuardrail = defineStackPolicy({
  name: "aws-bedrock-agentknowledgebase-require-guardrail",
  cloud: "aws",
  controls: ["SAI-MOD-03"],
  description:
    "Every Bedrock knowledge base of the stack is used only by agents with a guardrail (guardrailConfigurations) and flow knowledge-base nodes with a guardrailConfiguration; a knowledge base no agent or flow of the stack uses is reported, since nothing the stack shows guards it.",
  enforcementLevel: "advisory",
  resourceTypes: [
    AWS_BEDROCK_AGENTS.knowledgeBase,
    AWS_BEDROCK_AGENTS.knowledgeBaseAssociation,
    AWS_BEDROCK_AGENTS.agent,
    AWS_BEDROCK_AGENTS.flow,
  ],
  tags: ["bedrock", "guardrail", "ai"],
  validate: (stack, { report }) => {
    for (const knowledgeBase of stack.ofType(AWS_BEDROCK_AGENTS.knowledgeBase)) {
      const problem = problemOf(stack, knowledgeBase);
      if (problem !== undefined) {
        report(`knowledge base "${knowledgeBase.name}": ${problem}`, knowledgeBase);
      }
    }
  },
});
