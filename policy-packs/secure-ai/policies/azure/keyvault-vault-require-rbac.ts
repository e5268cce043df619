import { defineResourcePolicy, get, isUnknown, knownArray, knownBoolean, requireBoolean } from "../lib";
import { AZURE } from "./types";
import { rawObject } from "./values";

/**
 * Key permissions that administer keys without using them (Key Vault access policy key permissions:
 * learn.microsoft.com/en-us/azure/key-vault/general/rbac-access-policy — "Key permissions").
 */
const KEY_ADMINISTRATION = new Set([
  "get",
  "list",
  "create",
  "update",
  "import",
  "delete",
  "backup",
  "restore",
  "recover",
  "purge",
  "rotate",
  "getrotationpolicy",
  "setrotationpolicy",
]);
/**
 * What a service needs to use a customer-managed key and nothing more: Azure OpenAI's CMK, which Microsoft
 * supports only on vaults with access policies, needs get, wrapKey and unwrapKey for the account's identity
 * (learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest).
 */
const KEY_WRAPPING = new Set(["get", "wrapKey", "unwrapKey"]);

/** Why one access policy is broader than key administration alone or key wrapping alone, or undefined. */
function broaderThanNeeded(policy: unknown): string | undefined {
  const permissions = get(policy, "permissions");
  for (const kind of ["secrets", "certificates", "storage"]) {
    if (knownArray(get(permissions, kind)).length > 0) {
      return `grants ${kind} permissions`;
    }
  }
  const keys = knownArray(get(permissions, "keys")).map((item) => String(item));
  if (keys.every((permission) => KEY_ADMINISTRATION.has(permission))) {
    return undefined;
  }
  if (keys.every((permission) => KEY_WRAPPING.has(permission))) {
    return undefined;
  }
  return `grants key permissions ${keys.join(", ")} (neither key administration alone nor get/wrapKey/unwrapKey alone)`;
}

/**
 * Vault data access is granted with Azure RBAC, per key and per identity; a vault that uses access policies
 * (which Azure OpenAI's customer-managed key requires) passes only when every access policy it declares is
 * least privilege: key administration without cryptographic use, or get/wrapKey/unwrapKey alone, and no secret,
 * certificate or storage permissions.
 */
export const azureKeyvaultVaultRequireRbac = defineResourcePolicy({
  name: "azure-keyvault-vault-require-rbac",
  cloud: "azure",
  controls: ["SAI-ENC-05"],
  description:
    "Key vaults set properties.enableRbacAuthorization true (the API default for this version is false), or declare only least-privilege access policies (key administration alone, or get/wrapKey/unwrapKey alone, as Azure OpenAI's customer-managed key requires); advisory because well-kept access policies can also be least privilege.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.keyVault],
  tags: ["keyvault", "identity"],
  validate: ({ props }, { report }) => {
    const rbac = get(props, "properties", "enableRbacAuthorization");
    if (isUnknown(rbac) || knownBoolean(rbac) === true) {
      requireBoolean(props, ["properties", "enableRbacAuthorization"], true, false, report);
      return;
    }
    const policies = knownArray(get(props, "properties", "accessPolicies"));
    const broad = policies.flatMap((policy, index) => {
      const why = broaderThanNeeded(policy);
      return why === undefined ? [] : [`properties.accessPolicies[${index}] ${why}`];
    });
    if (broad.length > 0 || policies.length === 0) {
      requireBoolean(props, ["properties", "enableRbacAuthorization"], true, false, (message) =>
        report(broad.length > 0 ? `${message}; ${broad.join("; ")}` : message),
      );
    }
  },
  remediate: ({ props }) => {
    const properties = get(props, "properties");
    const rbac = get(properties, "enableRbacAuthorization");
    const policies = knownArray(get(properties, "accessPolicies"));
    const leastPrivilege =
      policies.length > 0 && policies.every((policy) => broaderThanNeeded(policy) === undefined);
    return isUnknown(properties) || rbac === true || isUnknown(rbac) || leastPrivilege
      ? undefined
      : { properties: { ...rawObject(properties), enableRbacAuthorization: true } };
  },
});
