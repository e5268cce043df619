/**
 * Type tokens of the Bedrock resources the SAI-MOD-03 policies examine, verified against `__pulumiType` in
 * node_modules/@pulumi/aws 7 (bedrock/agentAgent.js, agentFlow.js, agentKnowledgeBase.js,
 * agentAgentKnowledgeBaseAssociation.js).
 */
export const AWS_BEDROCK_AGENTS = {
  agent: "aws:bedrock/agentAgent:AgentAgent",
  flow: "aws:bedrock/agentFlow:AgentFlow",
  knowledgeBase: "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
  knowledgeBaseAssociation:
    "aws:bedrock/agentAgentKnowledgeBaseAssociation:AgentAgentKnowledgeBaseAssociation",
} as const;
