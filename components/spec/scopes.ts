/**
 * Which scope of the AWS Generative AI Security Scoping Matrix a model is
 * (https://aws.amazon.com/ai/generative-ai/security/scoping-matrix/ and
 * https://aws.amazon.com/blogs/security/securing-generative-ai-an-introduction-to-the-generative-ai-security-scoping-matrix/).
 * The matrix has five scopes: Scope 1 consumer app and Scope 2 enterprise app (buying generative AI), Scope 3
 * pre-trained models (an app built on a versioned model, e.g. Amazon Bedrock base models), Scope 4 fine-tuned
 * models (a model fine-tuned on your data) and Scope 5 self-trained models (a model trained from scratch on your
 * data). A platform that builds and serves models is always Scope 3, 4 or 5; the spec names them by what happens
 * to the model: `pre-trained` → Scope 3, `fine-tuned` → Scope 4, `self-trained` → Scope 5.
 */

/** The scopes a model of the spec can be, Scope 3 to Scope 5 of the Scoping Matrix. */
export const MODEL_SCOPES = ["pre-trained", "fine-tuned", "self-trained"] as const;
/** One model scope. */
export type ModelScope = (typeof MODEL_SCOPES)[number];

/** The Scoping Matrix scope each model scope is (the names `ai-vocabulary.ts` uses for `scopingMatrix`). */
export const SCOPING_MATRIX_SCOPE: Readonly<Record<ModelScope, "Scope 3" | "Scope 4" | "Scope 5">> = {
  "pre-trained": "Scope 3",
  "fine-tuned": "Scope 4",
  "self-trained": "Scope 5",
};

/**
 * The scopes each serving choice accepts; the first is the default. Bedrock and Azure OpenAI models are the
 * provider's foundation models invoked through its API: the platform invokes Bedrock base models
 * (`foundation-model/<id>`) and deploys Azure OpenAI base models by name, and builds no Bedrock custom model or
 * Azure OpenAI fine-tuned deployment, so they are only `pre-trained`. SageMaker, Vertex AI endpoints and Azure ML
 * serve weights the platform stores for the model (its artifact bucket or container), which default to
 * `fine-tuned` and may be declared `pre-trained` (unchanged weights) or `self-trained`.
 */
export const SCOPES_BY_SERVING: Readonly<Record<string, readonly ModelScope[]>> = {
  bedrock: ["pre-trained"],
  openai: ["pre-trained"],
  sagemaker: ["fine-tuned", "pre-trained", "self-trained"],
  vertex: ["fine-tuned", "pre-trained", "self-trained"],
  ml: ["fine-tuned", "pre-trained", "self-trained"],
};

/** Why a serving choice accepts only some scopes, for the validation error. */
export const SCOPE_LIMIT_REASON: Readonly<Record<string, string>> = {
  bedrock:
    "the platform invokes Bedrock foundation models as the provider serves them and builds no Bedrock custom model",
  openai: "the platform deploys Azure OpenAI base models by name and builds no fine-tuned deployment",
};

/** Whether the platform trains or tunes a model of this scope (Scope 4 or 5): training data is written and read. */
export function isTrainedScope(scope: ModelScope): boolean {
  return scope !== "pre-trained";
}

/** Whether any model of the spec is fine-tuned or self-trained, so the platform needs a training identity. */
export function platformTrains(models: readonly { scope: ModelScope }[]): boolean {
  return models.some((model) => isTrainedScope(model.scope));
}

/** The tag (label) key each model's serving resources carry with their scope. */
export const MODEL_SCOPE_TAG = "secure-ai-model-scope";

/**
 * The tags (GCP: labels) of a model's serving resources: the platform's, plus the model's scope. The key and the
 * values (`pre-trained`, `fine-tuned`, `self-trained`) are lowercase letters and hyphens, which AWS tags, Azure
 * tags and Google Cloud labels all accept.
 */
export function modelTags(
  tags: Readonly<Record<string, string>>,
  model: { scope: ModelScope },
): Record<string, string> {
  return { ...tags, [MODEL_SCOPE_TAG]: model.scope };
}
