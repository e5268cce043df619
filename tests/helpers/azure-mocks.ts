import * as pulumi from "@pulumi/pulumi";
import { dependencyNames, linkBackendForVitest } from "./backend-link";
import { PLATFORM_TYPE, SecureAiPlatform } from "../../components";
import * as azureBackend from "../../components/azure";
import type { ControlEvidenceOutput } from "../../components/evidence";
import type { SecureAiPlatformArgs } from "../../components/spec/args";

/** A resource the Azure backend registered, as the engine saw it. */
export interface RecordedResource {
  type: string;
  /** Logical (URN) name. */
  name: string;
  /** Inputs with every Output resolved (what the mock engine received). */
  inputs: Record<string, unknown>;
  /** Logical names of the resources it `dependsOn`. */
  dependsOn: string[];
}

/** The subscription and tenant the mocks report. */
export const SUBSCRIPTION_ID = "00000000-0000-4000-8000-000000000001";
/** Tenant ID used by the fixtures. */
export const TENANT_ID = "11111111-1111-4111-8111-111111111111";

const byName = new Map<string, { type: string; inputs: Record<string, unknown> }>();

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

/** Computed outputs the azure-native provider would return. */
function computedState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): { id: string; state: object } {
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
}

/** Installs Pulumi mocks that answer like azure-native and record every registered resource. */
export async function installAzureMocks(preview = false, project = "azure-test"): Promise<void> {
  linkBackendForVitest("azure", azureBackend);
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        byName.set(`${args.type}::${args.name}`, {
          type: args.type,
          inputs: args.inputs as Record<string, unknown>,
        });
        return computedState(args.type, args.name, args.inputs as Record<string, unknown>);
      },
      call: (args) => {
        if (args.token === "azure-native:authorization:getClientConfig") {
          return {
            subscriptionId: SUBSCRIPTION_ID,
            tenantId: TENANT_ID,
            clientId: fakeGuid("deployer-client"),
            objectId: fakeGuid("deployer-object"),
          };
        }
        return args.inputs;
      },
    },
    project,
    "dev",
    preview,
  );
}

/** A built platform: its component, the resources it registered, and its outputs resolved. */
export interface BuiltPlatform {
  platform: SecureAiPlatform;
  resources: RecordedResource[];
  controls: ControlEvidenceOutput[];
  outputs: {
    keys: Record<string, string>;
    storage: Record<string, string>;
    modelEndpoints: Record<string, string>;
    networkId: string;
    workloadIdentities: Record<string, string>;
    findingsDestination: string;
    publicEndpoint: string | undefined;
  };
  /** Resources of one type. */
  ofType(type: string): RecordedResource[];
  /** The one resource of this type with this logical name. */
  named(type: string, name: string): RecordedResource;
  /** The evidence entry of one control. */
  control(id: string): ControlEvidenceOutput;
}

function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((value) => done(value)));
}

/** Minimal valid Azure arguments. */
export function azureArgs(overrides: Partial<SecureAiPlatformArgs> = {}): SecureAiPlatformArgs {
  return {
    cloud: "azure",
    azure: { location: "westeurope", tenantId: TENANT_ID },
    models: [{ name: "chat" }],
    ...overrides,
  };
}

/** Builds a platform under the mocks and waits until every child is registered. */
export async function buildAzure(name: string, args: SecureAiPlatformArgs): Promise<BuiltPlatform> {
  const seen: { type: string; name: string; dependsOn: string[] }[] = [];
  const platform = new SecureAiPlatform(name, args, {
    transformations: [
      (transform) => {
        seen.push({
          type: transform.type,
          name: transform.name,
          dependsOn: dependencyNames(transform.opts.dependsOn),
        });
        return undefined;
      },
    ],
  });
  const [
    controls,
    keys,
    storage,
    modelEndpoints,
    networkId,
    workloadIdentities,
    findingsDestination,
    publicEndpoint,
  ] = await Promise.all([
    resolve(platform.controls),
    resolve(platform.keys),
    resolve(platform.storage),
    resolve(platform.modelEndpoints),
    resolve(platform.networkId),
    resolve(platform.workloadIdentities),
    resolve(platform.findingsDestination),
    resolve(platform.publicEndpoint),
  ]);
  // Let registrations that no output depends on finish too.
  for (let round = 0; round < 100 && seen.some((r) => !byName.has(`${r.type}::${r.name}`)); round++) {
    await new Promise((done) => setTimeout(done, 5));
  }
  const resources = seen
    .filter((r) => r.type !== PLATFORM_TYPE)
    .map((r): RecordedResource => {
      const registered = byName.get(`${r.type}::${r.name}`);
      if (!registered) throw new Error(`resource ${r.name} was never registered`);
      return { type: registered.type, name: r.name, inputs: registered.inputs, dependsOn: r.dependsOn };
    });
  return {
    platform,
    resources,
    controls,
    outputs: {
      keys,
      storage,
      modelEndpoints,
      networkId,
      workloadIdentities,
      findingsDestination,
      publicEndpoint,
    },
    ofType: (type) => resources.filter((r) => r.type === type),
    named: (type, resourceName) => {
      const found = resources.filter((r) => r.type === type && r.name === resourceName);
      if (found.length !== 1)
        throw new Error(`expected one ${type} named ${resourceName}, found ${found.length}`);
      return found[0];
    },
    control: (id) => {
      const found = controls.find((entry) => entry.id === id);
      if (!found) throw new Error(`no evidence for ${id}`);
      return found;
    },
  };
}
