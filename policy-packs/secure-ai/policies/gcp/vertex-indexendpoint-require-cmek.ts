import { GCP } from "./types";
import { vertexCmekPolicy } from "./vertex-cmek";

/** Vertex AI index endpoints are encrypted with a customer-managed key. */
export const gcpVertexIndexendpointRequireCmek = vertexCmekPolicy({
  name: "gcp-vertex-indexendpoint-require-cmek",
  subject: "Vertex AI index endpoints",
  type: GCP.vertexIndexEndpoint,
});
