import { GCP } from "./types";
import { vertexCmekPolicy } from "./vertex-cmek";

/** Vertex AI vector search indexes are encrypted with a customer-managed key. */
export const gcpVertexIndexRequireCmek = vertexCmekPolicy({
  name: "gcp-vertex-index-require-cmek",
  subject: "Vertex AI vector search indexes",
  type: GCP.vertexIndex,
});
