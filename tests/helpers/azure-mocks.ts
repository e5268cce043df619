import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { type BuiltPlatform, type FakeProvider, createMockEngine } from "./mock-engine";

export type { BuiltPlatform, RecordedResource } from "./mock-engine";

/** The subscription and tenant the mocks report. */
export const SUBSCRIPTION_ID = "00000000-0000-4000-8000-000000000001";
/** Tenant ID used by the fixtures. */
export const TENANT_ID = "11111111-1111-4111-8111-111111111111";

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The input that names each resource type physically, where the backend sets it. */
const NAME_INPUTS: Readonly<Record<string, string>> = {
  "azure-native:resources:ResourceGroup": "resourceGroupName",
  "azure-native:keyvault:Vault": "vaultName",
  "azure-native:keyvault:Key": "keyName",
  "azure-native:storage:StorageAccount": "accountName",
  "azure-native:cognitiveservices:Account": "accountName",
  "azure-native:cognitiveservices:RaiPolicy": "raiPolicyName",
  "azure-native:machinelearningservices:Workspace": "workspaceName",
  "azure-native:machinelearningservices:OnlineEndpoint": "endpointName",
  "azure-native:network:ApplicationGateway": "applicationGatewayName",
  "azure-native:privatedns:PrivateZone": "privateZoneName",
  "azure-native:network:Subnet": "subnetName",
};

/** A fake but well-formed ARM ID. */
function armId(type: string, resourceGroup: string, name: string): string {
  const [, service, kind] = type.split(":");
  return `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${resourceGroup || "rg"}/providers/Microsoft.${service}/${kind}/${name}`;
}

function fakeGuid(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hex = hash.toString(16).padStart(8, "0");
  return `${hex}-0000-4000-8000-${hex}0000`;
}

/** The azure-native provider as the mocks fake it: ARM IDs, physical names, key URIs and principal IDs. */
export const azureProvider: FakeProvider = {
  computedState(type, name, inputs) {
    const nameInput = NAME_INPUTS[type];
    // Autonamed resources get the logical name plus a suffix, like the provider does.
    const physical = str(nameInput ? inputs[nameInput] : undefined) || `${name}1a2b3c4d`;
    const id =
      type === "azure-native:keyvault:Key"
        ? `${armId("azure-native:KeyVault:vaults", str(inputs.resourceGroupName), str(inputs.vaultName))}/keys/${physical}`
        : armId(type, str(inputs.resourceGroupName), physical);
    const state: Record<string, unknown> = { ...inputs, name: physical };
    switch (type) {
      case "azure-native:keyvault:Key":
        state.keyUri = `https://${str(inputs.vaultName)}.vault.azure.net/keys/${physical}`;
        state.keyUriWithVersion = `${str(state.keyUri)}/0123456789abcdef0123456789abcdef`;
        break;
      case "azure-native:managedidentity:UserAssignedIdentity":
        state.principalId = fakeGuid(`principal:${name}`);
        state.clientId = fakeGuid(`client:${name}`);
        break;
      case "azure-native:network:PublicIPAddress":
        state.ipAddress = "203.0.113.20";
        break;
    }
    return { id, state };
  },
  invoke(token, inputs) {
    if (token === "azure-native:authorization:getClientConfig") {
      return {
        subscriptionId: SUBSCRIPTION_ID,
        tenantId: TENANT_ID,
        clientId: fakeGuid("deployer-client"),
        objectId: fakeGuid("deployer-object"),
      };
    }
    return inputs;
  },
};

const engine = createMockEngine();

/**
 * Installs Pulumi mocks that answer like azure-native and record every registered resource.
 * @param preview - run as `pulumi preview` (unknown values stay unknown); default `false`.
 * @param project - the Pulumi project the mocks report; default `"azure-test"`.
 */
export async function installAzureMocks(preview = false, project = "azure-test"): Promise<void> {
  await engine.install(azureProvider, { project, preview });
}

/**
 * Minimal valid Azure arguments (one model in westeurope, the fixtures' tenant), with overrides.
 * @param overrides - top-level arguments that replace the minimal ones; default `{}`.
 */
export function azureArgs(overrides: Partial<SecureAiPlatformArgs> = {}): SecureAiPlatformArgs {
  return {
    cloud: "azure",
    azure: { location: "westeurope", tenantId: TENANT_ID },
    // westeurope offers gpt-35-turbo 0125 with a regional Standard deployment, not the default gpt-4o-mini.
    models: [{ name: "chat", baseModel: "gpt-35-turbo:0125" }],
    ...overrides,
  };
}

/**
 * Builds a platform under the Azure mocks and waits until every child is registered.
 * @param name - the component's logical name.
 * @param args - the platform's arguments.
 */
export function buildAzure(name: string, args: SecureAiPlatformArgs): Promise<BuiltPlatform> {
  return engine.build(name, args);
}
