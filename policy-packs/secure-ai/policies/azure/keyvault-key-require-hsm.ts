import { defineResourcePolicy, describeValue, get, isUnknown, knownString, stringListOption } from "../lib";
import { HIGH_SENSITIVITY_OPTIONS, highSensitivityReason } from "../gcp/high-sensitivity";
import { AZURE } from "./types";

/** Keys of high-sensitivity workloads are HSM-protected. */
export const azureKeyvaultKeyRequireHsm = defineResourcePolicy({
  name: "azure-keyvault-key-require-hsm",
  cloud: "azure",
  controls: ["SAI-ENC-04"],
  description:
    "Key Vault keys marked high sensitivity (a tag from sensitivityLabel, or a name in highSensitivityKeys) use an HSM key type (properties.kty RSA-HSM or EC-HSM, which needs a Premium vault); other keys are not checked.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.keyVaultKey],
  tags: ["keyvault", "encryption", "hsm"],
  config: {
    ...HIGH_SENSITIVITY_OPTIONS,
    allowedKeyTypes: stringListOption({
      default: ["RSA-HSM", "EC-HSM"],
      description: "Key types accepted for high-sensitivity keys.",
    }),
  },
  validate: (resource, { config, report }) => {
    const reason = highSensitivityReason(resource, "tags", config);
    if (reason === undefined) {
      return;
    }
    const kty = get(resource.props, "properties", "kty");
    if (isUnknown(kty)) {
      return;
    }
    const known = knownString(kty);
    if (known === undefined || !config.allowedKeyTypes.includes(known)) {
      report(
        `the key is high sensitivity (${reason}) but properties.kty is ${kty === undefined ? "not set" : describeValue(kty)}; allowed: ${config.allowedKeyTypes.join(", ")}`,
      );
    }
  },
});
