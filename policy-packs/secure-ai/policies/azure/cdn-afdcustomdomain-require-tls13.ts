import { defineResourcePolicy, get, isUnknown, knownString, stringListOption } from "../lib";
import { AZURE } from "./types";

/** Front Door custom domains accept TLS 1.3 only. */
export const azureCdnAfdcustomdomainRequireTls13 = defineResourcePolicy({
  name: "azure-cdn-afdcustomdomain-require-tls13",
  cloud: "azure",
  controls: ["SAI-TLS-01"],
  description:
    'Front Door (Standard/Premium) custom domains set tlsSettings.minimumTlsVersion "TLS13" (azure-native 3.28, API 2025-06-01, offers TLS12 and TLS13 plus a custom cipher suite set; the default is TLS12). Microsoft documents custom minimum versions but not, explicitly, an end-to-end TLS 1.3-only minimum: SAI-TLS-01 reports that as unverified.',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.frontDoorCustomDomain],
  tags: ["frontdoor", "tls"],
  config: {
    allowedMinimumTlsVersions: stringListOption({
      default: ["TLS13"],
      description: "tlsSettings.minimumTlsVersion values accepted.",
    }),
  },
  validate: ({ props }, { config, report }) => {
    const settings = get(props, "tlsSettings");
    const version = get(settings, "minimumTlsVersion");
    if (isUnknown(settings) || isUnknown(version)) {
      return;
    }
    const known = knownString(version);
    if (known === undefined || !config.allowedMinimumTlsVersions.includes(known)) {
      report(
        `tlsSettings.minimumTlsVersion is ${known === undefined ? "not set (TLS12)" : `"${known}"`}; allowed: ${config.allowedMinimumTlsVersions.join(", ")}`,
      );
    }
  },
});
