/**
 * azure-keyvault-vault-require-rbac accepts an access-policy vault only when every access policy is least
 * privilege: key administration alone, or get/wrapKey/unwrapKey alone (what Azure OpenAI's customer-managed key
 * needs; Microsoft supports that key only on access-policy vaults).
 */
import { describe, expect, it } from "vitest";
import { azureKeyvaultVaultRequireRbac } from "../../../policy-packs/secure-ai/policies/azure/keyvault-vault-require-rbac";
import { runResourcePolicy } from "../gcp/harness";

const VAULT = "azure-native:keyvault:Vault";
const administration = {
  tenantId: "t",
  objectId: "deployer",
  permissions: { keys: ["get", "list", "create", "rotate"] },
};
const wrapping = {
  tenantId: "t",
  objectId: "openai",
  permissions: { keys: ["get", "wrapKey", "unwrapKey"] },
};

function vault(accessPolicies: unknown[] | undefined) {
  return {
    resourceGroupName: "rg",
    properties: {
      tenantId: "t",
      sku: { family: "A", name: "premium" },
      enableRbacAuthorization: false,
      ...(accessPolicies === undefined ? {} : { accessPolicies }),
    },
  };
}

async function violations(props: Record<string, unknown>): Promise<string[]> {
  return (await runResourcePolicy(azureKeyvaultVaultRequireRbac, { type: VAULT, props })).violations;
}

describe("azure-keyvault-vault-require-rbac with access policies", () => {
  it("passes an access-policy vault whose policies are key administration alone and key wrapping alone", async () => {
    expect(await violations(vault([administration, wrapping]))).toEqual([]);
  });

  it("flags an access-policy vault without access policies, as before", async () => {
    expect(await violations(vault(undefined))).toHaveLength(1);
  });

  it("flags a policy that mixes administration with cryptographic use, names it and says why", async () => {
    const mixed = { ...administration, permissions: { keys: ["get", "create", "decrypt"] } };
    const found = await violations(vault([wrapping, mixed]));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(
      "properties.accessPolicies[1] grants key permissions get, create, decrypt (neither key administration alone nor get/wrapKey/unwrapKey alone)",
    );
  });

  it.each(["secrets", "certificates", "storage"])(
    "flags a policy that grants %s permissions",
    async (kind) => {
      const found = await violations(
        vault([{ ...wrapping, permissions: { ...wrapping.permissions, [kind]: ["get"] } }]),
      );
      expect(found[0]).toContain(`properties.accessPolicies[0] grants ${kind} permissions`);
    },
  );

  it("flags 'all' key permissions", async () => {
    expect(await violations(vault([{ ...wrapping, permissions: { keys: ["all"] } }]))).toHaveLength(1);
  });
});
