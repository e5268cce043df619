import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy, get, knownString, type StackView } from "../lib";
import { AZURE } from "./types";

/** `<vault host>/keys/<name>` of a key URI, lower case (ARM and Key Vault compare names case-insensitively). */
function keyPath(uri: string): string | undefined {
  const match = /^https:\/\/([^/]+)\/keys\/([^/]+)/i.exec(uri.trim());
  return match === null ? undefined : `${match[1]}/keys/${match[2]}`.toLowerCase();
}

/** The key a model resource encrypts with, as named in its properties (AI Services account or ML workspace). */
function namedKey(resource: PolicyResource): string | undefined {
  if (resource.type === AZURE.cognitiveAccount) {
    const vault = knownString(
      get(resource.props, "properties", "encryption", "keyVaultProperties", "keyVaultUri"),
    );
    const name = knownString(
      get(resource.props, "properties", "encryption", "keyVaultProperties", "keyName"),
    );
    return vault === undefined || name === undefined
      ? undefined
      : keyPath(`${vault.replace(/\/+$/, "")}/keys/${name}`);
  }
  const identifier = knownString(get(resource.props, "encryption", "keyVaultProperties", "keyIdentifier"));
  return identifier === undefined ? undefined : keyPath(identifier);
}

/** Which key a model resource uses: the stack's key its encryption was computed from, or the key it names. */
export function keyOf(stack: StackView, resource: PolicyResource): string | undefined {
  const property = resource.type === AZURE.cognitiveAccount ? "properties" : "encryption";
  const source = (resource.propertyDependencies?.[property] ?? []).find(
    (dependency) => dependency.type === AZURE.keyVaultKey,
  );
  if (source !== undefined) {
    return source.urn;
  }
  const path = namedKey(resource);
  if (path === undefined) {
    return undefined;
  }
  const key = stack
    .ofType(AZURE.keyVaultKey)
    .find((candidate) => keyPath(knownString(get(candidate.props, "keyUri")) ?? "") === path);
  return key?.urn ?? path;
}

/**
 * Every customer-facing model has its own key: no Key Vault key is the customer-managed key of two AI
 * Services (OpenAI) accounts or two Azure ML workspaces, so one model's data can be revoked alone. Within one
 * account or workspace Azure applies a single key to every deployment (the catalog reports that as a gap:
 * https://learn.microsoft.com/azure/ai-services/encryption/cognitive-services-encryption-keys-portal).
 */
export const azureKeyvaultKeyLimitToOneModel = defineStackPolicy({
  name: "azure-keyvault-key-limit-to-one-model",
  cloud: "azure",
  controls: ["SAI-ENC-02"],
  description:
    "No Key Vault key is the customer-managed key of two model resources: cognitiveservices Accounts (properties.encryption.keyVaultProperties keyVaultUri + keyName) and machinelearningservices Workspaces (encryption.keyVaultProperties.keyIdentifier) each use a key no other account or workspace uses; advisory (waive two resources of one model).",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.keyVaultKey, AZURE.cognitiveAccount, AZURE.mlWorkspace],
  tags: ["keyvault", "encryption", "models"],
  validate: (stack, { report }) => {
    const byKey = new Map<string, PolicyResource[]>();
    for (const resource of [...stack.ofType(AZURE.cognitiveAccount), ...stack.ofType(AZURE.mlWorkspace)]) {
      const key = keyOf(stack, resource);
      if (key !== undefined) {
        byKey.set(key, [...(byKey.get(key) ?? []), resource]);
      }
    }
    for (const [key, users] of byKey) {
      if (users.length < 2) {
        continue;
      }
      const name = stack.resources.find((resource) => resource.urn === key)?.name ?? key;
      for (const user of users) {
        report(
          `"${user.name}" shares customer-managed key ${name} with ${users
            .filter((other) => other !== user)
            .map((other) => `"${other.name}"`)
            .join(", ")}: give each customer-facing model its own key`,
          user,
        );
      }
    }
  },
});
