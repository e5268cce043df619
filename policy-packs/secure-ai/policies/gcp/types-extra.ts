/**
 * GCP type tokens of the key-grant, service-account-key and alerting policies, as strings (the pack never
 * loads @pulumi/gcp). Verified against `__pulumiType` in node_modules/@pulumi/gcp 9.37. Kept beside
 * `./types.ts` so that the policies that use them can be added without editing the shared table.
 */
export const GCP_EXTRA = {
  cryptoKeyIamMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  cryptoKeyIamBinding: "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding",
  keyRingIamMember: "gcp:kms/keyRingIAMMember:KeyRingIAMMember",
  keyRingIamBinding: "gcp:kms/keyRingIAMBinding:KeyRingIAMBinding",
  serviceAccount: "gcp:serviceaccount/account:Account",
  serviceAccountKey: "gcp:serviceaccount/key:Key",
  loggingMetric: "gcp:logging/metric:Metric",
  alertPolicy: "gcp:monitoring/alertPolicy:AlertPolicy",
} as const;
