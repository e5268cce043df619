/** AWS-specific defaults and limits of the backend. */
export const AWS_DEFAULTS = {
  /** KMS deletion window: the longest AWS allows, so a scheduled deletion can be noticed and cancelled. */
  keyDeletionWindowDays: 30,
  /** SageMaker instance without local NVMe storage, so that the endpoint's volume takes the model's key. */
  sagemakerInstanceType: "ml.m5.xlarge",
  /**
   * SageMaker container used when a model names none: the AWS Deep Learning Container for PyTorch inference on
   * CPU, from the DLC registry account of the commercial regions. Set `baseModel` to your own image in ECR for
   * production, and for regions served by another DLC account.
   */
  sagemakerImage:
    "763104351884.dkr.ecr.{region}.{dnsSuffix}/pytorch-inference:2.6.0-cpu-py312-ubuntu22.04-sagemaker",
  /** Bedrock foundation model used when a model names none. */
  bedrockModelId: "amazon.nova-lite-v1:0",
  /** Days noncurrent object versions are kept before lifecycle rules delete them (non-personal data). */
  noncurrentVersionDays: 30,
  /** Days noncurrent versions of personal data are kept after expiry: short, so erasure is real. */
  personalDataNoncurrentDays: 1,
  /** Days after which incomplete multipart uploads are aborted. */
  abortMultipartDays: 7,
  /** Metric filter namespace prefix; the component name is appended. */
  metricNamespace: "SecureAiPlatform",
} as const;

/** Service limits the backend validates against. */
export const AWS_LIMITS = {
  /** `rotationPeriodInDays` of a KMS key accepts 90 to 2560. */
  minRotationDays: 90,
} as const;

/** GuardDuty features the platform enables on a detector it creates. */
export const GUARDDUTY_FEATURES = ["S3_DATA_EVENTS", "AI_PROTECTION"] as const;

/**
 * The ALB security policy per minimum TLS version. `TLS13-1-3-PQ-2025-09` accepts TLS 1.3 only and adds hybrid
 * post-quantum key exchange (ML-KEM) for clients that offer it, falling back to classical groups otherwise.
 */
export const ALB_SSL_POLICY = {
  "1.3": "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
  "1.2": "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
} as const;

/** Retention values CloudWatch Logs accepts, in days. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The smallest retention CloudWatch Logs accepts that keeps logs at least `days` days. */
export function logRetentionDays(days: number): number {
  return LOG_RETENTION_DAYS.find((allowed) => allowed >= days) ?? 3653;
}
