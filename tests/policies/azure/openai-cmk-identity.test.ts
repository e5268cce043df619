/**
 * Azure OpenAI reaches its customer-managed key only through its system-assigned identity, and the key is RSA
 * or RSA-HSM 2048 (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest): the rules
 * tests/azure/deploy-readiness.test.ts checks on the platform's own accounts, as pack policies.
 * @pulumi/azure-native 3.28 input names.
 */
import { describe, expect, it } from "vitest";
import { azureCognitiveservicesAccountRequireSystemIdentityForCmk } from "../../../policy-packs/secure-ai/policies/azure/cognitiveservices-account-require-system-identity-for-cmk";
import { azureKeyvaultKeyRequireRsa2048ForOpenai } from "../../../policy-packs/secure-ai/policies/azure/keyvault-key-require-rsa2048-for-openai";
import { describePolicyCase } from "../gcp/case-runner";
import { UNKNOWN, runStackPolicy, withValue, type Fixture } from "../gcp/harness";
import { describeResourcePasses, describeStackPasses } from "../passes";

const ACCOUNT = "azure-native:cognitiveservices:Account";
const IDENTITY =
  "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/chat";

/** An Azure OpenAI account with a customer-managed key, as the platform builds one. */
const openai = {
  resourceGroupName: "rg",
  kind: "OpenAI",
  sku: { name: "S0" },
  identity: { type: "SystemAssigned" },
  properties: {
    customSubDomainName: "sai-chat",
    encryption: {
      keySource: "Microsoft.KeyVault",
      keyVaultProperties: { keyName: "model-chat", keyVaultUri: "https://sai-openai.vault.azure.net/" },
    },
  },
};

describe("Azure OpenAI customer-managed key identity", () => {
  describePolicyCase({
    policy: azureCognitiveservicesAccountRequireSystemIdentityForCmk,
    type: ACCOUNT,
    baseline: openai,
    negatives: [
      ["identity", undefined],
      ["identity", { type: "UserAssigned", userAssignedIdentities: { [IDENTITY]: {} } }],
      ["identity.type", "None"],
      ["properties.encryption.keyVaultProperties.identityClientId", "00000000-0000-4000-8000-000000000001"],
    ],
    unknownPasses: ["identity.type", "kind", "properties.encryption.keySource"],
    passes: [
      ["identity.type", "SystemAssigned, UserAssigned"],
      ["identity.type", "systemassigned"],
      ["kind", "AIServices"],
      ["properties.encryption.keySource", "Microsoft.CognitiveServices"],
      ["properties.encryption", undefined],
      ["properties.encryption.keyVaultProperties.identityClientId", ""],
    ],
  });
  describeResourcePasses(
    azureCognitiveservicesAccountRequireSystemIdentityForCmk,
    ACCOUNT,
    openai,
    "identity.type",
  );
});

const KEY = "azure-native:keyvault:Key";
const keyUrn = `urn:pulumi:test::project::${KEY}::chat-key`;
/** The account above and its key, linked by the key's outputs (as the platform links them). */
const stack: Fixture[] = [
  {
    type: KEY,
    name: "chat-key",
    props: {
      resourceGroupName: "rg",
      vaultName: "sai-openai",
      keyName: "model-chat",
      properties: { kty: "RSA", keySize: 2048 },
    },
  },
  { type: ACCOUNT, name: "chat", props: openai, propertyDependencies: { properties: [keyUrn] } },
];
const editKey = (path: string, value: unknown): Fixture[] =>
  stack.map((entry) =>
    entry.type === KEY ? { ...entry, props: withValue(entry.props, path, value) } : entry,
  );

describe("Azure OpenAI customer-managed key type and size", () => {
  const policy = azureKeyvaultKeyRequireRsa2048ForOpenai;

  it("passes an RSA or RSA-HSM 2048 key", async () => {
    expect((await runStackPolicy(policy, stack)).violations).toEqual([]);
    expect((await runStackPolicy(policy, editKey("properties.kty", "RSA-HSM"))).violations).toEqual([]);
  });

  it.each([
    ["properties.keySize", 3072],
    ["properties.keySize", 4096],
    ["properties.keySize", undefined],
    ["properties.kty", "EC"],
    ["properties.kty", "EC-HSM"],
  ])("reports the key when %s is %s", async (path, value) => {
    const result = await runStackPolicy(policy, editKey(path, value));
    expect(result.violations).toHaveLength(1);
    expect(result.urns).toEqual([keyUrn]);
  });

  it("finds the key by the vault URI and key name the account names", async () => {
    const byName = stack.map((entry) =>
      entry.type === ACCOUNT
        ? { ...entry, propertyDependencies: {} }
        : {
            ...entry,
            props: {
              ...withValue(entry.props, "properties.keySize", 4096),
              keyUri: "https://sai-openai.vault.azure.net/keys/model-chat",
            },
          },
    );
    expect((await runStackPolicy(policy, byName)).violations).toHaveLength(1);
  });

  it("leaves AI Services accounts, Microsoft-managed keys and keys of other accounts alone", async () => {
    const big = editKey("properties.keySize", 4096);
    const withAccount = (path: string, value: unknown) =>
      big.map((entry) =>
        entry.type === ACCOUNT ? { ...entry, props: withValue(entry.props, path, value) } : entry,
      );
    expect((await runStackPolicy(policy, withAccount("kind", "AIServices"))).violations).toEqual([]);
    expect(
      (
        await runStackPolicy(
          policy,
          withAccount("properties.encryption.keySource", "Microsoft.CognitiveServices"),
        )
      ).violations,
    ).toEqual([]);
    expect(
      (
        await runStackPolicy(
          policy,
          big.map((entry) => ({ ...entry, propertyDependencies: {} })),
        )
      ).violations,
    ).toEqual([]);
  });

  describeStackPasses(policy, stack, editKey("properties.keySize", UNKNOWN));
});
