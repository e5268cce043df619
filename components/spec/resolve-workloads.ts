import { SecureAiConfigError } from "../errors";
import {
  optionalArray,
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalString,
  requireObject,
  rejectUnknownKeys,
} from "./checks";
import { DEFAULTS, LIMITS } from "./defaults";
import { checkName, checkUniqueNames } from "./names";
import { MODEL_SCOPES, type ModelScope, SCOPE_LIMIT_REASON, SCOPES_BY_SERVING } from "./scopes";
import {
  type CloudName,
  ENCRYPTION_STAGES,
  GUARDRAIL_STRENGTHS,
  type ResolvedDataset,
  type ResolvedModel,
  SENSITIVITIES,
  SERVING_BY_CLOUD,
} from "./resolved";

const MODEL_KEYS = [
  "name",
  "sensitivity",
  "serving",
  "baseModel",
  "instanceType",
  "guardrailStrength",
  "artifact",
  "encryptionStage",
  "scope",
] as const;
const DATASET_KEYS = ["name", "personalData", "retentionDays"] as const;

/** Resolves `models`: at least one, unique valid names, known sensitivity and serving for the cloud. */
export function resolveModels(value: unknown, cloud: CloudName, hsmForAll: boolean): ResolvedModel[] {
  if (value === undefined || value === null) {
    throw new SecureAiConfigError("models", value, "at least one model is required");
  }
  const items = optionalArray(value, "models");
  if (items.length === 0) throw new SecureAiConfigError("models", value, "at least one model is required");
  if (items.length > LIMITS.maxModels) {
    throw new SecureAiConfigError(
      "models",
      `${items.length} models`,
      `at most ${LIMITS.maxModels} models per platform`,
    );
  }
  const models = items.map((item, index): ResolvedModel => {
    const path = `models[${index}]`;
    const model = requireObject(item, path, "a model { name, sensitivity?, serving? }");
    rejectUnknownKeys(model, path, MODEL_KEYS);
    const sensitivity = optionalChoice(
      model.sensitivity,
      `${path}.sensitivity`,
      SENSITIVITIES,
      DEFAULTS.sensitivity,
    );
    const servingChoices = SERVING_BY_CLOUD[cloud];
    const serving = optionalChoice(model.serving, `${path}.serving`, servingChoices, servingChoices[0]);
    const artifact = optionalString(model.artifact, `${path}.artifact`);
    if (artifact !== undefined && serving !== "sagemaker") {
      throw new SecureAiConfigError(
        `${path}.artifact`,
        artifact,
        `only SageMaker models take an artifact; this model is served by ${serving}`,
      );
    }
    if (model.encryptionStage !== undefined && serving !== "openai") {
      throw new SecureAiConfigError(
        `${path}.encryptionStage`,
        model.encryptionStage,
        `only Azure OpenAI models take an encryptionStage; this model is served by ${serving}`,
      );
    }
    return {
      name: checkName(model.name, `${path}.name`),
      sensitivity,
      serving,
      artifact,
      ...(serving === "openai"
        ? {
            encryptionStage: optionalChoice(
              model.encryptionStage,
              `${path}.encryptionStage`,
              ENCRYPTION_STAGES,
              "customer-managed",
            ),
          }
        : {}),
      hsm: hsmForAll || sensitivity === "high",
      baseModel: optionalString(model.baseModel, `${path}.baseModel`),
      instanceType: optionalString(model.instanceType, `${path}.instanceType`),
      guardrailStrength: optionalChoice(
        model.guardrailStrength,
        `${path}.guardrailStrength`,
        GUARDRAIL_STRENGTHS,
        DEFAULTS.guardrailStrength,
      ),
      scope: resolveScope(model.scope, `${path}.scope`, serving),
    };
  });
  checkUniqueNames(
    models.map((m) => m.name),
    "models",
  );
  return models;
}

/**
 * Resolves a model's Scoping Matrix scope: one of MODEL_SCOPES, and one its serving choice accepts; absent, the
 * serving choice's default.
 */
function resolveScope(value: unknown, path: string, serving: string): ModelScope {
  const accepted = SCOPES_BY_SERVING[serving] ?? MODEL_SCOPES;
  const scope = optionalChoice(value, path, MODEL_SCOPES, accepted[0] ?? "pre-trained");
  if (!accepted.includes(scope)) {
    const allowed = accepted.map((a) => `"${a}"`).join(", ");
    const reason = SCOPE_LIMIT_REASON[serving];
    throw new SecureAiConfigError(
      path,
      value,
      `allowed values for a model served by ${serving} are ${allowed}${reason ? ` (${reason})` : ""}`,
    );
  }
  return scope;
}

/** Resolves `datasets`: unique valid names; personal data must carry a retention period. */
export function resolveDatasets(value: unknown): ResolvedDataset[] {
  const items = optionalArray(value, "datasets");
  if (items.length > LIMITS.maxDatasets) {
    throw new SecureAiConfigError(
      "datasets",
      `${items.length} datasets`,
      `at most ${LIMITS.maxDatasets} datasets per platform`,
    );
  }
  const datasets = items.map((item, index): ResolvedDataset => {
    const path = `datasets[${index}]`;
    const dataset = requireObject(item, path, "a dataset { name, personalData?, retentionDays? }");
    rejectUnknownKeys(dataset, path, DATASET_KEYS);
    const name = checkName(dataset.name, `${path}.name`);
    const personalData = optionalBoolean(dataset.personalData, `${path}.personalData`, false);
    const retentionDays = optionalInteger(
      dataset.retentionDays,
      `${path}.retentionDays`,
      LIMITS.retentionDays,
      undefined,
      "days",
    );
    if (personalData && retentionDays === undefined) {
      throw new SecureAiConfigError(
        `${path}.retentionDays`,
        undefined,
        `personal data needs a retention period: an integer from ${LIMITS.retentionDays.min} to ${LIMITS.retentionDays.max} days`,
      );
    }
    return { name, personalData, retentionDays };
  });
  checkUniqueNames(
    datasets.map((d) => d.name),
    "datasets",
  );
  return datasets;
}
