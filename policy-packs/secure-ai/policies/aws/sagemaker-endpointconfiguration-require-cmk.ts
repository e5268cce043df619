import { defineResourcePolicy, get, requireSet } from "../lib";
import { AWS } from "./types";
import { volumeKeyNeed } from "./sagemaker-variant-storage";

/** SageMaker endpoint configurations encrypt their volumes and captured data with customer-managed keys. */
export const awsSagemakerEndpointconfigurationRequireCmk = defineResourcePolicy({
  name: "aws-sagemaker-endpointconfiguration-require-cmk",
  cloud: "aws",
  controls: ["SAI-ENC-01", "SAI-MOD-01"],
  description:
    "SageMaker endpoint configurations set kmsKeyArn for the ML storage volume (unless every production and " +
    "shadow variant uses an instance type with local NVMe storage, which SageMaker encrypts in hardware and " +
    "which rejects a volume key), and kmsKeyId for data capture and async inference output when those are configured.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.sagemakerEndpointConfiguration],
  tags: ["sagemaker", "encryption", "ai"],
  validate: ({ props }, { report }) => {
    const volumeKey = volumeKeyNeed(props);
    if (volumeKey.required) {
      requireSet(props, ["kmsKeyArn"], report, volumeKey.why);
    }
    if (get(props, "dataCaptureConfig") !== undefined) {
      requireSet(
        props,
        ["dataCaptureConfig", "kmsKeyId"],
        report,
        "captured requests and responses hold model inputs",
      );
    }
    if (get(props, "asyncInferenceConfig", "outputConfig") !== undefined) {
      requireSet(
        props,
        ["asyncInferenceConfig", "outputConfig", "kmsKeyId"],
        report,
        "async inference results hold model outputs",
      );
    }
  },
});
