import type { BackendBuilder, PlatformOutputs } from "../backend";
import { buildServiceAgents } from "./agents";
import { buildAudit } from "./audit";
import { buildDetection } from "./detection";
import { buildEdge } from "./edge";
import { recordGovernanceEvidence } from "./governance";
import { buildIdentities } from "./identity";
import { buildInferenceLogs } from "./inference-logs";
import { buildKeys } from "./keys";
import { buildModelArmor } from "./model-armor";
import { buildNetwork } from "./network";
import { buildResponse, recordResponseEvidence } from "./response";
import { gcpScope } from "./scope";
import { buildEndpoints } from "./serving";
import { buildBuckets } from "./storage";
import { checkGcpSpec } from "./validate";

/**
 * Builds SecureAiPlatform natively on Google Cloud: Cloud KMS keys and their service-agent grants first, then
 * the CMEK buckets, identities, network, the CMEK BigQuery dataset of request-response logs, Vertex AI endpoints
 * that log to it, Model Armor templates, findings routing, audit trail, Security Command Center notifications
 * and, when asked, the public edge. Every control of the catalog is recorded as implemented, gap (with its
 * reason) or not applicable.
 */
export const buildGcpPlatform: BackendBuilder = (context) => {
  checkGcpSpec(context.spec);
  const scope = gcpScope(context);
  const agents = buildServiceAgents(scope);
  const keys = buildKeys(scope, agents);
  const buckets = buildBuckets(scope, keys);
  const identities = buildIdentities(scope, buckets);
  const network = buildNetwork(
    scope,
    Object.values(identities.accounts).map((account) => account.email),
  );
  const inferenceLogs = buildInferenceLogs(scope, keys.dataClasses.logs, agents.vertex);
  const endpoints = buildEndpoints(scope, keys, network.networkId, inferenceLogs);
  buildModelArmor(scope, identities.accounts.gateway.member);
  const routing = buildResponse(scope, keys.dataClasses.logs);
  buildAudit(scope, keys.dataClasses.logs, buckets, routing);
  const notifications = buildDetection(scope, routing);
  recordResponseEvidence(scope, routing, notifications);
  const edge = scope.spec.publicApi.enabled ? buildEdge(scope) : undefined;
  recordGovernanceEvidence(scope);

  const outputs: PlatformOutputs = {
    keys: {
      ...Object.fromEntries(
        Object.entries(keys.models).map(([model, granted]) => [`model:${model}`, granted.key.id]),
      ),
      datasets: keys.dataClasses.datasets.key.id,
      artifacts: keys.dataClasses.artifacts.key.id,
      logs: keys.dataClasses.logs.key.id,
      ...(keys.external ? { external: keys.external.id } : {}),
    },
    storage: {
      datasets: buckets.datasets.name,
      artifacts: buckets.artifacts.name,
      "audit-logs": buckets.auditLogs.name,
      ...Object.fromEntries(
        Object.entries(buckets.modelArtifacts).map(([model, bucket]) => [`artifacts:${model}`, bucket.name]),
      ),
    },
    modelEndpoints: Object.fromEntries(
      Object.entries(endpoints).map(([model, endpoint]) => [model, endpoint.id]),
    ),
    networkId: network.networkId,
    workloadIdentities: Object.fromEntries(
      Object.entries(identities.accounts).map(([workload, account]) => [workload, account.email]),
    ),
    findingsDestination: routing.findingsTopic.id,
    publicEndpoint: edge?.url,
  };
  return outputs;
};
