import type * as pulumi from "@pulumi/pulumi";
import * as vertex from "@pulumi/gcp/vertex";
import { INFERENCE_LOG_SAMPLING_RATE, type InferenceLogs } from "./inference-logs";
import type { PlatformKeys } from "./keys";
import { vertexEndpointId } from "./names";
import type { GcpScope } from "./scope";
import { modelTags } from "../spec/scopes";

/** The model endpoints, by model name. */
export type ModelEndpoints = Record<string, vertex.AiEndpoint>;

/**
 * Builds one Vertex AI endpoint per model: encrypted with the model's own key (in the key ring's region, as
 * Vertex AI requires), reachable only through Private Service Connect in the platform's network, never on the
 * shared public `aiplatform.googleapis.com` surface, logging every request and its response to the model's own
 * table in the platform's CMEK BigQuery dataset. The Vertex AI agent's grant on the key comes first.
 */
export function buildEndpoints(
  scope: GcpScope,
  keys: PlatformKeys,
  networkId: pulumi.Input<string>,
  inferenceLogs: InferenceLogs,
): ModelEndpoints {
  const { name, project, region, spec } = scope;
  const endpoints: ModelEndpoints = {};
  for (const model of spec.models) {
    const granted = keys.models[model.name];
    endpoints[model.name] = new vertex.AiEndpoint(
      `${name}-${model.name}`,
      {
        name: vertexEndpointId(project, name, model.name),
        displayName: `${name}-${model.name}`,
        description: `Private endpoint of model ${model.name} (${model.sensitivity} sensitivity)`,
        project,
        location: region,
        region,
        encryptionSpec: { kmsKeyName: granted.key.id },
        privateServiceConnectConfig: {
          enablePrivateServiceConnect: true,
          projectAllowlists: [project],
          pscAutomationConfigs: [{ projectId: project, network: networkId }],
        },
        predictRequestResponseLoggingConfig: {
          enabled: true,
          samplingRate: INFERENCE_LOG_SAMPLING_RATE,
          bigqueryDestination: { outputUri: inferenceLogs.destination(model.name) },
        },
        labels: modelTags(scope.labels, model),
      },
      { parent: scope.parent, dependsOn: granted.grants.vertex ? [granted.grants.vertex] : [] },
    );
  }
  const all = Object.values(endpoints);
  scope.evidence.implemented(
    "SAI-ENC-01",
    all,
    "Vertex AI endpoints carry encryptionSpec with the model's key",
  );
  scope.evidence.implemented(
    "SAI-MOD-02",
    all,
    "Private Service Connect only (allow-list: the platform's project, automated endpoint in its network); Vertex AI endpoints have no key-based auth, callers need IAM (aiplatform.user)",
  );
  scope.evidence.implemented(
    "SAI-NET-02",
    all,
    "model endpoints are reachable only through Private Service Connect",
  );
  scope.evidence.implemented(
    "SAI-LOG-01",
    [inferenceLogs.dataset, ...all],
    `Vertex AI endpoints log every prediction request and response (samplingRate ${INFERENCE_LOG_SAMPLING_RATE}) to their own table in a BigQuery dataset encrypted with the logs key`,
  );
  return endpoints;
}
