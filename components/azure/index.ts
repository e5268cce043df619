import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import type { BackendBuilder, BackendContext, PlatformOutputs } from "../backend";
import { buildAlertRules } from "./alerts";
import { dropApiVersionAliases } from "./api-version-aliases";
import { buildActivityLog, buildAuditSink } from "./audit";
import type { AzureContext } from "./context";
import { buildDetection } from "./detection";
import { buildEdge } from "./edge";
import {
  buildFederatedWorkloads,
  grantDatasetReaders,
  recordIdentityEvidence,
  type WorkloadIdentities,
} from "./identity";
import { buildKeys } from "./keys";
import { buildOpenAiKeys } from "./openai-keys";
import { AzureNames } from "./names";
import { buildNetwork } from "./network";
import { buildResponse } from "./response";
import { buildSiem } from "./sentinel";
import { buildServing } from "./serving";
import { buildStorage } from "./storage";
import { checkAzureSpec } from "./validate";

/** Places the platform: resource group (created or given), subscription, names. */
function azureContext(context: BackendContext): AzureContext {
  const { spec, name, parent, tags } = context;
  const azure = spec.azure;
  if (!azure) throw new Error("the azure backend needs spec.azure");
  const opts: pulumi.CustomResourceOptions = { parent, transformations: [dropApiVersionAliases] };
  const resourceGroupName: pulumi.Input<string> =
    azure.resourceGroupName ??
    new resources.ResourceGroup(`${name}-rg`, { location: azure.location, tags }, opts).name;
  const client = authorization.getClientConfigOutput({ parent });
  return {
    ...context,
    resourceGroupName,
    location: azure.location,
    tenantId: azure.tenantId,
    subscriptionId: client.subscriptionId,
    deployerObjectId: client.objectId,
    names: new AzureNames(name, [pulumi.getProject(), pulumi.getStack()]),
    opts,
  };
}

/**
 * Builds SecureAiPlatform natively on Azure: Key Vault keys, storage, a private network, Azure OpenAI or
 * Azure ML per model, managed identities, audit logs with Sentinel, Defender for Cloud, responders and,
 * when asked, an Application Gateway WAF in front. Every control of the catalog is recorded in the
 * evidence, as implemented, not applicable, or a gap with its reason.
 */
export const buildAzurePlatform: BackendBuilder = (backendContext): PlatformOutputs => {
  checkAzureSpec(backendContext.spec);
  const context = azureContext(backendContext);
  const { spec, evidence } = context;

  const net = buildNetwork(context);
  const keys = buildKeys(context, net.privateEndpoints);
  const openAiKeys = buildOpenAiKeys(context, net.privateEndpoints);
  const identities: WorkloadIdentities = new Map();
  const storage = buildStorage(context, keys, identities, net.privateEndpoints);
  const readers = grantDatasetReaders(context, storage.accounts.datasets.account);
  const federations = buildFederatedWorkloads(context, identities);
  const served = buildServing(context, keys, storage, identities, net.privateEndpoints, openAiKeys);

  const auditAccountId = storage.accounts["audit-logs"].account.id;
  const sink = buildAuditSink(context, auditAccountId);
  sink.diagnose({
    label: "key-vault",
    resourceUri: keys.vault.id,
    logs: ["AuditEvent"],
    resource: keys.vault,
  });
  if (openAiKeys) {
    sink.diagnose({
      label: "openai-key-vault",
      resourceUri: openAiKeys.vault.id,
      logs: ["AuditEvent"],
      resource: openAiKeys.vault,
    });
  }
  for (const [storageClass, entry] of Object.entries(storage.accounts)) {
    sink.diagnose({
      label: `storage-${storageClass}`,
      resourceUri: pulumi.interpolate`${entry.account.id}/blobServices/default`,
      logs: ["group:audit"],
      resource: entry.blobService,
    });
  }
  for (const model of served) {
    if (model.ownVault) {
      sink.diagnose({
        label: `model-${model.model.name}-secrets`,
        resourceUri: model.ownVault.id,
        logs: ["AuditEvent"],
        resource: model.ownVault,
      });
    }
    sink.diagnose({
      label: `model-${model.model.name}`,
      resourceUri: model.serviceId,
      logs: ["group:allLogs"],
      resource: model.service,
    });
  }
  const edge =
    spec.publicApi.enabled && net.gatewaySubnetId !== undefined
      ? buildEdge(context, net.gatewaySubnetId, served, identities, sink)
      : undefined;
  if (!edge) {
    const reason = "publicApi is off: the platform has no public ingress";
    evidence.notApplicable("SAI-TLS-01", reason);
    evidence.notApplicable("SAI-TLS-03", reason);
    evidence.notApplicable("SAI-NET-05", reason);
  }
  buildActivityLog(context, sink, auditAccountId);
  const actionGroup = buildResponse(context);
  buildAlertRules(context, sink, actionGroup.id);
  buildSiem(context, sink);
  buildDetection(context, sink);

  recordIdentityEvidence(context, identities, federations, readers);
  evidence.implemented(
    "SAI-GOV-02",
    [],
    "the component's controls output maps every control to its resources; Defender CSPM adds regulatory-compliance assessments",
  );
  evidence.gap(
    "SAI-GOV-03",
    "deploy-time guardrails come from the secure-ai policy pack (pulumi preview --policy-pack, or secure-ai check); the Azure backend assigns no Azure Policy",
  );

  return {
    keys: {
      ...Object.fromEntries([...keys.keys].map(([purpose, key]) => [purpose, key.versionlessUri])),
      ...Object.fromEntries(
        [...(openAiKeys?.keys ?? [])].map(([model, key]) => [
          `openai:${model}`,
          `${openAiKeys?.vaultUri ?? ""}keys/${key.keyName}`,
        ]),
      ),
    },
    storage: Object.fromEntries(
      Object.entries(storage.accounts).map(([storageClass, entry]) => [storageClass, entry.accountName]),
    ),
    modelEndpoints: Object.fromEntries(served.map((model) => [model.model.name, model.endpoint])),
    networkId: net.networkId,
    workloadIdentities: Object.fromEntries(
      [...identities].map(([workload, identity]) => [workload, identity.id]),
    ),
    findingsDestination: actionGroup.id,
    publicEndpoint: edge?.url,
  };
};
