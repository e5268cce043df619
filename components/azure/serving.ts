import type { AzureContext } from "./context";
import { type WorkloadIdentities, workloadIdentity } from "./identity";
import type { AzureKeys } from "./keys";
import type { OpenAiKeys } from "./openai-keys";
import type { PrivateEndpoints } from "./private-endpoints";
import { buildMlModel } from "./serving-ml";
import { AZURE_SEVERITY_THRESHOLD, RAI_POLICY_MODE, buildOpenAiModel } from "./serving-openai";
import type { ServedModel } from "./serving-types";
import type { AzureStorage } from "./storage";

/** Builds every model on its chosen service (`openai` or `ml`) under its own identity and key. */
export function buildServing(
  context: AzureContext,
  keys: AzureKeys,
  storage: AzureStorage,
  identities: WorkloadIdentities,
  privateEndpoints: PrivateEndpoints,
  openAiKeys: OpenAiKeys | undefined,
): ServedModel[] {
  const served = context.spec.models.map((model) => {
    const identity = workloadIdentity(context, identities, `model:${model.name}`);
    if (model.serving === "ml")
      return buildMlModel(context, model, keys, storage, privateEndpoints, identity);
    if (!openAiKeys) throw new Error("OpenAI models need the OpenAI vault (buildOpenAiKeys)");
    return buildOpenAiModel(context, model, openAiKeys, privateEndpoints, identity);
  });
  recordServingEvidence(context, served);
  return served;
}

function recordServingEvidence(context: AzureContext, served: ServedModel[]): void {
  const { evidence } = context;
  const encrypted = served.filter((entry) => entry.encryptedWithModelKey !== false);
  const bootstrapping = served.filter((entry) => entry.encryptedWithModelKey === false);
  const services = served.map((entry) => entry.service);
  evidence.implemented(
    "SAI-ENC-01",
    encrypted.map((entry) => entry.service),
    "model services are encrypted with the model's key (Azure OpenAI: RSA 2048 key in an access-policy vault through the account's system-assigned identity, as Microsoft requires)",
  );
  if (bootstrapping.length > 0) {
    evidence.gap(
      "SAI-ENC-01",
      `Azure OpenAI accounts of models ${bootstrapping.map((e) => e.model.name).join(", ")} are being bootstrapped (encryptionStage "bootstrap"): Microsoft-managed keys until their system-assigned identity holds the key; set encryptionStage "customer-managed" and run pulumi up again`,
      bootstrapping.map((entry) => entry.service),
    );
  }
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
  recordGuardrailEvidence(context, served);
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
      `Azure ML workspaces and Azure OpenAI accounts pin a key version (${pinned.join(", ")}): Key Vault rotates the key, but the service keeps using the pinned version until it is updated to the new one (Azure OpenAI: "you must update the Azure OpenAI resource to use the new key URI")`,
    );
  }
}

/**
 * SAI-MOD-03: each Azure OpenAI deployment carries its own blocking RAI policy; no PII filter is configured,
 * and Azure ML endpoints have no content filter, both reported as gaps.
 */
function recordGuardrailEvidence(context: AzureContext, served: ServedModel[]): void {
  const { evidence } = context;
  const filtered = served.filter((entry) => entry.contentFilter !== undefined);
  if (filtered.length > 0) {
    const thresholds = filtered.map(
      (entry) => `${entry.model.name} from ${AZURE_SEVERITY_THRESHOLD[entry.model.guardrailStrength]}`,
    );
    evidence.implemented(
      "SAI-MOD-03",
      filtered.map((entry) => entry.contentFilter),
      `Azure OpenAI deployments carry their own RAI policy in ${RAI_POLICY_MODE} mode: hate, sexual, violence and self-harm blocking on prompts and completions (severity ${thresholds.join(", ")}), Prompt Shields blocking Jailbreak and Indirect Attack, protected material blocking`,
    );
    evidence.gap(
      "SAI-MOD-03",
      "no sensitive-data filter: Azure OpenAI's PII filter is a preview on completions only with no documented RAI policy filter name for API version 2025-06-01, so prompts and completions pass no PII filter",
    );
  }
  const unfiltered = served.filter((entry) => entry.contentFilter === undefined).map((e) => e.model.name);
  if (unfiltered.length > 0) {
    evidence.gap(
      "SAI-MOD-03",
      `Azure ML online endpoints (models ${unfiltered.join(", ")}) have no content filter: prompts and responses pass a guardrail only if the application calls Azure AI Content Safety`,
    );
  }
}
