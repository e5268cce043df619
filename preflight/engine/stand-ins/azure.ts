/**
 * Azure stand-ins: ARM resource IDs (`/subscriptions/<s>/resourceGroups/<g>/providers/<Namespace>/<type>/<name>`,
 * Azure Resource Manager docs, "Resource ID"), identities' principal and client IDs, and the endpoints that
 * other resources read (Key Vault URI, key URIs, Cognitive Services endpoint, storage endpoints).
 */
import { hexOf, lastWord, lowerFirst, plural, textInput, uuidOf } from "./names";
import type { StandInIdentity, StandInSubject } from "./types";

/** Resource provider namespace per azure-native module, where it is not `Microsoft.<Module>`. */
const NAMESPACE: Readonly<Record<string, string>> = {
  keyvault: "Microsoft.KeyVault",
  storage: "Microsoft.Storage",
  cognitiveservices: "Microsoft.CognitiveServices",
  network: "Microsoft.Network",
  privatedns: "Microsoft.Network",
  managedidentity: "Microsoft.ManagedIdentity",
  operationalinsights: "Microsoft.OperationalInsights",
  insights: "Microsoft.Insights",
  monitor: "Microsoft.Insights",
  machinelearningservices: "Microsoft.MachineLearningServices",
  security: "Microsoft.Security",
  securityinsights: "Microsoft.SecurityInsights",
  authorization: "Microsoft.Authorization",
  sql: "Microsoft.Sql",
  documentdb: "Microsoft.DocumentDB",
  web: "Microsoft.Web",
  containerservice: "Microsoft.ContainerService",
  containerregistry: "Microsoft.ContainerRegistry",
  dbforpostgresql: "Microsoft.DBforPostgreSQL",
  dbformysql: "Microsoft.DBforMySQL",
  eventhub: "Microsoft.EventHub",
  servicebus: "Microsoft.ServiceBus",
  search: "Microsoft.Search",
  apimanagement: "Microsoft.ApiManagement",
  compute: "Microsoft.Compute",
  cache: "Microsoft.Cache",
};

/** Child resources: the parent segments before the resource's own collection, from the inputs. */
const CHILD_PATH: Readonly<Record<string, (inputs: Record<string, unknown>) => string>> = {
  "azure-native:keyvault:Key": (i) => `vaults/${textInput(i, "vaultName") ?? "vault"}/keys`,
  "azure-native:keyvault:Secret": (i) => `vaults/${textInput(i, "vaultName") ?? "vault"}/secrets`,
  "azure-native:storage:BlobContainer": (i) =>
    `storageAccounts/${textInput(i, "accountName") ?? "account"}/blobServices/default/containers`,
  "azure-native:storage:EncryptionScope": (i) =>
    `storageAccounts/${textInput(i, "accountName") ?? "account"}/encryptionScopes`,
  "azure-native:storage:BlobServiceProperties": (i) =>
    `storageAccounts/${textInput(i, "accountName") ?? "account"}/blobServices`,
  "azure-native:storage:ManagementPolicy": (i) =>
    `storageAccounts/${textInput(i, "accountName") ?? "account"}/managementPolicies`,
  "azure-native:cognitiveservices:Deployment": (i) =>
    `accounts/${textInput(i, "accountName") ?? "account"}/deployments`,
  "azure-native:cognitiveservices:RaiPolicy": (i) =>
    `accounts/${textInput(i, "accountName") ?? "account"}/raiPolicies`,
  "azure-native:network:Subnet": (i) =>
    `virtualNetworks/${textInput(i, "virtualNetworkName") ?? "vnet"}/subnets`,
  "azure-native:network:PrivateDnsZoneGroup": (i) =>
    `privateEndpoints/${textInput(i, "privateEndpointName") ?? "endpoint"}/privateDnsZoneGroups`,
  "azure-native:privatedns:VirtualNetworkLink": (i) =>
    `privateDnsZones/${textInput(i, "privateZoneName") ?? "zone"}/virtualNetworkLinks`,
  "azure-native:machinelearningservices:OnlineEndpoint": (i) =>
    `workspaces/${textInput(i, "workspaceName") ?? "workspace"}/onlineEndpoints`,
};

/** Collection names that are not the plural of the class name. */
const COLLECTION: Readonly<Record<string, string>> = {
  "azure-native:privatedns:PrivateZone": "privateDnsZones",
  "azure-native:monitor:DiagnosticSetting": "diagnosticSettings",
  "azure-native:monitor:SubscriptionDiagnosticSetting": "diagnosticSettings",
  "azure-native:security:Pricing": "pricings",
  "azure-native:securityinsights:SentinelOnboardingState": "onboardingStates",
  "azure-native:securityinsights:ScheduledAlertRule": "alertRules",
  "azure-native:storage:BlobServiceProperties": "default",
  "azure-native:storage:ManagementPolicy": "default",
};

/** The input that carries the resource's own name: `vaultName`, `accountName`, `keyName`, ... */
function nameInputOf(type: string, inputs: Record<string, unknown>): string | undefined {
  const kind = type.split(":")[2] ?? "";
  const candidates = [
    `${lowerFirst(kind)}Name`,
    `${lowerFirst(lastWord(kind))}Name`,
    type === "azure-native:privatedns:PrivateZone" ? "privateZoneName" : "",
    type === "azure-native:storage:BlobContainer" ? "containerName" : "",
    type === "azure-native:securityinsights:ScheduledAlertRule" ? "ruleId" : "",
    type === "azure-native:monitor:SubscriptionDiagnosticSetting" ? "name" : "",
    type === "azure-native:monitor:DiagnosticSetting" ? "name" : "",
    type === "azure-native:security:Pricing" ? "pricingName" : "",
  ].filter((candidate) => candidate !== "");
  return candidates.find((candidate) => textInput(inputs, candidate) !== undefined) ?? candidates[0];
}

/**
 * The ID, physical name and identifying outputs Azure returns for a new resource.
 *
 * @param subject - the resource.
 */
export function azureIdentity(subject: StandInSubject): StandInIdentity {
  const { type, name, inputs, ids } = subject;
  const [, module = "", kind = ""] = type.split(":");
  const service = module.split("/")[0] ?? "";
  const namespace = NAMESPACE[service] ?? `Microsoft.${service.charAt(0).toUpperCase()}${service.slice(1)}`;
  const nameInput = nameInputOf(type, inputs);
  const generated =
    service === "storage" && kind === "StorageAccount"
      ? `${name
          .replace(/[^a-z0-9]/gi, "")
          .toLowerCase()
          .slice(0, 16)}${hexOf(8, type, name)}`
      : `${name}${hexOf(8, type, name)}`;
  const physicalName =
    COLLECTION[type] === "default" ? "default" : ((nameInput && textInput(inputs, nameInput)) ?? generated);
  const group = textInput(inputs, "resourceGroupName") ?? "rg";
  const collection = CHILD_PATH[type]?.(inputs) ?? COLLECTION[type] ?? plural(lowerFirst(kind));
  const scope = textInput(inputs, "scope") ?? textInput(inputs, "resourceUri");
  let id: string;
  if (type === "azure-native:resources:ResourceGroup") {
    id = `/subscriptions/${ids.azureSubscriptionId}/resourceGroups/${physicalName}`;
  } else if (scope !== undefined) {
    id = `${scope}/providers/${namespace}/${collection}/${physicalName}`;
  } else if (textInput(inputs, "resourceGroupName") === undefined) {
    id = `/subscriptions/${ids.azureSubscriptionId}/providers/${namespace}/${collection}/${physicalName}`;
  } else {
    id = `/subscriptions/${ids.azureSubscriptionId}/resourceGroups/${group}/providers/${namespace}/${collection}/${physicalName}`;
  }
  if (
    type === "azure-native:storage:BlobServiceProperties" ||
    type === "azure-native:storage:ManagementPolicy"
  ) {
    id = id.replace(/\/default\/default$/, "/default");
  }
  const outputs: Record<string, unknown> = {
    name: physicalName,
    type: `${namespace}/${collection
      .split("/")
      .filter((_, index, all) => index % 2 === 0 || index === all.length - 1)
      .pop()}`,
  };
  if (nameInput !== undefined) {
    outputs[nameInput] = physicalName;
  }
  Object.assign(outputs, endpointsOf(type, physicalName, inputs, id));
  const identity = identityOutputs(inputs["identity"], id, ids.azureTenantId);
  if (type === "azure-native:managedidentity:UserAssignedIdentity") {
    Object.assign(outputs, {
      principalId: uuidOf("principal", id),
      clientId: uuidOf("client", id),
      tenantId: ids.azureTenantId,
    });
  }
  return { id, physicalName, outputs, ...(identity !== undefined ? { replaces: { identity } } : {}) };
}

/** Endpoints and URIs that other resources read back. */
function endpointsOf(
  type: string,
  physicalName: string,
  inputs: Record<string, unknown>,
  id: string,
): Record<string, unknown> {
  switch (type) {
    case "azure-native:keyvault:Vault":
      return { properties: { vaultUri: `https://${physicalName}.vault.azure.net/` } };
    case "azure-native:keyvault:Key": {
      const vault = textInput(inputs, "vaultName") ?? "vault";
      const uri = `https://${vault}.vault.azure.net/keys/${physicalName}`;
      return { keyUri: uri, keyUriWithVersion: `${uri}/${hexOf(32, id)}` };
    }
    case "azure-native:cognitiveservices:Account": {
      const properties = (inputs["properties"] ?? {}) as Record<string, unknown>;
      const subdomain = textInput(properties, "customSubDomainName") ?? physicalName;
      const domain = inputs["kind"] === "OpenAI" ? "openai.azure.com" : "cognitiveservices.azure.com";
      return { properties: { endpoint: `https://${subdomain}.${domain}/` } };
    }
    case "azure-native:storage:StorageAccount":
      return {
        primaryEndpoints: Object.fromEntries(
          ["blob", "dfs", "file", "queue", "table", "web"].map((service) => [
            service,
            `https://${physicalName}.${service}.core.windows.net/`,
          ]),
        ),
      };
    case "azure-native:operationalinsights:Workspace":
      return { customerId: uuidOf("workspace", id) };
    case "azure-native:machinelearningservices:Workspace":
      return { workspaceId: uuidOf("ml-workspace", id) };
    default:
      return {};
  }
}

/** `identity` as Azure returns it: principal and tenant for a system-assigned one, IDs per user-assigned one. */
function identityOutputs(
  identity: unknown,
  id: string,
  tenantId: string,
): Record<string, unknown> | undefined {
  if (typeof identity !== "object" || identity === null) {
    return undefined;
  }
  const declared = identity as Record<string, unknown>;
  const kind = typeof declared["type"] === "string" ? declared["type"] : "";
  const result: Record<string, unknown> = { ...declared };
  if (kind.includes("SystemAssigned")) {
    result["principalId"] = uuidOf("system-principal", id);
    result["tenantId"] = tenantId;
  }
  const assigned = declared["userAssignedIdentities"];
  const list = Array.isArray(assigned)
    ? assigned
    : typeof assigned === "object" && assigned !== null
      ? Object.keys(assigned)
      : [];
  if (list.length > 0) {
    result["userAssignedIdentities"] = Object.fromEntries(
      list
        .filter((item): item is string => typeof item === "string")
        .map((item) => [item, { principalId: uuidOf("principal", item), clientId: uuidOf("client", item) }]),
    );
  }
  return result;
}
