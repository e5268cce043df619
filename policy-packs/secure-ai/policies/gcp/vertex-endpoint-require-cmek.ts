import { GCP } from "./types";
import { vertexCmekPolicy } from "./vertex-cmek";

/** Vertex AI endpoints (deployed models and their logs) are encrypted with a customer-managed key. */
export const gcpVertexEndpointRequireCmek = vertexCmekPolicy({
  name: "gcp-vertex-endpoint-require-cmek",
  subject: "Vertex AI endpoints (deployed models and their logs)",
  type: GCP.vertexEndpoint,
  extraControls: ["SAI-MOD-01"],
});
