import { defineResourcePolicy, get, isUnknown, knownString, requireBoolean, stringListOption } from "../lib";
import { AZURE } from "./types";

/** Azure Storage rejects TLS1_3 as a minimum (SDK doc of minimumTlsVersion), so TLS1_2 is the strongest floor. */
const STORAGE_TLS13_LIMIT =
  "Azure Storage cannot be restricted to TLS 1.3 (the service rejects minimumTlsVersion TLS1_3), so TLS1_2 is the strongest minimum it accepts; the TLS 1.3 gap is the cloud's limit, reported under SAI-TLS-02";

/** Storage accounts take HTTPS only with the strongest minimum TLS version the service accepts. */
export const azureStorageAccountRequireHttpsTls12 = defineResourcePolicy({
  name: "azure-storage-account-require-https-tls12",
  cloud: "azure",
  controls: ["SAI-TLS-02"],
  description: `Storage accounts keep enableHttpsTrafficOnly true and set minimumTlsVersion to one of allowedMinimumTlsVersions (TLS1_2). ${STORAGE_TLS13_LIMIT}.`,
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.storageAccount],
  tags: ["storage", "tls"],
  config: {
    allowedMinimumTlsVersions: stringListOption({
      default: ["TLS1_2"],
      description: "minimumTlsVersion values accepted; add TLS1_3 once Azure Storage accepts it.",
    }),
  },
  validate: ({ props }, { config, report }) => {
    requireBoolean(props, ["enableHttpsTrafficOnly"], true, true, report);
    const version = get(props, "minimumTlsVersion");
    if (isUnknown(version)) {
      return;
    }
    const known = knownString(version);
    if (known !== undefined && config.allowedMinimumTlsVersions.includes(known)) {
      return;
    }
    const shown =
      version === undefined ? "not set (the service default is TLS1_0)" : `"${known ?? String(version)}"`;
    const hint = known === "TLS1_3" ? "; Azure Storage rejects TLS1_3 as a minimum" : "";
    report(
      `minimumTlsVersion is ${shown}${hint}; allowed: ${config.allowedMinimumTlsVersions.join(", ")}. ${STORAGE_TLS13_LIMIT}`,
    );
  },
  remediate: ({ props }, config) => {
    const version = get(props, "minimumTlsVersion");
    const https = get(props, "enableHttpsTrafficOnly");
    const changes: Record<string, unknown> = {};
    if (
      !isUnknown(version) &&
      !(typeof version === "string" && config.allowedMinimumTlsVersions.includes(version))
    ) {
      changes.minimumTlsVersion = config.allowedMinimumTlsVersions[0] ?? "TLS1_2";
    }
    if (https === false) {
      changes.enableHttpsTrafficOnly = true;
    }
    return Object.keys(changes).length === 0 ? undefined : changes;
  },
});
