/**
 * SAI-MOD-03 on AWS stacks: Bedrock agents, flows and knowledge bases without a guardrail. Inputs use
 * @pulumi/aws 7 property names (bedrock.AgentAgent, AgentFlow, AgentKnowledgeBase,
 * AgentAgentKnowledgeBaseAssociation).
 */
import { describe, expect, it } from "vitest";
import { awsBedrockAgentagentRequireGuardrail } from "../../policy-packs/secure-ai/policies/aws/bedrock-agentagent-require-guardrail";
import { awsBedrockAgentflowRequireGuardrail } from "../../policy-packs/secure-ai/policies/aws/bedrock-agentflow-require-guardrail";
import { awsBedrockAgentknowledgebaseRequireGuardrail } from "../../policy-packs/secure-ai/policies/aws/bedrock-agentknowledgebase-require-guardrail";
import { AWS_BEDROCK_AGENTS as T } from "../../policy-packs/secure-ai/policies/aws/types-guardrails";
import { UNKNOWN, runResourcePolicy, runStackPolicy, withValue, type Fixture } from "./gcp/harness";
import { describeResourcePasses, describeStackPasses, duringUpdate } from "./passes";

const urn = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const guardrail = { guardrailIdentifier: "gr-0123456789ab", guardrailVersion: "1" };
const agent = {
  agentName: "support",
  agentResourceRoleArn: "arn:aws:iam::111122223333:role/support-agent",
  foundationModel: "anthropic.claude-3-haiku-20240307-v1:0",
  guardrailConfigurations: [guardrail],
};
const flow = {
  name: "triage",
  executionRoleArn: "arn:aws:iam::111122223333:role/triage-flow",
  definition: {
    nodes: [
      { name: "FlowInput", type: "Input", configuration: { input: {} } },
      {
        name: "Answer",
        type: "KnowledgeBase",
        configuration: {
          knowledgeBase: {
            knowledgeBaseId: "KB12345678",
            modelId: "anthropic.claude-3-haiku-20240307-v1:0",
            guardrailConfiguration: guardrail,
          },
        },
      },
      {
        name: "Summarise",
        type: "Prompt",
        configuration: { prompt: { sourceConfiguration: { inline: {} }, guardrailConfiguration: guardrail } },
      },
      { name: "FlowOutput", type: "Output", configuration: { output: {} } },
    ],
  },
};

describe("aws-bedrock-agentagent-require-guardrail", () => {
  const run = (props: Record<string, unknown>) =>
    runResourcePolicy(awsBedrockAgentagentRequireGuardrail, { type: T.agent, props });

  it("passes an agent with a guardrail identifier and version", async () => {
    expect((await run(agent)).violations).toEqual([]);
  });

  it.each([
    [
      "no guardrailConfigurations",
      withValue(agent, "guardrailConfigurations", undefined),
      /guardrailConfigurations is not set/,
    ],
    ["an empty list", withValue(agent, "guardrailConfigurations", []), /guardrailConfigurations is not set/],
    [
      "no identifier",
      withValue(agent, "guardrailConfigurations.0.guardrailIdentifier", undefined),
      /guardrailIdentifier/,
    ],
    [
      "no version",
      withValue(agent, "guardrailConfigurations.0.guardrailVersion", undefined),
      /guardrailVersion/,
    ],
  ])("flags %s", async (_, props, message) => {
    const result = await run(props);
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatch(message);
  });

  it("ignores other resource types", async () => {
    const result = await runResourcePolicy(awsBedrockAgentagentRequireGuardrail, {
      type: T.flow,
      props: flow,
    });
    expect(result.notApplicable).toMatch(/applies to/);
  });

  describeResourcePasses(awsBedrockAgentagentRequireGuardrail, T.agent, agent, "guardrailConfigurations");
  describeResourcePasses(
    awsBedrockAgentagentRequireGuardrail,
    T.agent,
    agent,
    "guardrailConfigurations.0.guardrailIdentifier",
  );
});

describe("aws-bedrock-agentflow-require-guardrail", () => {
  const run = (props: Record<string, unknown>) =>
    runResourcePolicy(awsBedrockAgentflowRequireGuardrail, { type: T.flow, props });

  it("passes a flow whose knowledge-base and prompt nodes have a guardrail, and a flow without nodes", async () => {
    expect((await run(flow)).violations).toEqual([]);
    expect((await run(withValue(flow, "definition", undefined))).violations).toEqual([]);
  });

  it.each([
    [
      "a knowledge-base node without a guardrail",
      withValue(flow, "definition.nodes.1.configuration.knowledgeBase.guardrailConfiguration", undefined),
      /knowledgeBase node "Answer".*no guardrailConfiguration/,
    ],
    [
      "a prompt node without a guardrail",
      withValue(flow, "definition.nodes.2.configuration.prompt.guardrailConfiguration", undefined),
      /prompt node "Summarise"/,
    ],
    [
      "a guardrail without a version",
      withValue(flow, "definition.nodes.2.configuration.prompt.guardrailConfiguration.guardrailVersion", ""),
      /guardrailVersion is not set/,
    ],
  ])("flags %s", async (_, props, message) => {
    const result = await run(props);
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatch(message);
  });

  describeResourcePasses(awsBedrockAgentflowRequireGuardrail, T.flow, flow, "definition.nodes");
  describeResourcePasses(
    awsBedrockAgentflowRequireGuardrail,
    T.flow,
    flow,
    "definition.nodes.1.configuration.knowledgeBase.guardrailConfiguration",
  );
});

describe("aws-bedrock-agentknowledgebase-require-guardrail", () => {
  const kb: Fixture = {
    type: T.knowledgeBase,
    name: "docs",
    props: { name: "docs", roleArn: "arn:aws:iam::111122223333:role/kb", id: "KB12345678" },
  };
  const guardedAgent: Fixture = {
    type: T.agent,
    name: "support",
    props: { ...agent, agentId: "AGENT12345" },
  };
  const association: Fixture = {
    type: T.knowledgeBaseAssociation,
    name: "support-docs",
    props: {
      agentId: "AGENT12345",
      knowledgeBaseId: "KB12345678",
      description: "docs",
      knowledgeBaseState: "ENABLED",
    },
  };
  const stack: Fixture[] = [kb, guardedAgent, association];
  const run = (fixtures: readonly Fixture[], config: Record<string, unknown> = {}) =>
    runStackPolicy(awsBedrockAgentknowledgebaseRequireGuardrail, fixtures, config);

  it("passes a knowledge base used only by an agent with a guardrail, or by a guarded flow node", async () => {
    expect((await run(stack)).violations).toEqual([]);
    expect((await run([kb, { type: T.flow, name: "triage", props: flow }])).violations).toEqual([]);
  });

  it("links resources by property dependencies while IDs are unknown (preview)", async () => {
    const previewKb = { ...kb, props: { ...kb.props, id: UNKNOWN } };
    const previewAgent = { ...guardedAgent, props: { ...guardedAgent.props, agentId: UNKNOWN } };
    const previewAssociation: Fixture = {
      ...association,
      props: { ...association.props, agentId: UNKNOWN, knowledgeBaseId: UNKNOWN },
      propertyDependencies: {
        agentId: [urn(T.agent, "support")],
        knowledgeBaseId: [urn(T.knowledgeBase, "docs")],
      },
    };
    const result = await run([previewKb, previewAgent, previewAssociation]);
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toBeUndefined();
  });

  it.each([
    [
      "an agent without a guardrail",
      [
        kb,
        { ...guardedAgent, props: withValue(guardedAgent.props, "guardrailConfigurations", undefined) },
        association,
      ],
      /agent "support" uses it without a guardrail/,
    ],
    ["an agent outside the stack", [kb, association], /agent outside the stack/],
    ["no consumer in the stack", [kb], /no agent or flow of the stack uses it/],
    [
      "a flow node without a guardrail",
      [
        kb,
        {
          type: T.flow,
          name: "triage",
          props: withValue(
            flow,
            "definition.nodes.1.configuration.knowledgeBase.guardrailConfiguration",
            undefined,
          ),
        },
      ],
      /flow "triage" node "Answer"/,
    ],
  ])("flags %s", async (_, fixtures, message) => {
    const result = await run(fixtures as Fixture[]);
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatch(message);
    expect(result.urns[0]).toBe(urn(T.knowledgeBase, "docs"));
  });

  it("is advisory: a request-level guardrail is invisible to the stack", () => {
    expect(awsBedrockAgentknowledgebaseRequireGuardrail.enforcementLevel).toBe("advisory");
  });

  it("decides known update-time values exactly", async () => {
    expect((await duringUpdate(() => run(stack))).violations).toEqual([]);
    expect((await duringUpdate(() => run([kb]))).violations).toHaveLength(1);
  });

  describeStackPasses(awsBedrockAgentknowledgebaseRequireGuardrail, stack, [
    kb,
    { ...guardedAgent, props: withValue(guardedAgent.props, "guardrailConfigurations", UNKNOWN) },
    association,
  ]);
});
