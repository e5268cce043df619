import type * as pulumi from "@pulumi/pulumi";
import * as modelarmor from "@pulumi/gcp/modelarmor";
import * as projects from "@pulumi/gcp/projects";
import type { GuardrailStrength } from "../spec/resolved";
import { fitName } from "./names";
import type { GcpScope } from "./scope";

/*
 * Model Armor templates for the platform's models (SAI-MOD-03). Values the Model Armor API checks:
 * - locations where Model Armor is offered (regions and the `eu` / `us` multi-regions):
 *   https://docs.cloud.google.com/model-armor/locations
 * - the API to enable (modelarmor.googleapis.com) and the template's filters:
 *   https://cloud.google.com/security-command-center/docs/manage-model-armor-templates
 * - confidence levels (LOW_AND_ABOVE | MEDIUM_AND_ABOVE | HIGH), responsible-AI filter types (SEXUALLY_EXPLICIT,
 *   HATE_SPEECH, HARASSMENT, DANGEROUS), ENABLED | DISABLED and INSPECT_ONLY | INSPECT_AND_BLOCK, as the
 *   installed @pulumi/gcp documents them (gcp.modelarmor.Template, types modelarmor.TemplateFilterConfig);
 * - the role that may call sanitizeUserPrompt / sanitizeModelResponse (roles/modelarmor.user), and what the
 *   Vertex AI integration screens (Gemini generateContent calls only, through floor settings or
 *   model_armor_config): https://docs.cloud.google.com/model-armor/model-armor-vertex-integration
 */

/** Regions where Model Armor is offered, per its locations page. */
export const MODEL_ARMOR_REGIONS: readonly string[] = [
  "asia-south1",
  "asia-southeast1",
  "us-central1",
  "us-east1",
  "us-east4",
  "us-west1",
  "europe-west1",
  "europe-west2",
  "europe-west3",
  "europe-west4",
];

/** Model Armor confidence level for each guardrail strength; LOW_AND_ABOVE is the strongest. */
export const MODEL_ARMOR_CONFIDENCE: Readonly<Record<GuardrailStrength, string>> = {
  high: "LOW_AND_ABOVE",
  medium: "MEDIUM_AND_ABOVE",
  low: "HIGH",
};

/** Responsible-AI filter types of a template. */
export const MODEL_ARMOR_RAI_FILTERS = [
  "SEXUALLY_EXPLICIT",
  "HATE_SPEECH",
  "HARASSMENT",
  "DANGEROUS",
] as const;

/** Role that lets an application screen prompts and responses with a template. */
export const MODEL_ARMOR_USER_ROLE = "roles/modelarmor.user";

/**
 * Where the platform's templates live: its own region when Model Armor is offered there, else the Model Armor
 * multi-region on the same continent (`eu` for `europe-*`, `us` for `us-*`), else nowhere.
 */
export function modelArmorLocation(region: string): string | undefined {
  if (MODEL_ARMOR_REGIONS.includes(region)) return region;
  if (region.startsWith("europe-")) return "eu";
  if (region.startsWith("us-")) return "us";
  return undefined;
}

/** The filters of a template at the given strength: every filter on, blocking. */
export function modelArmorFilterConfig(strength: GuardrailStrength) {
  const confidenceLevel = MODEL_ARMOR_CONFIDENCE[strength];
  return {
    piAndJailbreakFilterSettings: { filterEnforcement: "ENABLED", confidenceLevel },
    raiSettings: {
      raiFilters: MODEL_ARMOR_RAI_FILTERS.map((filterType) => ({ filterType, confidenceLevel })),
    },
    sdpSettings: { basicConfig: { filterEnforcement: "ENABLED" } },
    maliciousUriFilterSettings: { filterEnforcement: "ENABLED" },
  };
}

/** The Model Armor templates, by model name (empty when Model Armor is not offered near the region). */
export interface ModelArmor {
  templates: Record<string, modelarmor.Template>;
  location?: string;
}

/**
 * Enables the Model Armor API and builds one template per model, and lets the gateway identity (the
 * application in front of the endpoints) screen prompts and responses with them. Records SAI-MOD-03 honestly:
 * nothing routes the endpoints' predict calls through Model Armor, so the control is a gap.
 */
export function buildModelArmor(scope: GcpScope, gatewayMember: pulumi.Input<string>): ModelArmor {
  const { name, project, region, spec, parent, labels } = scope;
  const location = modelArmorLocation(region);
  if (location === undefined) {
    scope.evidence.gap(
      "SAI-MOD-03",
      `Model Armor is not offered in ${region} or a multi-region containing it, so no template screens the models' prompts and responses`,
    );
    return { templates: {} };
  }
  const api = new projects.Service(
    `${name}-modelarmor-api`,
    { project, service: "modelarmor.googleapis.com", disableOnDestroy: false },
    { parent },
  );
  const templates: Record<string, modelarmor.Template> = {};
  for (const model of spec.models) {
    templates[model.name] = new modelarmor.Template(
      `${name}-${model.name}-armor`,
      {
        project,
        location,
        templateId: fitName([name, model.name, "armor"], 63),
        filterConfig: modelArmorFilterConfig(model.guardrailStrength),
        templateMetadata: {
          enforcementType: "INSPECT_AND_BLOCK",
          logSanitizeOperations: true,
          logTemplateOperations: true,
          multiLanguageDetection: { enableMultiLanguageDetection: true },
        },
        labels,
      },
      { parent, dependsOn: [api] },
    );
  }
  const grant = new projects.IAMMember(
    `${name}-gateway-modelarmor`,
    { project, role: MODEL_ARMOR_USER_ROLE, member: gatewayMember },
    { parent, dependsOn: [api] },
  );
  const all = Object.values(templates);
  const levels = spec.models.map((m) => `${m.name} ${MODEL_ARMOR_CONFIDENCE[m.guardrailStrength]}`);
  scope.evidence.implemented(
    "SAI-MOD-03",
    [api, ...all, grant],
    `Model Armor templates in ${location}, INSPECT_AND_BLOCK: prompt-injection and jailbreak, responsible-AI (${levels.join(", ")}), Sensitive Data Protection and malicious-URI filters; the gateway identity holds ${MODEL_ARMOR_USER_ROLE}`,
  );
  scope.evidence.gap(
    "SAI-MOD-03",
    "nothing in the platform routes prompts through Model Armor: its Vertex AI integration screens only Gemini generateContent calls, and the platform's dedicated Vertex AI endpoints serve predict calls that Model Armor does not screen; the application must call the templates' sanitizeUserPrompt and sanitizeModelResponse",
    all,
  );
  return { templates, location };
}
