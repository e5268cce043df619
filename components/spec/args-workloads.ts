/**
 * The workloads of a platform: the models it serves and the datasets it stores (part of the public arguments
 * of SecureAiPlatform, re-exported by ./args).
 */

/** A model the platform serves. */
export interface ModelArgs {
  /** Model name: lowercase letters, digits and hyphens, starting with a letter, at most 24 characters. */
  name: string;
  /**
   * `"standard"` or `"high"`. High-sensitivity models (financial, healthcare) get HSM-backed keys.
   * @default "standard"
   */
  sensitivity?: string;
  /**
   * How the model is served. AWS: `"sagemaker"` or `"bedrock"`; GCP: `"vertex"`; Azure: `"openai"` or `"ml"`.
   * @default the cloud's first choice: "sagemaker" on AWS, "vertex" on GCP, "openai" on Azure
   */
  serving?: string;
  /**
   * The foundation or container model the endpoint runs: a Bedrock model ID, a SageMaker container image,
   * a Vertex model resource name, or an Azure OpenAI model name.
   * @default a small general-purpose model of the chosen service
   */
  baseModel?: string;
  /**
   * Compute size for self-hosted serving (SageMaker instance type, Vertex machine type, Azure ML SKU).
   * @default the backend's smallest production-grade size
   */
  instanceType?: string;
  /**
   * How strictly the model's managed guardrail filters prompts and responses (SAI-MOD-03): `"high"`,
   * `"medium"` or `"low"`. `"high"` is each cloud's strongest setting (Bedrock filter strength HIGH, Azure
   * severity threshold Low, Model Armor LOW_AND_ABOVE); a weaker one needs a waiver for SAI-MOD-03.
   * @default "high"
   */
  guardrailStrength?: string;
  /**
   * SageMaker only: the object key, in the platform's artifacts bucket, of the model's packaged weights (a
   * `model.tar.gz` under `models/<name>/`). SageMaker's CreateModel checks that the object exists and that the
   * execution role can read it, so a SageMaker model is served only once this is set: the first `pulumi up`
   * builds the bucket, the model's key and role and the publisher role; upload the artifact with the publisher
   * role (SSE-KMS with the model's key), set this, and run `pulumi up` again.
   * @default undefined (the SageMaker model, endpoint configuration and endpoint are not created yet)
   */
  artifact?: string;
  /**
   * Azure OpenAI only: `"bootstrap"` or `"customer-managed"`. Microsoft supports a customer-managed key on Azure
   * OpenAI only through the account's system-assigned identity, granted get, wrap and unwrap in a vault that
   * uses access policies, and that identity exists only once the account does. `"bootstrap"` (the model's first
   * `pulumi up`) creates the account with Microsoft-managed keys and grants its identity the model's key;
   * `"customer-managed"` (every later `pulumi up`) switches the account to the key.
   * @default "customer-managed"
   */
  encryptionStage?: string;
  /**
   * Which scope of the AWS Generative AI Security Scoping Matrix the model is
   * (https://aws.amazon.com/ai/generative-ai/security/scoping-matrix/): `"pre-trained"` (Scope 3, a versioned
   * model used as it is), `"fine-tuned"` (Scope 4, tuned on your data) or `"self-trained"` (Scope 5, trained from
   * scratch on your data). Bedrock and Azure OpenAI models are the provider's foundation models served from its
   * API and can only be `"pre-trained"`. The scope decides what is built for training data: only where a model is
   * fine-tuned or self-trained does the platform build the training identity (AWS: SageMaker training jobs may
   * assume the publisher role; GCP: the `training` service account, with read on datasets, write on the shared
   * artifacts bucket and on each trained model's bucket, and Vertex AI user); Azure builds no training identity on
   * any scope. Every model's serving resources carry the tag (label) `secure-ai-model-scope` with the scope, and
   * the evidence's shared-responsibility table lists each model's scope.
   * @default "pre-trained" for Bedrock and Azure OpenAI models; "fine-tuned" for SageMaker, Vertex AI and Azure ML models
   */
  scope?: string;
}

/** A dataset the platform stores for training, tuning or retrieval. */
export interface DatasetArgs {
  /** Dataset name: lowercase letters, digits and hyphens, starting with a letter, at most 24 characters. */
  name: string;
  /**
   * Whether the dataset holds personal data. Personal data needs `retentionDays` and is deleted by
   * lifecycle rules when it expires (GDPR storage limitation).
   * @default false
   */
  personalData?: boolean;
  /**
   * Days an object is kept before lifecycle rules delete it (1 to 3650). Required when `personalData` is true.
   * @default undefined (kept until deleted, only for data that is not personal)
   */
  retentionDays?: number;
}
