import { defineResourcePolicy, requireSet } from "../lib";
import { GCP } from "./types";

/** HTTPS and SSL proxies name an SSL policy, so the TLS 1.3 policy actually applies to them. */
export const gcpComputeTargethttpsproxyRequireSslPolicy = defineResourcePolicy({
  name: "gcp-compute-targethttpsproxy-require-ssl-policy",
  cloud: "gcp",
  controls: ["SAI-TLS-01"],
  description:
    "Target HTTPS proxies (global and regional) and target SSL proxies set sslPolicy; without one Google applies its default policy, which accepts TLS 1.0.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.targetHttpsProxy, GCP.regionTargetHttpsProxy, GCP.targetSslProxy],
  tags: ["compute", "tls"],
  validate: ({ props }, { report }) => {
    requireSet(
      props,
      ["sslPolicy"],
      report,
      "the load balancer then uses Google's default SSL policy (TLS 1.0 and up)",
    );
  },
});
