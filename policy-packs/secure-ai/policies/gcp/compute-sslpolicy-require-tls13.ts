import { defineResourcePolicy, get, isUnknown, requireOneOf, stringListOption } from "../lib";
import { GCP } from "./types";

/** Load balancer SSL policies accept TLS 1.3 only. */
export const gcpComputeSslpolicyRequireTls13 = defineResourcePolicy({
  name: "gcp-compute-sslpolicy-require-tls13",
  cloud: "gcp",
  controls: ["SAI-TLS-01"],
  description:
    'SSL policies (global and regional) set minTlsVersion "TLS_1_3" (the default is TLS_1_0) with a profile from allowedProfiles (RESTRICTED, or CUSTOM with explicit features).',
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.sslPolicy, GCP.regionSslPolicy],
  tags: ["compute", "tls"],
  config: {
    allowedProfiles: stringListOption({
      default: ["RESTRICTED", "CUSTOM"],
      description:
        "SSL policy profiles accepted with TLS 1.3 (FIPS_202205 requires TLS_1_2 and cannot be used).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    requireOneOf(props, ["minTlsVersion"], ["TLS_1_3"], "TLS_1_0", report);
    requireOneOf(props, ["profile"], config.allowedProfiles, "COMPATIBLE", report);
  },
  remediate: ({ props }, config) => {
    const version = get(props, "minTlsVersion");
    const profile = get(props, "profile");
    const changes: Record<string, unknown> = {};
    if (!isUnknown(version) && version !== "TLS_1_3") {
      changes.minTlsVersion = "TLS_1_3";
    }
    if (!isUnknown(profile) && !(typeof profile === "string" && config.allowedProfiles.includes(profile))) {
      changes.profile = "RESTRICTED";
    }
    return Object.keys(changes).length === 0 ? undefined : changes;
  },
});
