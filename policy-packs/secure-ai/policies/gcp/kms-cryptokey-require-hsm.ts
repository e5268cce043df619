import { defineResourcePolicy, describeValue, get, isUnknown, knownString, stringListOption } from "../lib";
import { HIGH_SENSITIVITY_OPTIONS, highSensitivityReason } from "./high-sensitivity";
import { GCP } from "./types";

/** Keys of high-sensitivity workloads are kept in hardware security modules. */
export const gcpKmsCryptokeyRequireHsm = defineResourcePolicy({
  name: "gcp-kms-cryptokey-require-hsm",
  cloud: "gcp",
  controls: ["SAI-ENC-04"],
  description:
    "Cloud KMS keys marked high sensitivity (a label from sensitivityLabel, or a name in highSensitivityKeys) use versionTemplate.protectionLevel HSM (or an external key manager); other keys are not checked.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.kmsCryptoKey],
  tags: ["kms", "encryption", "hsm"],
  config: {
    ...HIGH_SENSITIVITY_OPTIONS,
    allowedProtectionLevels: stringListOption({
      default: ["HSM", "EXTERNAL", "EXTERNAL_VPC"],
      description: "Protection levels accepted for high-sensitivity keys.",
    }),
  },
  validate: (resource, { config, report }) => {
    const reason = highSensitivityReason(resource, "labels", config);
    if (reason === undefined) {
      return;
    }
    const level = get(resource.props, "versionTemplate", "protectionLevel");
    if (isUnknown(level)) {
      return;
    }
    const known = level === undefined ? "SOFTWARE" : knownString(level);
    if (known === undefined || !config.allowedProtectionLevels.includes(known)) {
      report(
        `the key is high sensitivity (${reason}) but versionTemplate.protectionLevel is ${level === undefined ? "not set (SOFTWARE)" : describeValue(level)}; allowed: ${config.allowedProtectionLevels.join(", ")}`,
      );
    }
  },
});
