import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AzureNames, KEY_VAULT_PATTERN, STORAGE_ACCOUNT_PATTERN } from "../../components/azure/names";
import { deterministicGuid } from "../../components/azure/sentinel";
import { NAME_PATTERN } from "../../components/spec/names";

const componentName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,22}[a-z0-9]$/)
  .filter((name) => NAME_PATTERN.test(name));

describe("Azure names", () => {
  it("derives valid storage account and Key Vault names from any valid component name", () => {
    fc.assert(
      fc.property(
        componentName,
        fc.constantFrom("datasets", "artifacts", "audit-logs"),
        (component, purpose) => {
          const names = new AzureNames(component, ["project", "stack"]);
          expect(names.storageAccount(purpose)).toMatch(STORAGE_ACCOUNT_PATTERN);
          expect(names.keyVault()).toMatch(KEY_VAULT_PATTERN);
          expect(names.bounded(`${component}-${purpose}-workspace`, 33).length).toBeLessThanOrEqual(33);
        },
      ),
    );
  });

  it("is deterministic per stack and differs between stacks and purposes", () => {
    const prod = new AzureNames("chatbot", ["secure-ai-platform", "azure-prod"]);
    const again = new AzureNames("chatbot", ["secure-ai-platform", "azure-prod"]);
    const dev = new AzureNames("chatbot", ["secure-ai-platform", "azure-dev"]);
    expect(prod.keyVault()).toBe(again.keyVault());
    expect(prod.keyVault()).not.toBe(dev.keyVault());
    expect(prod.storageAccount("datasets")).not.toBe(prod.storageAccount("artifacts"));
    expect(prod.customSubDomain("chat")).toMatch(/^chatbot-chat-[0-9a-f]{8}$/);
  });

  it("formats deterministic GUIDs", () => {
    expect(deterministicGuid(["a"])).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(deterministicGuid(["a"])).toBe(deterministicGuid(["a"]));
    expect(deterministicGuid(["a"])).not.toBe(deterministicGuid(["b"]));
  });
});
