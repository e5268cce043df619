/**
 * SAI-MOD-03 on Azure stacks: OpenAI deployments without a blocking RAI policy and RAI policies with Prompt
 * Shields off. Inputs use @pulumi/azure-native 3 property names (cognitiveservices.Deployment, RaiPolicy,
 * SubscriptionRaiPolicy); the compliant policy is the one the platform builds (components/azure/serving-openai.ts).
 */
import { describe, expect, it } from "vitest";
import { azureCognitiveservicesDeploymentRequireBlockingRaiPolicy as deploymentPolicy } from "../../policy-packs/secure-ai/policies/azure/cognitiveservices-deployment-require-blocking-rai-policy";
import { azureCognitiveservicesRaipolicyRequirePromptShields as shieldsPolicy } from "../../policy-packs/secure-ai/policies/azure/cognitiveservices-raipolicy-require-prompt-shields";
import { AZURE_RAI as T } from "../../policy-packs/secure-ai/policies/azure/types-guardrails";
import { contentFilters } from "../../components/azure/serving-openai";
import { UNKNOWN, runResourcePolicy, runStackPolicy, withValue, type Fixture } from "./gcp/harness";
import { describeResourcePasses, describeStackPasses, duringUpdate } from "./passes";

const urn = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const filters = contentFilters("high") as unknown as Record<string, unknown>[];
const raiPolicy = {
  resourceGroupName: "rg",
  accountName: "aoai-chat",
  raiPolicyName: "secure-ai-filter",
  properties: { basePolicyName: "Microsoft.DefaultV2", mode: "Default", contentFilters: filters },
};
const indexOf = (name: string, source = "Prompt") =>
  filters.findIndex((filter) => filter.name === name && filter.source === source);
const JAILBREAK = indexOf("Jailbreak");
const INDIRECT = indexOf("Indirect Attack");
const HATE_COMPLETION = indexOf("Hate", "Completion");

describe("azure-cognitiveservices-raipolicy-require-prompt-shields", () => {
  const run = (props: Record<string, unknown>, type: string = T.raiPolicy) =>
    runResourcePolicy(shieldsPolicy, { type, props });

  it("passes the platform's RAI policy, at account and subscription level", async () => {
    expect((await run(raiPolicy)).violations).toEqual([]);
    expect((await run(raiPolicy, T.subscriptionRaiPolicy)).violations).toEqual([]);
  });

  it("accepts action BLOCKING instead of blocking, and name spellings such as indirect_attack", async () => {
    let props = withValue(raiPolicy, `properties.contentFilters.${JAILBREAK}.blocking`, undefined);
    props = withValue(props, `properties.contentFilters.${JAILBREAK}.action`, "BLOCKING");
    props = withValue(props, `properties.contentFilters.${INDIRECT}.name`, "indirect_attack");
    expect((await run(props)).violations).toEqual([]);
  });

  it.each([
    [
      "Jailbreak missing",
      withValue(
        raiPolicy,
        "properties.contentFilters",
        filters.filter((_, index) => index !== JAILBREAK),
      ),
      /"Jailbreak" is not configured/,
    ],
    [
      "Indirect Attack off",
      withValue(raiPolicy, `properties.contentFilters.${INDIRECT}.enabled`, false),
      /"Indirect Attack" on Prompt is off/,
    ],
    [
      "Jailbreak annotate-only",
      withValue(raiPolicy, `properties.contentFilters.${JAILBREAK}.blocking`, false),
      /"Jailbreak" on Prompt annotates without blocking/,
    ],
    [
      "Jailbreak with action ANNOTATING",
      withValue(raiPolicy, `properties.contentFilters.${JAILBREAK}.action`, "ANNOTATING"),
      /action ANNOTATING, not BLOCKING/,
    ],
    [
      "asynchronous filtering",
      withValue(raiPolicy, "properties.mode", "Asynchronous_filter"),
      /mode Asynchronous_filter/,
    ],
    ["deferred filtering", withValue(raiPolicy, "properties.mode", "Deferred"), /mode Deferred/],
    [
      "no content filters",
      withValue(raiPolicy, "properties.contentFilters", undefined),
      /"Jailbreak" is not configured/,
    ],
  ])("flags %s", async (_, props, message) => {
    const result = await run(props);
    expect(result.violations.length).toBeGreaterThan(0);
    expect(result.violations.join("\n")).toMatch(message);
  });

  describeResourcePasses(shieldsPolicy, T.raiPolicy, raiPolicy, "properties.contentFilters");
  describeResourcePasses(shieldsPolicy, T.raiPolicy, raiPolicy, "properties.mode");
  describeResourcePasses(
    shieldsPolicy,
    T.raiPolicy,
    raiPolicy,
    `properties.contentFilters.${INDIRECT}.blocking`,
  );
});

describe("azure-cognitiveservices-deployment-require-blocking-rai-policy", () => {
  const policyFixture: Fixture = { type: T.raiPolicy, name: "chat-filter", props: raiPolicy };
  const deployment = {
    resourceGroupName: "rg",
    accountName: "aoai-chat",
    deploymentName: "chat",
    sku: { name: "Standard", capacity: 10 },
    properties: {
      model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" },
      raiPolicyName: "secure-ai-filter",
    },
  };
  const deploymentFixture: Fixture = { type: T.deployment, name: "chat", props: deployment };
  const stack: Fixture[] = [policyFixture, deploymentFixture];
  const withDeployment = (path: string, value: unknown): Fixture[] => [
    policyFixture,
    { ...deploymentFixture, props: withValue(deployment, path, value) },
  ];
  const withPolicy = (path: string, value: unknown): Fixture[] => [
    { ...policyFixture, props: withValue(raiPolicy, path, value) },
    deploymentFixture,
  ];
  const run = (fixtures: readonly Fixture[], config: Record<string, unknown> = {}) =>
    runStackPolicy(deploymentPolicy, fixtures, config);

  it("passes a deployment naming a blocking RAI policy of its account", async () => {
    expect((await run(stack)).violations).toEqual([]);
    expect((await duringUpdate(() => run(stack))).violations).toEqual([]);
  });

  it("follows the property dependency to the RAI policy while its name is unknown (preview)", async () => {
    const preview: Fixture[] = [
      policyFixture,
      {
        ...deploymentFixture,
        props: withValue(deployment, "properties.raiPolicyName", UNKNOWN),
        propertyDependencies: { properties: [urn(T.raiPolicy, "chat-filter")] },
      },
    ];
    const result = await run(preview);
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toBeUndefined();
    const weak: Fixture[] = [
      { ...policyFixture, props: withValue(raiPolicy, "properties.mode", "Deferred") },
      preview[1],
    ];
    expect((await run(weak)).violations.join("\n")).toMatch(/mode Deferred/);
  });

  it("passes a subscription-level policy by name and a policy listed in verifiedRaiPolicies", async () => {
    const subscription: Fixture = {
      type: T.subscriptionRaiPolicy,
      name: "org-filter",
      props: withValue(raiPolicy, "accountName", undefined),
    };
    expect((await run([subscription, deploymentFixture])).violations).toEqual([]);
    const external = withDeployment("properties.raiPolicyName", "org-approved");
    expect((await run(external, { verifiedRaiPolicies: ["org-approved"] })).violations).toEqual([]);
  });

  it.each([
    [
      "no raiPolicyName",
      withDeployment("properties.raiPolicyName", undefined),
      /sets no properties.raiPolicyName/,
    ],
    [
      "a policy not in the stack",
      withDeployment("properties.raiPolicyName", "Microsoft.DefaultV2"),
      /"Microsoft.DefaultV2", which is not in this stack/,
    ],
    [
      "a policy of another account",
      [{ ...policyFixture, props: withValue(raiPolicy, "accountName", "other") }, deploymentFixture],
      /not in this stack/,
    ],
    [
      "a harm filter that only annotates",
      withPolicy(`properties.contentFilters.${HATE_COMPLETION}.blocking`, false),
      /"Hate" on Completion annotates without blocking/,
    ],
    [
      "a harm filter that is off",
      withPolicy(`properties.contentFilters.${HATE_COMPLETION}.enabled`, false),
      /"Hate" on Completion is off/,
    ],
    [
      "asynchronous filtering",
      withPolicy("properties.mode", "Asynchronous_filter"),
      /does not block harmful content: mode Asynchronous_filter/,
    ],
  ])("flags %s", async (_, fixtures, message) => {
    const result = await run(fixtures);
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatch(message);
    expect(result.urns[0]).toBe(urn(T.deployment, "chat"));
  });

  describeStackPasses(deploymentPolicy, stack, withDeployment("properties.raiPolicyName", UNKNOWN));
  describeStackPasses(
    deploymentPolicy,
    stack,
    withPolicy(`properties.contentFilters.${HATE_COMPLETION}.blocking`, UNKNOWN),
  );
});
