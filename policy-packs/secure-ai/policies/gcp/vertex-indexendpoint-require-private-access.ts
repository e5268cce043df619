import { defineResourcePolicy, get, knownBoolean, requireBoolean } from "../lib";
import { GCP } from "./types";
import { publicAccessProblem } from "./vertex-private-access";

/** Vertex AI vector search index endpoints are reachable only privately. */
export const gcpVertexIndexendpointRequirePrivateAccess = defineResourcePolicy({
  name: "gcp-vertex-indexendpoint-require-private-access",
  cloud: "gcp",
  controls: ["SAI-MOD-02", "SAI-NET-02"],
  description:
    "Vertex AI index endpoints set publicEndpointEnabled false (the default) and are reached through a peered network or Private Service Connect.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.vertexIndexEndpoint],
  tags: ["vertex", "network", "ai"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["publicEndpointEnabled"], false, false, report);
    const problem = publicAccessProblem(props);
    if (problem !== undefined) {
      report(problem);
    }
  },
  remediate: ({ props }) =>
    knownBoolean(get(props, "publicEndpointEnabled")) === true ? { publicEndpointEnabled: false } : undefined,
});
