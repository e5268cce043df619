import { booleanOption, defineResourcePolicy, get, isSet } from "../lib";
import { HIGH_SENSITIVITY_OPTIONS, highSensitivityReason } from "../gcp/high-sensitivity";
import { AWS } from "./types";

/**
 * Keys of high-sensitivity workloads keep their material inside hardware security modules.
 *
 * What is honest to check on AWS: every key KMS generates (`aws.kms.Key` without a custom key store) is
 * created and used only inside AWS KMS's FIPS 140-3 level 3 validated HSMs, so a standard key already meets
 * "HSM-backed". What breaks it is key material made elsewhere: an `aws.kms.ExternalKey` (origin EXTERNAL,
 * imported material that exists outside the HSMs, too) and, unless allowed, an external key store (XKS,
 * material in a key manager AWS cannot vouch for). Organisations whose policy demands single-tenant HSMs set
 * `requireCloudHsm`, and then a high-sensitivity key must live in a CloudHSM custom key store.
 */
export const awsKmsKeyRequireHsm = defineResourcePolicy({
  name: "aws-kms-key-require-hsm",
  cloud: "aws",
  controls: ["SAI-ENC-04"],
  description:
    "KMS keys marked high sensitivity (a tag from sensitivityLabel, or a name in highSensitivityKeys) keep their material in HSMs: no imported material (aws.kms.ExternalKey), no external key store (xksKeyId) unless allowExternalKeyStore, and a CloudHSM customKeyStoreId when requireCloudHsm; other keys are not checked.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.kmsKey, AWS.kmsExternalKey],
  tags: ["kms", "encryption", "hsm"],
  config: {
    ...HIGH_SENSITIVITY_OPTIONS,
    requireCloudHsm: booleanOption({
      default: false,
      description:
        "Require single-tenant CloudHSM: high-sensitivity keys must set customKeyStoreId (a CloudHSM key store). Off by default because standard KMS keys already live in FIPS 140-3 level 3 HSMs.",
    }),
    allowExternalKeyStore: booleanOption({
      default: true,
      description:
        "Accept high-sensitivity keys in an external key store (xksKeyId), whose key manager is the owner's HSM outside AWS.",
    }),
  },
  validate: (resource, { config, report }) => {
    const reason = highSensitivityReason(resource, "tags", config);
    if (reason === undefined) {
      return;
    }
    if (resource.type === AWS.kmsExternalKey) {
      report(
        `the key is high sensitivity (${reason}) but holds imported key material (origin EXTERNAL), generated outside the KMS HSMs and kept outside them too; use an aws.kms.Key`,
      );
      return;
    }
    if (isSet(get(resource.props, "xksKeyId"))) {
      if (config.requireCloudHsm || !config.allowExternalKeyStore) {
        report(
          `the key is high sensitivity (${reason}) but lives in an external key store (xksKeyId is set), which ${config.requireCloudHsm ? "is not the CloudHSM key store requireCloudHsm asks for" : "allowExternalKeyStore does not accept"}`,
        );
      }
      return;
    }
    if (config.requireCloudHsm && !isSet(get(resource.props, "customKeyStoreId"))) {
      report(
        `the key is high sensitivity (${reason}) and requireCloudHsm is set, but customKeyStoreId is not set (the key would be a multi-tenant KMS key)`,
      );
    }
  },
});
