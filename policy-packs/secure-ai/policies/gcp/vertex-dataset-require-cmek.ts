import { GCP } from "./types";
import { vertexCmekPolicy } from "./vertex-cmek";

/** Vertex AI datasets are encrypted with a customer-managed key. */
export const gcpVertexDatasetRequireCmek = vertexCmekPolicy({
  name: "gcp-vertex-dataset-require-cmek",
  subject: "Vertex AI datasets",
  type: GCP.vertexDataset,
});
