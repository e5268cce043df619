import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { azureArgs } from "../helpers/azure-mocks";

/** Entra object IDs used as principals. */
export const PRINCIPALS = {
  breakGlass: "22222222-2222-4222-8222-222222222222",
  scientist: "33333333-3333-4333-8333-333333333333",
} as const;

/** A Key Vault certificate secret for the public API. */
export const CERTIFICATE = "https://kv-certs-0001.vault.azure.net/secrets/api-cert";
/** ARM ID of the vault holding CERTIFICATE. */
export const CERTIFICATE_VAULT_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/certs/providers/Microsoft.KeyVault/vaults/kv-certs-0001";

/** A PEM bundle for mutual TLS. */
export const CA_BUNDLE = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";

/** A fully featured platform: both serving options, an HSM model, personal data, people to notify. */
export function bankArgs(overrides: Partial<SecureAiPlatformArgs> = {}): SecureAiPlatformArgs {
  return azureArgs({
    models: [
      { name: "advisor", sensitivity: "high", baseModel: "gpt-35-turbo:0125" },
      { name: "forecaster", serving: "ml" },
    ],
    datasets: [
      { name: "patients", personalData: true, retentionDays: 30 },
      { name: "claims", personalData: true, retentionDays: 30 },
      { name: "public-docs" },
    ],
    encryption: { breakGlassPrincipals: [PRINCIPALS.breakGlass] },
    identity: {
      dataScientists: [PRINCIPALS.scientist],
      federatedWorkloads: [
        {
          name: "ci",
          issuer: "https://token.actions.githubusercontent.com",
          subject: "repo:acme/ai:ref:refs/heads/main",
        },
      ],
    },
    detection: {
      notificationEmails: ["soc@example.com"],
      notificationWebhooks: ["https://hooks.example.com/secure-ai"],
    },
    ...overrides,
  });
}
