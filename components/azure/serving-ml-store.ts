import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import type * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedModel } from "../spec/resolved";
import { type AzureContext, dependingOn, retainedOpts } from "./context";
import { SOFT_DELETE_DAYS } from "./keys";
import type { PrivateEndpoints } from "./private-endpoints";
import { BUILT_IN_ROLES, roleDefinitionId } from "./roles";

/*
 * What an Azure ML workspace with a user-assigned identity needs, per Microsoft ("Set up authentication between
 * Azure Machine Learning and other services", RBAC roles by scenario,
 * https://learn.microsoft.com/en-us/azure/machine-learning/how-to-identity-based-service-authentication#rbac-roles-by-scenario):
 * "Contributor on workspace, Storage Blob Data Contributor on storage, Key Vault Administrator, or access policies
 * on key vault, Contributor on ACR". Granting those on the platform's shared artifacts account and main vault would
 * let one model's identity read every other model's artifacts and use every key (SAI-IAM-01, SAI-MOD-01), so each
 * ML model gets a storage account and a secrets vault of its own, on which its identity holds those roles. The
 * workspace's container registry is created by Azure ML on first image build (not by the platform).
 */

/** A model's own workspace storage and secrets vault, with the grants its identity needs before the workspace. */
export interface MlWorkspaceStore {
  account: storage.StorageAccount;
  vault: keyvault.Vault;
  grants: authorization.RoleAssignment[];
}

/** The storage account and secrets vault of one ML model's workspace, encrypted with the model's key. */
export function buildMlWorkspaceStore(
  context: AzureContext,
  model: ResolvedModel,
  identity: managedidentity.UserAssignedIdentity,
  key: { keyName: string },
  vaultUri: string,
  keyGrant: pulumi.Resource,
  privateEndpoints: PrivateEndpoints,
): MlWorkspaceStore {
  const { name, names, resourceGroupName, location, tenantId, subscriptionId, tags, opts } = context;
  const account = new storage.StorageAccount(
    `${name}-model-${model.name}-store`,
    {
      resourceGroupName,
      location,
      accountName: names.storageAccount(`ml-${model.name}`),
      kind: "StorageV2",
      sku: { name: "Standard_ZRS" },
      identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
      encryption: {
        keySource: "Microsoft.Keyvault",
        keyVaultProperties: { keyName: key.keyName, keyVaultUri: vaultUri },
        encryptionIdentity: { encryptionUserAssignedIdentity: identity.id },
        requireInfrastructureEncryption: true,
        services: {
          blob: { enabled: true, keyType: "Account" },
          file: { enabled: true, keyType: "Account" },
        },
      },
      allowSharedKeyAccess: false,
      defaultToOAuthAuthentication: true,
      allowBlobPublicAccess: false,
      allowCrossTenantReplication: false,
      allowedCopyScope: "PrivateLink",
      isLocalUserEnabled: false,
      isSftpEnabled: false,
      publicNetworkAccess: "Disabled",
      networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: "TLS1_2",
      tags,
    },
    retainedOpts(context, [keyGrant]),
  );
  const vault = new keyvault.Vault(
    `${name}-model-${model.name}-secrets`,
    {
      resourceGroupName,
      location,
      vaultName: names.mlSecretsVault(model.name),
      properties: {
        tenantId,
        sku: { family: "A", name: "standard" },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        softDeleteRetentionInDays: SOFT_DELETE_DAYS,
        enablePurgeProtection: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
        enabledForDeployment: false,
        enabledForDiskEncryption: false,
        enabledForTemplateDeployment: false,
      },
      tags,
    },
    retainedOpts(context),
  );
  const grant = (label: string, scope: pulumi.Input<string>, role: string, description: string) =>
    new authorization.RoleAssignment(
      `${name}-model-${model.name}-${label}`,
      {
        scope,
        principalId: identity.principalId,
        principalType: "ServicePrincipal",
        roleDefinitionId: roleDefinitionId(subscriptionId, role),
        description,
      },
      opts,
    );
  const grants = [
    grant(
      "store-writer",
      account.id,
      BUILT_IN_ROLES.storageBlobDataContributor,
      `Azure ML workspace of ${model.name}: its own system datastores`,
    ),
    grant(
      "secrets-admin",
      vault.id,
      BUILT_IN_ROLES.keyVaultAdministrator,
      `Azure ML workspace of ${model.name}: its own secrets vault (holds no keys)`,
    ),
  ];
  privateEndpoints.add({
    name: `ml-${model.name}-store`,
    resourceId: account.id,
    groupId: "blob",
    zones: ["blob"],
  });
  privateEndpoints.add({
    name: `ml-${model.name}-secrets`,
    resourceId: vault.id,
    groupId: "vault",
    zones: ["vault"],
  });
  return { account, vault, grants };
}

/**
 * The workspace-scoped half of "Contributor on workspace": a custom role with the Azure ML workspace's own actions
 * (`Microsoft.MachineLearningServices/workspaces/*`), assigned on the model's workspace only once it exists. The
 * built-in Contributor would also match, but it is a privileged role the platform does not assign.
 */
export function grantWorkspaceOperator(
  context: AzureContext,
  model: ResolvedModel,
  identity: managedidentity.UserAssignedIdentity,
  workspace: pulumi.CustomResource & { id: pulumi.Output<string> },
): pulumi.Resource[] {
  const { name, subscriptionId, resourceGroupName, opts } = context;
  const groupScope = pulumi.interpolate`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`;
  const role = new authorization.RoleDefinition(
    `${name}-model-${model.name}-operator-role`,
    {
      scope: groupScope,
      roleName: pulumi.interpolate`Secure AI ML workspace operator (${name}-${model.name})`,
      description: "The Azure ML workspace's own actions on that workspace",
      roleType: "CustomRole",
      assignableScopes: [groupScope],
      permissions: [{ actions: ["Microsoft.MachineLearningServices/workspaces/*"] }],
    },
    opts,
  );
  const assignment = new authorization.RoleAssignment(
    `${name}-model-${model.name}-operator`,
    {
      scope: workspace.id,
      principalId: identity.principalId,
      principalType: "ServicePrincipal",
      roleDefinitionId: role.id,
      description: `Azure ML workspace of ${model.name}: operates its own workspace`,
    },
    dependingOn(context, [workspace]),
  );
  return [role, assignment];
}
