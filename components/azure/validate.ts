import { SecureAiConfigError } from "../errors";
import type { ResolvedSpec } from "../spec/resolved";
import { DEFAULT_OPENAI_MODEL, DEFAULT_OPENAI_MODEL_REGIONS } from "./openai-defaults";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_VAULT_SECRET_ID =
  /^https:\/\/[a-z][a-z0-9-]{1,22}[a-z0-9]\.vault\.azure\.net\/secrets\/[A-Za-z0-9-]{1,127}(\/[0-9a-f]{32})?\/?$/;
const MANAGED_HSM_URI = /^https:\/\/[a-z][a-z0-9-]{1,22}[a-z0-9]\.managedhsm\.azure\.net\/?$/;
const KEY_VAULT_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/([a-z][a-z0-9-]{1,22}[a-z0-9])$/i;
/** `<model>` or `<model>:<version>` (Azure OpenAI model names and versions). */
const OPENAI_BASE_MODEL = /^[a-z0-9][a-z0-9.-]*(:[A-Za-z0-9.-]+)?$/;
const EVENT_HUB_RULE_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.EventHub\/namespaces\/[^/]+\/authorizationRules\/[^/]+$/i;

/** Application Gateway allows at most 100 backend pools; the edge gives each model its own. */
export const MAX_MODELS_BEHIND_GATEWAY = 100;

function guids(values: readonly string[], path: string): void {
  values.forEach((value, index) => {
    if (!GUID.test(value)) {
      throw new SecureAiConfigError(
        `${path}[${index}]`,
        value,
        "on Azure, principals are Microsoft Entra object IDs (GUIDs)",
      );
    }
  });
}

/**
 * Azure-specific checks on top of the cloud-neutral validation: principal IDs are Entra object IDs, the
 * certificate is a Key Vault secret, the external key store is a Managed HSM, the SIEM export targets an
 * Event Hub. Pure; runs before the backend registers any resource.
 */
export function checkAzureSpec(spec: ResolvedSpec): void {
  guids(spec.encryption.breakGlassPrincipals, "encryption.breakGlassPrincipals");
  guids(spec.identity.dataScientists, "identity.dataScientists");
  guids(spec.identity.admins, "identity.admins");
  const store = spec.encryption.externalKeyStore;
  if (store !== undefined && !MANAGED_HSM_URI.test(store)) {
    throw new SecureAiConfigError(
      "encryption.externalKeyStore",
      store,
      'on Azure, a Managed HSM URI such as "https://my-hsm.managedhsm.azure.net"',
    );
  }
  if (spec.logging.siem === "export") {
    const destination = spec.logging.siemDestination;
    if (destination === undefined || !EVENT_HUB_RULE_ID.test(destination)) {
      throw new SecureAiConfigError(
        "logging.siemDestination",
        destination,
        "on Azure, the resource ID of an Event Hub namespace authorization rule (/subscriptions/.../authorizationRules/...)",
      );
    }
  }
  if (spec.publicApi.enabled) {
    const certificate = spec.publicApi.certificate;
    if (certificate === undefined || !KEY_VAULT_SECRET_ID.test(certificate)) {
      throw new SecureAiConfigError(
        "publicApi.certificate",
        certificate,
        "on Azure, the public API needs its TLS certificate as a Key Vault secret ID (https://<vault>.vault.azure.net/secrets/<name>); Application Gateway has no managed certificates",
      );
    }
    const vaultId = spec.publicApi.certificateVaultId;
    const vaultName = vaultId === undefined ? undefined : KEY_VAULT_ID.exec(vaultId)?.[1];
    const secretVault = /^https:\/\/([^.]+)\./.exec(certificate)?.[1];
    if (vaultName === undefined || vaultName.toLowerCase() !== secretVault) {
      throw new SecureAiConfigError(
        "publicApi.certificateVaultId",
        vaultId,
        `on Azure, the resource ID of the Key Vault "${secretVault ?? "?"}" that holds publicApi.certificate (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/${secretVault ?? "<name>"}): the gateway's identity must be granted read on the certificate before the gateway exists`,
      );
    }
    if (spec.models.length > MAX_MODELS_BEHIND_GATEWAY) {
      throw new SecureAiConfigError(
        "models",
        `${spec.models.length} models`,
        `at most ${MAX_MODELS_BEHIND_GATEWAY} models behind one Application Gateway (one backend pool each)`,
      );
    }
  }
  spec.models.forEach((model, index) => {
    if (model.serving !== "openai") return;
    if (model.baseModel !== undefined && !OPENAI_BASE_MODEL.test(model.baseModel)) {
      throw new SecureAiConfigError(
        `models[${index}].baseModel`,
        model.baseModel,
        'an Azure OpenAI model as "<model>" or "<model>:<version>", such as "gpt-4o-mini:2024-07-18"',
      );
    }
    if (
      model.baseModel === undefined &&
      !(DEFAULT_OPENAI_MODEL_REGIONS as readonly string[]).includes(spec.azure?.location ?? "")
    ) {
      throw new SecureAiConfigError(
        `models[${index}].baseModel`,
        undefined,
        `the default ${DEFAULT_OPENAI_MODEL.name} ${DEFAULT_OPENAI_MODEL.version} is not offered with a regional Standard deployment in ${spec.azure?.location ?? "?"} (only ${DEFAULT_OPENAI_MODEL_REGIONS.join(", ")}): name a model and version the region offers (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/models#standard-deployment-model-availability)`,
      );
    }
  });
  const existing = spec.network.existing;
  if (existing) {
    const needed = spec.publicApi.enabled ? 2 : 1;
    if (existing.subnetIds.length < needed) {
      throw new SecureAiConfigError(
        "network.existing.subnetIds",
        existing.subnetIds,
        "on Azure with a public API, two subnets: one for private endpoints, one dedicated to the Application Gateway",
      );
    }
  }
}
