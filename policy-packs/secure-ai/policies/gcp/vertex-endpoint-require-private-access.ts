import { defineResourcePolicy, requireBoolean } from "../lib";
import { GCP } from "./types";
import { publicAccessProblem } from "./vertex-private-access";

/** Vertex AI model endpoints are reachable only through Private Service Connect or VPC peering. */
export const gcpVertexEndpointRequirePrivateAccess = defineResourcePolicy({
  name: "gcp-vertex-endpoint-require-private-access",
  cloud: "gcp",
  controls: ["SAI-MOD-02", "SAI-NET-02"],
  description:
    "Vertex AI endpoints set privateServiceConnectConfig.enablePrivateServiceConnect true or a peered network, and no dedicated public endpoint (dedicatedEndpointEnabled not true).",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.vertexEndpoint],
  tags: ["vertex", "network", "ai"],
  validate: ({ props }, { report }) => {
    const problem = publicAccessProblem(props);
    if (problem !== undefined) {
      report(problem);
    }
    requireBoolean(props, ["dedicatedEndpointEnabled"], false, false, report);
  },
});
