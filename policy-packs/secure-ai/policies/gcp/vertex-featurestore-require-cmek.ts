import { GCP } from "./types";
import { vertexCmekPolicy } from "./vertex-cmek";

/** Vertex AI feature stores are encrypted with a customer-managed key. */
export const gcpVertexFeaturestoreRequireCmek = vertexCmekPolicy({
  name: "gcp-vertex-featurestore-require-cmek",
  subject: "Vertex AI feature stores",
  type: GCP.vertexFeatureStore,
});
