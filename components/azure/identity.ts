import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import type * as storage from "@pulumi/azure-native/storage";
import type * as pulumi from "@pulumi/pulumi";
import type { AzureContext } from "./context";
import { BUILT_IN_ROLES, roleDefinitionId } from "./roles";

/** Audience Entra ID expects in federated tokens exchanged for managed identity tokens. */
export const FEDERATION_AUDIENCE = "api://AzureADTokenExchange";

/** Identities the platform creates, by workload: `model:<name>`, `storage:<class>`, `federated:<name>`. */
export type WorkloadIdentities = Map<string, managedidentity.UserAssignedIdentity>;

/** A user-assigned managed identity for one workload, recorded under `workload`. */
export function workloadIdentity(
  context: AzureContext,
  identities: WorkloadIdentities,
  workload: string,
): managedidentity.UserAssignedIdentity {
  const { name, resourceGroupName, location, tags, opts } = context;
  const identity = new managedidentity.UserAssignedIdentity(
    `${name}-id-${workload.replace(":", "-")}`,
    { resourceGroupName, location, tags },
    opts,
  );
  identities.set(workload, identity);
  return identity;
}

/**
 * Identities for workloads outside Azure (CI runners, other clouds): a managed identity each, trusting the
 * workload's OIDC issuer and subject, so that no client secret exists.
 */
export function buildFederatedWorkloads(
  context: AzureContext,
  identities: WorkloadIdentities,
): managedidentity.FederatedIdentityCredential[] {
  const { spec, name, resourceGroupName, opts } = context;
  return spec.identity.federatedWorkloads.map((workload) => {
    const identity = workloadIdentity(context, identities, `federated:${workload.name}`);
    return new managedidentity.FederatedIdentityCredential(
      `${name}-federation-${workload.name}`,
      {
        resourceGroupName,
        resourceName: identity.name,
        issuer: workload.issuer,
        subject: workload.subject,
        audiences: [FEDERATION_AUDIENCE],
      },
      opts,
    );
  });
}

/** Data scientists get Storage Blob Data Reader on the datasets account: read, never write or delete. */
export function grantDatasetReaders(
  context: AzureContext,
  datasets: storage.StorageAccount,
): authorization.RoleAssignment[] {
  const { spec, name, subscriptionId, opts } = context;
  return spec.identity.dataScientists.map(
    (principalId, index) =>
      new authorization.RoleAssignment(
        `${name}-dataset-reader-${index}`,
        {
          scope: datasets.id,
          principalId,
          roleDefinitionId: roleDefinitionId(subscriptionId, BUILT_IN_ROLES.storageBlobDataReader),
          description: "Data scientist: read-only access to datasets",
        },
        opts,
      ),
  );
}

/** Records the identity controls. */
export function recordIdentityEvidence(
  context: AzureContext,
  identities: WorkloadIdentities,
  federations: pulumi.Resource[],
  readers: pulumi.Resource[],
): void {
  const { spec, evidence } = context;
  evidence.implemented(
    "SAI-IAM-01",
    [...identities.values()],
    "one user-assigned managed identity per workload, each granted only its own key or data",
  );
  if (spec.identity.dataScientists.length > 0) {
    evidence.implemented("SAI-IAM-02", readers, "Storage Blob Data Reader on the datasets account");
  } else {
    evidence.notApplicable("SAI-IAM-02", "no data scientists listed in identity.dataScientists");
  }
  evidence.implemented(
    "SAI-IAM-03",
    federations,
    "workloads use managed identities; shared keys and local auth are off; external workloads federate via OIDC",
  );
  evidence.gap(
    "SAI-IAM-04",
    "MFA for humans is a Microsoft Entra Conditional Access policy, a tenant-level setting this component does not manage (it would need the Microsoft Graph / azuread provider); enforce it in the tenant",
  );
  evidence.gap(
    "SAI-IAM-05",
    "a dedicated production subscription is an organisation decision (subscription vending, management groups); the platform deploys into the provider's subscription and cannot verify it",
  );
}
