import * as authorization from "@pulumi/azure-native/authorization";
import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedModel } from "../spec/resolved";
import { modelTags } from "../spec/scopes";
import { type AzureContext, dependingOn } from "./context";
import { AZURE_NAME_LIMITS } from "./names";
import { type AzureKeys, grantKeyUse } from "./keys";
import type { PrivateEndpoints } from "./private-endpoints";
import { BUILT_IN_ROLES, roleDefinitionId } from "./roles";
import type { ServedModel } from "./serving-types";
import { buildMlWorkspaceStore, grantWorkspaceOperator } from "./serving-ml-store";
import { type AzureStorage, modelContainerName } from "./storage";

/**
 * Azure ML for one model: a workspace encrypted with the model's key (HBI for high sensitivity), no public
 * network access, a managed network that only allows approved outbound traffic, identity-based datastores,
 * and an online endpoint that accepts Entra ID tokens only and has no public access.
 */
export function buildMlModel(
  context: AzureContext,
  model: ResolvedModel,
  keys: AzureKeys,
  storage: AzureStorage,
  privateEndpoints: PrivateEndpoints,
  identity: ServedModel["identity"],
): ServedModel {
  const { name, names, resourceGroupName, location, subscriptionId, opts } = context;
  const tags = modelTags(context.tags, model);
  const purpose = `model:${model.name}`;
  const key = keys.keys.get(purpose);
  if (!key) throw new Error(`no key for ${purpose}`);
  const grant = grantKeyUse(context, keys, purpose, {
    label: `model-${model.name}`,
    principalId: identity.principalId,
  });
  const artifacts = storage.accounts.artifacts.account;
  // The model reads its own artifacts container only, never the other models' (SAI-MOD-01).
  const dataGrant = new authorization.RoleAssignment(
    `${name}-model-${model.name}-artifacts-reader`,
    {
      scope: pulumi.interpolate`${artifacts.id}/blobServices/default/containers/${modelContainerName(model.name)}`,
      principalId: identity.principalId,
      principalType: "ServicePrincipal",
      roleDefinitionId: roleDefinitionId(subscriptionId, BUILT_IN_ROLES.storageBlobDataReader),
      description: `Azure ML workspace of ${model.name}: reads its own artifacts container`,
    },
    opts,
  );
  const store = buildMlWorkspaceStore(context, model, identity, key, keys.vaultUri, grant, privateEndpoints);
  const workspaceName = names.bounded(`${name}-${model.name}`, AZURE_NAME_LIMITS.mlWorkspace);
  const workspace = new machinelearningservices.Workspace(
    `${name}-model-${model.name}`,
    {
      resourceGroupName,
      location,
      workspaceName,
      kind: "Default",
      identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
      primaryUserAssignedIdentity: identity.id,
      storageAccount: store.account.id,
      keyVault: store.vault.id,
      encryption: {
        status: "Enabled",
        identity: { userAssignedIdentity: identity.id },
        // Azure ML takes a versioned key identifier: it does not follow rotation by itself.
        keyVaultProperties: {
          keyVaultArmId: keys.vault.id,
          keyIdentifier: key.resource.keyUriWithVersion,
          identityClientId: identity.clientId,
        },
      },
      hbiWorkspace: model.sensitivity === "high",
      publicNetworkAccess: "Disabled",
      allowPublicAccessWhenBehindVnet: false,
      managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
      systemDatastoresAuthMode: "identity",
      v1LegacyMode: false,
      tags,
    },
    dependingOn(context, [grant, dataGrant, ...store.grants]),
  );
  const operator = grantWorkspaceOperator(context, model, identity, workspace);
  const endpointName = names.bounded(`${name}-${model.name}`, AZURE_NAME_LIMITS.onlineEndpoint);
  const onlineEndpoint = new machinelearningservices.OnlineEndpoint(
    `${name}-model-${model.name}-endpoint`,
    {
      resourceGroupName,
      location,
      workspaceName: workspace.name,
      endpointName,
      identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
      properties: { authMode: "AADToken", publicNetworkAccess: "Disabled" },
      tags,
    },
    opts,
  );
  const privateEndpoint = privateEndpoints.add({
    name: `model-${model.name}`,
    resourceId: workspace.id,
    groupId: "amlworkspace",
    zones: ["azuremlApi", "azuremlNotebooks"],
  });
  const backendHost = `${endpointName}.${location}.inference.ml.azure.com`;
  return {
    model,
    identity,
    keyGrant: grant,
    service: workspace,
    serviceId: workspace.id,
    endpoint: `https://${backendHost}/score`,
    backendHost,
    resources: [
      workspace,
      onlineEndpoint,
      privateEndpoint,
      dataGrant,
      store.account,
      store.vault,
      ...store.grants,
      ...operator,
    ],
    versionPinned: true,
    ownVault: store.vault,
  };
}
