/**
 * Disagreements between the backends and the pack that the property tests found and that are not fixed
 * yet. Each entry is narrow (one policy, one message, only for the specs that trigger it) and names why it
 * happens; a finding that does not match an entry fails the property. Delete an entry once it is fixed.
 * Listed in docs/reliability.md.
 */
import type { SecureAiPlatformArgs } from "../../../components/spec/args";
import { hasInstanceStorage } from "../../../components/aws/defaults";
import type { PackDiagnostic } from "../../reliability/support/pack-runtime";

/** A known disagreement. */
export interface KnownFinding {
  /** What happens and which side should change. */
  why: string;
  /** Whether a diagnostic is this known finding for these args. */
  matches(diagnostic: PackDiagnostic, args: SecureAiPlatformArgs): boolean;
}

/** The known disagreements. */
export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    why:
      "SageMaker instance types with local NVMe storage (ml.g5, ml.m5d, ...) cannot take a KMS key for the " +
      "volume, so the AWS backend leaves kmsKeyArn unset (the storage is hardware-encrypted), while " +
      "aws-sagemaker-endpointconfiguration-require-cmk requires kmsKeyArn on every endpoint configuration. " +
      "The policy should accept instance-storage types.",
    matches: (diagnostic, args) =>
      diagnostic.policy === "aws-sagemaker-endpointconfiguration-require-cmk" &&
      diagnostic.message.includes("kmsKeyArn is not set") &&
      args.models.some(
        (model) =>
          (model.serving ?? "sagemaker") === "sagemaker" &&
          model.instanceType !== undefined &&
          hasInstanceStorage(model.instanceType) &&
          diagnostic.urn.endsWith(`-${model.name}-config`),
      ),
  },
];
