/**
 * The AWS backend of SecureAiPlatform: every control of the catalog built natively on AWS, one file per
 * domain. Only `@pulumi/aws` submodules are imported, so loading this backend never loads another cloud's SDK
 * nor the whole AWS SDK index.
 */
import type { BackendBuilder, PlatformOutputs } from "../backend";
import { recordAuditEvidence, createAudit } from "./audit";
import { createAwsContext, regionalArn } from "./context";
import { createDetection, recordDetectionEvidence } from "./detection";
import { TRUST_STORE_OBJECT_KEY, createEdge, recordEdgeEvidence } from "./edge";
import { recordIdentityAndGovernanceEvidence } from "./governance";
import { type AccessTargets, createIdentities, grantAccess } from "./identity";
import { createKeys, recordKeyEvidence } from "./keys";
import { trailName } from "./naming";
import { createNetwork, recordNetworkEvidence } from "./network";
import { cloudTrailBucketStatements } from "./policy-documents";
import { createResponse, recordResponseEvidence } from "./response";
import { createGuardrails, createServing, recordServingEvidence } from "./serving";
import { attachBucketPolicy, createStorage, recordStorageEvidence } from "./storage";
import { checkAwsSpec } from "./validate";
import * as pulumi from "@pulumi/pulumi";

/**
 * Builds the platform on AWS. Order matters only where AWS checks a policy at creation: roles before keys
 * (key policies name them), keys before buckets, log groups and the topic (their key policies must already
 * admit the writing services), the audit bucket policy before the trail.
 */
export const buildAwsPlatform: BackendBuilder = (context) => {
  checkAwsSpec(context.spec);
  const ctx = createAwsContext(context);
  const { spec, name } = ctx;

  const identities = createIdentities(ctx);
  // The mTLS CA bundle is stored in the artifacts bucket; its name is not known yet, so the key policy pins
  // the object by a pattern on the object key inside any of the platform's buckets.
  const mutualTls = spec.publicApi.enabled && spec.transport.mutualTls.enabled;
  const trustStoreObjectArn = mutualTls
    ? pulumi.interpolate`arn:${ctx.partition}:s3:::${name}-artifacts-*/${TRUST_STORE_OBJECT_KEY}`
    : undefined;
  const keys = createKeys(ctx, identities, { trustStoreObjectArn });
  const storage = createStorage(ctx, keys);
  attachBucketPolicy(ctx, "datasets", storage.datasets);
  attachBucketPolicy(ctx, "artifacts", storage.artifacts);
  const trailArn = regionalArn(ctx, "cloudtrail", `trail/${trailName(name)}`);
  attachBucketPolicy(ctx, "audit-logs", storage.auditLogs, (arn) =>
    cloudTrailBucketStatements(arn, ctx.accountId, trailArn),
  );

  const network = createNetwork(ctx, keys.logs);
  const guardrails = createGuardrails(ctx, keys);
  const bedrock: AccessTargets["bedrock"] = new Map();
  for (const [model, served] of guardrails) {
    bedrock.set(model, { modelArn: served.modelArn, guardrailArn: served.guardrail.guardrailArn });
  }
  const grants = grantAccess(ctx, identities, {
    datasetsBucketArn: storage.datasets.bucket.arn,
    artifactsBucketArn: storage.artifacts.bucket.arn,
    auditBucketArn: storage.auditLogs.bucket.arn,
    datasetsKeyArn: keys.datasets.key.arn,
    artifactsKeyArn: keys.artifacts.key.arn,
    logsKeyArn: keys.logs.key.arn,
    modelKeyArns: new Map([...keys.models].map(([model, key]) => [model, key.key.arn])),
    bedrock,
  });
  const serving = createServing(
    ctx,
    identities,
    keys,
    network,
    storage.artifacts.bucket.bucket,
    guardrails,
    grants.modelPolicies,
  );
  const response = createResponse(ctx, keys.logs);
  const audit = createAudit(ctx, keys, storage, response.topic.arn);
  const detection = createDetection(ctx);
  const edge = spec.publicApi.enabled ? createEdge(ctx, network, storage.artifacts.bucket) : undefined;

  recordKeyEvidence(ctx, keys);
  recordStorageEvidence(ctx, storage);
  recordNetworkEvidence(ctx, network);
  recordServingEvidence(ctx, serving);
  recordAuditEvidence(ctx, audit, storage);
  recordDetectionEvidence(ctx, detection);
  recordResponseEvidence(ctx, response);
  recordEdgeEvidence(ctx, edge);
  recordIdentityAndGovernanceEvidence(ctx, identities, grants, detection);

  const outputs: PlatformOutputs = {
    keys: {
      ...Object.fromEntries([...keys.models].map(([model, key]) => [`model:${model}`, key.key.arn])),
      datasets: keys.datasets.key.arn,
      artifacts: keys.artifacts.key.arn,
      logs: keys.logs.key.arn,
      ...(keys.local ? { local: keys.local.key.arn } : {}),
    },
    storage: {
      datasets: storage.datasets.bucket.bucket,
      artifacts: storage.artifacts.bucket.bucket,
      "audit-logs": storage.auditLogs.bucket.bucket,
    },
    modelEndpoints: Object.fromEntries(
      [...serving.models].map(([model, served]) => [
        model,
        served.kind === "sagemaker" ? served.endpoint.name : served.modelArn,
      ]),
    ),
    networkId: network.vpcId,
    workloadIdentities: {
      ...Object.fromEntries([...identities.modelRoles].map(([model, role]) => [`model:${model}`, role.arn])),
      ...Object.fromEntries(identities.federatedRoles.map((f) => [`federated:${f.name}`, f.role.arn])),
      ...(identities.dataScientistRole ? { "data-scientists": identities.dataScientistRole.arn } : {}),
      ...(identities.adminRole ? { admins: identities.adminRole.arn } : {}),
    },
    findingsDestination: response.topic.arn,
    publicEndpoint: edge?.url,
  };
  return outputs;
};
