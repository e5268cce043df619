import { GCP } from "./types";
import { vertexCmekPolicy } from "./vertex-cmek";

/** Vertex AI TensorBoard instances (training metrics) are encrypted with a customer-managed key. */
export const gcpVertexTensorboardRequireCmek = vertexCmekPolicy({
  name: "gcp-vertex-tensorboard-require-cmek",
  subject: "Vertex AI TensorBoard instances (training metrics)",
  type: GCP.vertexTensorboard,
  extraControls: ["SAI-MOD-01"],
});
