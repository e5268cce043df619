import type { AzureContext } from "./context";
import { type WorkloadIdentities, workloadIdentity } from "./identity";
import type { AzureKeys } from "./keys";
import type { PrivateEndpoints } from "./private-endpoints";
import { buildMlModel } from "./serving-ml";
import { buildOpenAiModel } from "./serving-openai";
import type { ServedModel } from "./serving-types";
import type { AzureStorage } from "./storage";

/** Builds every model on its chosen service (`openai` or `ml`) under its own identity and key. */
export function buildServing(
  context: AzureContext,
  keys: AzureKeys,
  storage: AzureStorage,
  identities: WorkloadIdentities,
  privateEndpoints: PrivateEndpoints,
): ServedModel[] {
  const served = context.spec.models.map((model) => {
    const identity = workloadIdentity(context, identities, `model:${model.name}`);
    return model.serving === "ml"
      ? buildMlModel(context, model, keys, storage, privateEndpoints, identity)
      : buildOpenAiModel(context, model, keys, privateEndpoints, identity);
  });
  recordServingEvidence(context, served);
  return served;
}

function recordServingEvidence(context: AzureContext, served: ServedModel[]): void {
  const { evidence } = context;
  const services = served.map((entry) => entry.service);
  evidence.implemented("SAI-ENC-01", services, "model services are encrypted with the model's key");
  evidence.implemented(
    "SAI-MOD-02",
    served.flatMap((entry) => entry.resources),
    "model services: public network access disabled, private endpoints, Entra ID auth only (local keys off, AADToken endpoints), outbound restricted; Azure OpenAI deployments carry a blocking content filter",
  );
  evidence.implemented(
    "SAI-NET-02",
    services,
    "model services: public network access disabled, private endpoints",
  );
  if (served.some((entry) => entry.model.serving === "openai")) {
    evidence.gap(
      "SAI-TLS-02",
      "Azure OpenAI has no minimum-TLS setting: it enforces TLS 1.2 or later but cannot be restricted to TLS 1.3",
    );
  }
  const pinned = served.filter((entry) => entry.versionPinned).map((entry) => entry.model.name);
  if (pinned.length > 0) {
    evidence.gap(
      "SAI-ENC-03",
      `Azure ML workspaces pin a key version (${pinned.join(", ")}): Key Vault rotates the key, but the workspace keeps using the pinned version until it is updated to the new one`,
    );
  }
}
