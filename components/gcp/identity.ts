import type * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/gcp/iam";
import * as projects from "@pulumi/gcp/projects";
import * as serviceaccount from "@pulumi/gcp/serviceaccount";
import * as storage from "@pulumi/gcp/storage";
import { serviceAccountId, workloadIdentityId } from "./names";
import type { GcpScope } from "./scope";
import type { PlatformBuckets } from "./storage";
import { isTrainedScope, platformTrains } from "../spec/scopes";

/**
 * The platform's workloads, each with its own service account and only the roles it needs:
 * - `serving`: the identity deployed models run as; reads model artifacts.
 * - `training`: pipelines that read datasets and write artifacts and models; built only where a model is
 *   fine-tuned or self-trained (models[i].scope), and granted write only on those models' buckets.
 * - `gateway`: the application in front of the endpoints (and behind the public API); calls predictions.
 */
export const WORKLOADS = ["serving", "training", "gateway"] as const;
/** One built-in workload. */
export type Workload = (typeof WORKLOADS)[number];

/** Vertex AI role to call endpoints and run jobs. */
export const VERTEX_USER = "roles/aiplatform.user";
/** Read-only Vertex AI role for data scientists. */
export const VERTEX_VIEWER = "roles/aiplatform.viewer";
/** Read-only object role. */
export const OBJECT_VIEWER = "roles/storage.objectViewer";
/** Write-only object role (no overwrite, no delete). */
export const OBJECT_CREATOR = "roles/storage.objectCreator";

/** The platform's identities. */
export interface PlatformIdentities {
  /** Service accounts by workload (built-in and federated). */
  accounts: Record<string, serviceaccount.Account>;
  /** Workload identity pool, when any workload runs outside Google Cloud. */
  pool?: iam.WorkloadIdentityPool;
  resources: pulumi.Resource[];
}

/**
 * Builds one service account per workload with narrowly scoped grants, workload identity federation for
 * workloads outside Google Cloud (no service-account keys anywhere), and read-only dataset access for data
 * scientists.
 */
export function buildIdentities(scope: GcpScope, buckets: PlatformBuckets): PlatformIdentities {
  const { name, project, spec } = scope;
  const opts = { parent: scope.parent };
  const accounts: Record<string, serviceaccount.Account> = {};
  const grants: pulumi.Resource[] = [];
  const account = (workload: string, description: string) =>
    new serviceaccount.Account(
      `${name}-${workload}`,
      {
        accountId: serviceAccountId(name, workload),
        project,
        displayName: `${name} ${workload}`,
        description,
      },
      opts,
    );
  const bucketGrant = (suffix: string, bucket: storage.Bucket, role: string, member: pulumi.Input<string>) =>
    new storage.BucketIAMMember(`${name}-${suffix}`, { bucket: bucket.name, role, member }, opts);
  const projectGrant = (suffix: string, role: string, member: pulumi.Input<string>) =>
    new projects.IAMMember(`${name}-${suffix}`, { project, role, member }, opts);

  accounts.serving = account("serving", "Identity deployed models run as: reads model artifacts");
  // The training identity exists only where a model is fine-tuned or self-trained (Scoping Matrix Scope 4 or 5).
  const training = platformTrains(spec.models)
    ? account("training", "Training pipelines: read datasets, write artifacts")
    : undefined;
  if (training) accounts.training = training;
  accounts.gateway = account("gateway", "Application in front of the model endpoints: calls predictions");
  for (const [model, bucket] of Object.entries(buckets.modelArtifacts)) {
    grants.push(bucketGrant(`serving-reads-${model}`, bucket, OBJECT_VIEWER, accounts.serving.member));
    const scope = spec.models.find((m) => m.name === model)?.scope;
    if (training && scope !== undefined && isTrainedScope(scope)) {
      grants.push(bucketGrant(`training-writes-${model}`, bucket, OBJECT_CREATOR, training.member));
    }
  }
  if (training) {
    grants.push(bucketGrant("training-reads-datasets", buckets.datasets, OBJECT_VIEWER, training.member));
    grants.push(bucketGrant("training-writes-artifacts", buckets.artifacts, OBJECT_CREATOR, training.member));
    grants.push(projectGrant("training-vertex", VERTEX_USER, training.member));
  }
  grants.push(projectGrant("gateway-vertex", VERTEX_USER, accounts.gateway.member));

  let pool: iam.WorkloadIdentityPool | undefined;
  const federation: pulumi.Resource[] = [];
  if (spec.identity.federatedWorkloads.length > 0) {
    pool = new iam.WorkloadIdentityPool(
      `${name}-federation`,
      {
        workloadIdentityPoolId: workloadIdentityId([name, "federation"]),
        project,
        displayName: `${name} federation`.slice(0, 32),
        description: "Workloads outside Google Cloud, authenticated by OIDC instead of keys",
      },
      opts,
    );
    for (const workload of spec.identity.federatedWorkloads) {
      const providerId = workloadIdentityId([name, workload.name]);
      const provider = new iam.WorkloadIdentityPoolProvider(
        `${name}-federation-${workload.name}`,
        {
          workloadIdentityPoolId: pool.workloadIdentityPoolId,
          workloadIdentityPoolProviderId: providerId,
          project,
          oidc: { issuerUri: workload.issuer },
          attributeMapping: { "google.subject": "assertion.sub" },
          // Only the one subject may exchange tokens through this provider.
          attributeCondition: `assertion.sub == ${JSON.stringify(workload.subject)}`,
        },
        opts,
      );
      const federated = account(
        `fed-${workload.name}`,
        `Federated workload ${workload.name} (${workload.issuer})`,
      );
      accounts[`fed-${workload.name}`] = federated;
      const impersonation = new serviceaccount.IAMMember(
        `${name}-federation-${workload.name}-impersonates`,
        {
          serviceAccountId: federated.name,
          role: "roles/iam.workloadIdentityUser",
          member: pool.name.apply(
            (poolName) => `principal://iam.googleapis.com/${poolName}/subject/${workload.subject}`,
          ),
        },
        opts,
      );
      const use = projectGrant(`federation-${workload.name}-vertex`, VERTEX_USER, federated.member);
      federation.push(provider, federated, impersonation, use);
    }
  }

  const readers = spec.identity.dataScientists.flatMap((principal, index) => [
    bucketGrant(`data-scientist-${index}-datasets`, buckets.datasets, OBJECT_VIEWER, principal),
    projectGrant(`data-scientist-${index}-vertex`, VERTEX_VIEWER, principal),
  ]);

  const resources = [...Object.values(accounts), ...grants, ...(pool ? [pool] : []), ...federation];
  recordIdentityEvidence(scope, { accounts, pool, resources }, readers);
  return { accounts, pool, resources };
}

function recordIdentityEvidence(
  scope: GcpScope,
  identities: PlatformIdentities,
  readers: pulumi.Resource[],
): void {
  const { evidence, spec } = scope;
  evidence.implemented(
    "SAI-IAM-01",
    identities.resources,
    identities.accounts.training
      ? "one service account per workload (serving, training, gateway, each federated workload), each granted only its buckets and Vertex AI role"
      : "one service account per workload (serving, gateway, each federated workload), each granted only its buckets and Vertex AI role; no training account, as every model is pre-trained (models[i].scope) and nothing trains on the datasets",
  );
  if (readers.length > 0) {
    evidence.implemented(
      "SAI-IAM-02",
      readers,
      "data scientists hold storage.objectViewer on the datasets bucket and aiplatform.viewer, nothing that writes",
    );
  } else {
    evidence.notApplicable("SAI-IAM-02", "no data scientists configured (identity.dataScientists is empty)");
  }
  const federationNote =
    spec.identity.federatedWorkloads.length > 0
      ? "workloads outside Google Cloud exchange OIDC tokens through workload identity federation, one provider per issuer and subject"
      : "no external workloads configured";
  evidence.implemented(
    "SAI-IAM-03",
    [...Object.values(identities.accounts), ...(identities.pool ? [identities.pool] : [])],
    `no service-account keys are created; ${federationNote}; block key creation for the whole organisation with the org policy iam.disableServiceAccountKeyCreation`,
  );
  evidence.gap(
    "SAI-IAM-04",
    "Google Cloud IAM has no per-role MFA condition: enforce 2-Step Verification for every human in Cloud Identity or Google Workspace (organisation level, outside this stack)",
  );
  evidence.gap(
    "SAI-IAM-05",
    `the platform is deployed into project ${scope.project} as given; that the project is dedicated to production is decided in the organisation's resource hierarchy and cannot be checked by the stack`,
  );
}
