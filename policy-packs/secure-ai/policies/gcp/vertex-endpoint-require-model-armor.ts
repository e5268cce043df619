import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy, get, isUnknown, knownArray, knownBoolean, knownString, type Value } from "../lib";
import { GCP_MODEL_ARMOR } from "./types-guardrails";

/** A known string equals `expected`, or the value is unknown (the engine decides once it is known). */
function mayEqual(value: Value, expected: string): boolean {
  return isUnknown(value) || knownString(value)?.toUpperCase() === expected;
}

/** A known boolean is true, or the value is unknown. */
function mayBeTrue(value: Value): boolean {
  return isUnknown(value) || knownBoolean(value) === true;
}

/** The project a resource is in: its `project` (`""` for the provider's default project), or unknown. */
function projectOf(resource: PolicyResource): Value {
  const project = get(resource.props, "project");
  return isUnknown(project) ? project : (knownString(project) ?? "");
}

function sameProject(a: Value, b: Value): boolean {
  return isUnknown(a) || isUnknown(b) || a === b;
}

/**
 * Whether a floor setting enforces Model Armor on Vertex AI for `project`: enforcement on, AI_PLATFORM among
 * its integrated services, inspect-and-block for Vertex AI, the prompt-injection and jailbreak filter
 * enabled, and a parent that is the project (`projects/<id>`) or a folder or organisation above it.
 */
function floorCovers(floor: PolicyResource, project: Value): boolean {
  const props = floor.props;
  const parent = get(props, "parent");
  const parentText = knownString(parent) ?? "";
  const parentCovers =
    isUnknown(parent) ||
    /^(folders|organizations)\//.test(parentText) ||
    (parentText.startsWith("projects/") && sameProject(parentText.slice("projects/".length), project));
  const services = get(props, "integratedServices");
  const integrated =
    isUnknown(services) || knownArray(services).some((service) => mayEqual(service, "AI_PLATFORM"));
  return (
    parentCovers &&
    integrated &&
    mayBeTrue(get(props, "enableFloorSettingEnforcement")) &&
    mayBeTrue(get(props, "aiPlatformFloorSetting", "inspectAndBlock")) &&
    mayEqual(get(props, "filterConfig", "piAndJailbreakFilterSettings", "filterEnforcement"), "ENABLED")
  );
}

/** Whether a template in `project` blocks: INSPECT_AND_BLOCK with the prompt-injection and jailbreak filter on. */
function templateBlocks(template: PolicyResource, project: Value): boolean {
  return (
    sameProject(projectOf(template), project) &&
    mayEqual(get(template.props, "templateMetadata", "enforcementType"), "INSPECT_AND_BLOCK") &&
    mayEqual(
      get(template.props, "filterConfig", "piAndJailbreakFilterSettings", "filterEnforcement"),
      "ENABLED",
    )
  );
}

/**
 * Every Vertex AI endpoint has Model Armor: the project's floor setting enforces Model Armor on Vertex AI
 * (inspect and block), or the stack gives the project a Model Armor template that blocks prompt injection and
 * jailbreaks for the application to screen prompts and responses with. Model Armor's Vertex AI integration
 * screens Gemini generateContent calls; predict calls to a dedicated endpoint pass Model Armor only when the
 * application calls the template (https://docs.cloud.google.com/model-armor/model-armor-vertex-integration).
 * Advisory: a template alone does not show that prompts pass it, and Model Armor is not offered in every
 * region (https://docs.cloud.google.com/model-armor/locations), where SecureAiPlatform reports SAI-MOD-03 as a gap.
 */
export const gcpVertexEndpointRequireModelArmor = defineStackPolicy({
  name: "gcp-vertex-endpoint-require-model-armor",
  cloud: "gcp",
  controls: ["SAI-MOD-03"],
  description:
    "Every Vertex AI endpoint's project has Model Armor: a floor setting (project, folder or organisation parent) with enableFloorSettingEnforcement, AI_PLATFORM in integratedServices, aiPlatformFloorSetting.inspectAndBlock and the prompt-injection/jailbreak filter ENABLED, or a Model Armor template with enforcementType INSPECT_AND_BLOCK and that filter ENABLED.",
  enforcementLevel: "advisory",
  resourceTypes: [GCP_MODEL_ARMOR.vertexEndpoint, GCP_MODEL_ARMOR.floorSetting, GCP_MODEL_ARMOR.template],
  tags: ["vertex", "modelarmor", "guardrail", "ai"],
  validate: (stack, { report }) => {
    const floors = stack.ofType(GCP_MODEL_ARMOR.floorSetting);
    const templates = stack.ofType(GCP_MODEL_ARMOR.template);
    for (const endpoint of stack.ofType(GCP_MODEL_ARMOR.vertexEndpoint)) {
      const project = projectOf(endpoint);
      if (floors.some((floor) => floorCovers(floor, project))) continue;
      if (templates.some((template) => templateBlocks(template, project))) continue;
      const where = isUnknown(project) || project === "" ? "its project" : `project ${String(project)}`;
      report(
        `Vertex AI endpoint "${endpoint.name}": ${where} has no Model Armor floor setting enforcing inspect-and-block on Vertex AI and no blocking Model Armor template (prompt-injection and jailbreak filter ENABLED, INSPECT_AND_BLOCK), so prompts and responses pass no Model Armor screening`,
        endpoint,
      );
    }
  },
});
