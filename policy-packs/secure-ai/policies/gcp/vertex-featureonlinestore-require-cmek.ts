import { GCP } from "./types";
import { vertexCmekPolicy } from "./vertex-cmek";

/** Vertex AI feature online stores are encrypted with a customer-managed key. */
export const gcpVertexFeatureonlinestoreRequireCmek = vertexCmekPolicy({
  name: "gcp-vertex-featureonlinestore-require-cmek",
  subject: "Vertex AI feature online stores",
  type: GCP.vertexFeatureOnlineStore,
});
