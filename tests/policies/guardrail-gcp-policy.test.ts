/**
 * SAI-MOD-03 on GCP stacks: Vertex AI endpoints without Model Armor where no floor setting covers them.
 * Inputs use @pulumi/gcp 9 property names (vertex.AiEndpoint, modelarmor.Template, modelarmor.Floorsetting);
 * the compliant template has the platform's settings (components/gcp/model-armor.ts).
 */
import { describe, expect, it } from "vitest";
import { gcpVertexEndpointRequireModelArmor as policy } from "../../policy-packs/secure-ai/policies/gcp/vertex-endpoint-require-model-armor";
import { GCP_MODEL_ARMOR as T } from "../../policy-packs/secure-ai/policies/gcp/types-guardrails";
import { modelArmorFilterConfig } from "../../components/gcp/model-armor";
import { UNKNOWN, runStackPolicy, withValue, type Fixture } from "./gcp/harness";
import { describeStackPasses, duringUpdate } from "./passes";

const urn = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const endpoint: Fixture = {
  type: T.vertexEndpoint,
  name: "chat",
  props: {
    name: "chat",
    displayName: "chat",
    project: "prj-ai",
    location: "europe-west4",
    region: "europe-west4",
  },
};
const template = {
  project: "prj-ai",
  location: "europe-west4",
  templateId: "chat-armor",
  filterConfig: modelArmorFilterConfig("high"),
  templateMetadata: { enforcementType: "INSPECT_AND_BLOCK", logSanitizeOperations: true },
};
const floor = {
  parent: "projects/prj-ai",
  location: "global",
  enableFloorSettingEnforcement: true,
  integratedServices: ["AI_PLATFORM"],
  aiPlatformFloorSetting: { inspectAndBlock: true, enableCloudLogging: true },
  filterConfig: {
    piAndJailbreakFilterSettings: { filterEnforcement: "ENABLED", confidenceLevel: "LOW_AND_ABOVE" },
  },
};
const templateFixture = (props: Record<string, unknown>): Fixture => ({
  type: T.template,
  name: "armor",
  props,
});
const floorFixture = (props: Record<string, unknown>): Fixture => ({
  type: T.floorSetting,
  name: "floor",
  props,
});
const run = (fixtures: readonly Fixture[]) => runStackPolicy(policy, fixtures);

describe("gcp-vertex-endpoint-require-model-armor", () => {
  it("passes an endpoint whose project has a blocking template (the platform's) or an enforcing floor setting", async () => {
    expect((await run([endpoint, templateFixture(template)])).violations).toEqual([]);
    expect((await run([endpoint, floorFixture(floor)])).violations).toEqual([]);
    expect(
      (await run([endpoint, floorFixture(withValue(floor, "parent", "organizations/1234567890"))]))
        .violations,
    ).toEqual([]);
    expect(
      (await run([endpoint, floorFixture(withValue(floor, "parent", "folders/987654321"))])).violations,
    ).toEqual([]);
  });

  it("matches the provider's default project when neither resource sets one", async () => {
    const bare = { ...endpoint, props: withValue(endpoint.props, "project", undefined) };
    expect(
      (await run([bare, templateFixture(withValue(template, "project", undefined))])).violations,
    ).toEqual([]);
  });

  it.each([
    ["no Model Armor at all", [endpoint]],
    [
      "an INSPECT_ONLY template",
      [endpoint, templateFixture(withValue(template, "templateMetadata.enforcementType", "INSPECT_ONLY"))],
    ],
    [
      "a template without enforcement type",
      [endpoint, templateFixture(withValue(template, "templateMetadata", undefined))],
    ],
    [
      "a template with the jailbreak filter off",
      [
        endpoint,
        templateFixture(
          withValue(template, "filterConfig.piAndJailbreakFilterSettings.filterEnforcement", "DISABLED"),
        ),
      ],
    ],
    [
      "a template of another project",
      [endpoint, templateFixture(withValue(template, "project", "prj-other"))],
    ],
    [
      "a floor setting not enforced",
      [endpoint, floorFixture(withValue(floor, "enableFloorSettingEnforcement", false))],
    ],
    [
      "a floor setting that only inspects Vertex AI",
      [endpoint, floorFixture(withValue(floor, "aiPlatformFloorSetting", { inspectOnly: true }))],
    ],
    [
      "a floor setting without AI_PLATFORM",
      [endpoint, floorFixture(withValue(floor, "integratedServices", ["GOOGLE_MCP_SERVER"]))],
    ],
    [
      "a floor setting of another project",
      [endpoint, floorFixture(withValue(floor, "parent", "projects/prj-other"))],
    ],
    [
      "a floor setting with the jailbreak filter off",
      [
        endpoint,
        floorFixture(
          withValue(floor, "filterConfig.piAndJailbreakFilterSettings.filterEnforcement", "DISABLED"),
        ),
      ],
    ],
  ])("flags %s", async (_, fixtures) => {
    const result = await run(fixtures as Fixture[]);
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatch(/Vertex AI endpoint "chat": project prj-ai has no Model Armor/);
    expect(result.urns[0]).toBe(urn(T.vertexEndpoint, "chat"));
  });

  it("decides known update-time values exactly", async () => {
    expect((await duringUpdate(() => run([endpoint, templateFixture(template)]))).violations).toEqual([]);
    expect((await duringUpdate(() => run([endpoint]))).violations).toHaveLength(1);
  });

  describeStackPasses(
    policy,
    [endpoint, templateFixture(template)],
    [endpoint, templateFixture(withValue(template, "templateMetadata.enforcementType", UNKNOWN))],
  );
  describeStackPasses(
    policy,
    [endpoint, floorFixture(floor)],
    [endpoint, floorFixture(withValue(floor, "aiPlatformFloorSetting.inspectAndBlock", UNKNOWN))],
  );
  describeStackPasses(
    policy,
    [endpoint, templateFixture(template)],
    [{ ...endpoint, props: withValue(endpoint.props, "project", UNKNOWN) }, templateFixture(template)],
  );
});
