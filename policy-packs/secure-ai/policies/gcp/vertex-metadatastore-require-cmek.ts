import { GCP } from "./types";
import { vertexCmekPolicy } from "./vertex-cmek";

/** Vertex AI metadata stores are encrypted with a customer-managed key. */
export const gcpVertexMetadatastoreRequireCmek = vertexCmekPolicy({
  name: "gcp-vertex-metadatastore-require-cmek",
  subject: "Vertex AI metadata stores",
  type: GCP.vertexMetadataStore,
  extraControls: ["SAI-MOD-01"],
});
