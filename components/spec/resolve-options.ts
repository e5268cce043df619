import { SecureAiConfigError } from "../errors";
import { FRAMEWORK_IDS, type FrameworkId } from "../controls/types";
import {
  optionalArray,
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringList,
  rejectUnknownKeys,
  requireObject,
  requireString,
} from "./checks";
import { DEFAULTS, LIMITS } from "./defaults";
import { checkName } from "./names";
import {
  type ResolvedSpec,
  SEVERITIES,
  SINGLETON_MODES,
  SINGLETON_NAMES,
  type SingletonMode,
  type SingletonName,
} from "./resolved";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTPS_URL = /^https:\/\/[^\s/]+(\/\S*)?$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const TAG_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const TAG_VALUE = /^[a-z0-9_-]{0,63}$/;

/** Resolves `encryption`. */
export function resolveEncryption(value: unknown): ResolvedSpec["encryption"] {
  const block = optionalObject(value, "encryption") ?? {};
  rejectUnknownKeys(block, "encryption", ["rotationDays", "hsm", "breakGlassPrincipals", "externalKeyStore"]);
  return {
    rotationDays: optionalInteger(
      block.rotationDays,
      "encryption.rotationDays",
      LIMITS.rotationDays,
      DEFAULTS.rotationDays,
      "days",
    ) as number,
    hsm: optionalChoice(block.hsm, "encryption.hsm", ["high-sensitivity", "all"] as const, DEFAULTS.hsm),
    breakGlassPrincipals: optionalStringList(block.breakGlassPrincipals, "encryption.breakGlassPrincipals"),
    externalKeyStore: optionalString(block.externalKeyStore, "encryption.externalKeyStore"),
  };
}

/** Resolves `transport`. TLS below 1.2 is never allowed. */
export function resolveTransport(value: unknown): ResolvedSpec["transport"] {
  const block = optionalObject(value, "transport") ?? {};
  rejectUnknownKeys(block, "transport", ["minimumTlsVersion", "mutualTls"]);
  const mutual = optionalObject(block.mutualTls, "transport.mutualTls") ?? {};
  rejectUnknownKeys(mutual, "transport.mutualTls", ["enabled", "caBundle"]);
  const enabled = optionalBoolean(mutual.enabled, "transport.mutualTls.enabled", false);
  const caBundle = optionalString(mutual.caBundle, "transport.mutualTls.caBundle");
  if (enabled && caBundle === undefined) {
    throw new SecureAiConfigError(
      "transport.mutualTls.caBundle",
      undefined,
      "mutual TLS needs a PEM bundle of the client certificate authorities",
    );
  }
  if (caBundle !== undefined && !caBundle.includes("-----BEGIN CERTIFICATE-----")) {
    throw new SecureAiConfigError(
      "transport.mutualTls.caBundle",
      `${caBundle.slice(0, 20)}...`,
      "expected PEM certificates (-----BEGIN CERTIFICATE-----)",
    );
  }
  return {
    minimumTlsVersion: optionalChoice(
      block.minimumTlsVersion,
      "transport.minimumTlsVersion",
      ["1.3", "1.2"] as const,
      DEFAULTS.minimumTlsVersion,
    ),
    mutualTls: { enabled, caBundle },
  };
}

function parseCidr(value: string, path: string): void {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  const allowed = `expected a private (RFC 1918) IPv4 CIDR block from /${LIMITS.cidrPrefix.min} to /${LIMITS.cidrPrefix.max}, e.g. "10.40.0.0/16"`;
  if (!match) throw new SecureAiConfigError(path, value, allowed);
  const [a, b, c, d, prefix] = match.slice(1).map(Number);
  if ([a, b, c, d].some((octet) => octet > 255)) throw new SecureAiConfigError(path, value, allowed);
  const privateRange = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  if (!privateRange || prefix < LIMITS.cidrPrefix.min || prefix > LIMITS.cidrPrefix.max) {
    throw new SecureAiConfigError(path, value, allowed);
  }
  const address = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  const hostBits = 32 - prefix;
  if (address % 2 ** hostBits !== 0) {
    throw new SecureAiConfigError(path, value, "the address must be the first of its block (host bits zero)");
  }
}

/** Resolves `network`: a private CIDR, or an existing network (not both). */
export function resolveNetwork(value: unknown): ResolvedSpec["network"] {
  const block = optionalObject(value, "network") ?? {};
  rejectUnknownKeys(block, "network", ["cidr", "zoneCount", "existing"]);
  const existingBlock = optionalObject(block.existing, "network.existing");
  if (existingBlock && block.cidr !== undefined) {
    throw new SecureAiConfigError(
      "network.cidr",
      block.cidr,
      "leave cidr unset when network.existing is given (the existing network has its own)",
    );
  }
  const cidr = optionalString(block.cidr, "network.cidr") ?? DEFAULTS.cidr;
  parseCidr(cidr, "network.cidr");
  let existing: ResolvedSpec["network"]["existing"];
  if (existingBlock) {
    rejectUnknownKeys(existingBlock, "network.existing", ["networkId", "subnetIds"]);
    const subnetIds = optionalStringList(existingBlock.subnetIds, "network.existing.subnetIds");
    if (subnetIds.length === 0) {
      throw new SecureAiConfigError(
        "network.existing.subnetIds",
        existingBlock.subnetIds,
        "at least one private subnet ID is required",
      );
    }
    existing = { networkId: requireString(existingBlock.networkId, "network.existing.networkId"), subnetIds };
  }
  return {
    cidr,
    zoneCount: optionalInteger(
      block.zoneCount,
      "network.zoneCount",
      LIMITS.zoneCount,
      DEFAULTS.zoneCount,
    ) as number,
    existing,
  };
}

/** Resolves `identity`. */
export function resolveIdentity(value: unknown): ResolvedSpec["identity"] {
  const block = optionalObject(value, "identity") ?? {};
  rejectUnknownKeys(block, "identity", ["dataScientists", "admins", "requireMfa", "federatedWorkloads"]);
  const federatedWorkloads = optionalArray(block.federatedWorkloads, "identity.federatedWorkloads").map(
    (item, index) => {
      const path = `identity.federatedWorkloads[${index}]`;
      const workload = requireObject(item, path, "a federated workload { name, issuer, subject }");
      rejectUnknownKeys(workload, path, ["name", "issuer", "subject"]);
      const issuer = requireString(workload.issuer, `${path}.issuer`);
      if (!HTTPS_URL.test(issuer))
        throw new SecureAiConfigError(`${path}.issuer`, issuer, "expected an https:// OIDC issuer URL");
      return {
        name: checkName(workload.name, `${path}.name`),
        issuer,
        subject: requireString(workload.subject, `${path}.subject`),
      };
    },
  );
  return {
    dataScientists: optionalStringList(block.dataScientists, "identity.dataScientists"),
    admins: optionalStringList(block.admins, "identity.admins"),
    requireMfa: optionalBoolean(block.requireMfa, "identity.requireMfa", DEFAULTS.requireMfa),
    federatedWorkloads,
  };
}

/** Resolves `logging`. */
export function resolveLogging(value: unknown): ResolvedSpec["logging"] {
  const block = optionalObject(value, "logging") ?? {};
  rejectUnknownKeys(block, "logging", ["retentionDays", "auditLockDays", "siem", "siemDestination"]);
  const siem = optionalChoice(
    block.siem,
    "logging.siem",
    ["native", "export", "none"] as const,
    DEFAULTS.siem,
  );
  const siemDestination = optionalString(block.siemDestination, "logging.siemDestination");
  if (siem === "export" && siemDestination === undefined) {
    throw new SecureAiConfigError(
      "logging.siemDestination",
      undefined,
      'siem "export" needs a destination (an ARN, Pub/Sub topic or Event Hub ID)',
    );
  }
  if (siem !== "export" && siemDestination !== undefined) {
    throw new SecureAiConfigError(
      "logging.siemDestination",
      siemDestination,
      'a destination is only used with siem "export"',
    );
  }
  return {
    retentionDays: optionalInteger(
      block.retentionDays,
      "logging.retentionDays",
      LIMITS.logRetentionDays,
      DEFAULTS.logRetentionDays,
      "days",
    ) as number,
    auditLockDays: optionalInteger(
      block.auditLockDays,
      "logging.auditLockDays",
      LIMITS.auditLockDays,
      DEFAULTS.auditLockDays,
      "days",
    ) as number,
    siem,
    siemDestination,
  };
}

/** Resolves `detection`, including the create | adopt | skip mode of each singleton. */
export function resolveDetection(value: unknown): ResolvedSpec["detection"] {
  const block = optionalObject(value, "detection") ?? {};
  rejectUnknownKeys(block, "detection", [
    "severityThreshold",
    "notificationEmails",
    "notificationWebhooks",
    "singletons",
  ]);
  const singletonBlock = optionalObject(block.singletons, "detection.singletons") ?? {};
  rejectUnknownKeys(singletonBlock, "detection.singletons", SINGLETON_NAMES);
  const singletons = Object.fromEntries(
    SINGLETON_NAMES.map((name) => [
      name,
      optionalChoice(
        singletonBlock[name],
        `detection.singletons.${name}`,
        SINGLETON_MODES,
        DEFAULTS.singletonMode,
      ),
    ]),
  ) as Record<SingletonName, SingletonMode>;
  return {
    severityThreshold: optionalChoice(
      block.severityThreshold,
      "detection.severityThreshold",
      SEVERITIES,
      DEFAULTS.severityThreshold,
    ),
    notificationEmails: optionalStringList(
      block.notificationEmails,
      "detection.notificationEmails",
      EMAIL,
      "an email address",
    ),
    notificationWebhooks: optionalStringList(
      block.notificationWebhooks,
      "detection.notificationWebhooks",
      HTTPS_URL,
      "an https:// URL",
    ),
    singletons,
  };
}

/** Resolves `publicApi`. */
export function resolvePublicApi(value: unknown): ResolvedSpec["publicApi"] {
  const block = optionalObject(value, "publicApi") ?? {};
  rejectUnknownKeys(block, "publicApi", [
    "enabled",
    "waf",
    "rateLimit",
    "certificate",
    "certificateVaultId",
    "domainName",
  ]);
  const domainName = optionalString(block.domainName, "publicApi.domainName");
  if (domainName !== undefined && !DOMAIN.test(domainName)) {
    throw new SecureAiConfigError(
      "publicApi.domainName",
      domainName,
      "expected a lowercase DNS name such as api.example.com",
    );
  }
  return {
    enabled: optionalBoolean(block.enabled, "publicApi.enabled", DEFAULTS.publicApiEnabled),
    waf: optionalBoolean(block.waf, "publicApi.waf", DEFAULTS.waf),
    rateLimit: optionalInteger(
      block.rateLimit,
      "publicApi.rateLimit",
      LIMITS.rateLimit,
      DEFAULTS.rateLimit,
      "requests per five minutes",
    ) as number,
    certificate: optionalString(block.certificate, "publicApi.certificate"),
    certificateVaultId: optionalString(block.certificateVaultId, "publicApi.certificateVaultId"),
    domainName,
  };
}

/** Resolves `compliance`. */
export function resolveCompliance(value: unknown): ResolvedSpec["compliance"] {
  const block = optionalObject(value, "compliance") ?? {};
  rejectUnknownKeys(block, "compliance", ["frameworks"]);
  if (block.frameworks === undefined) return { frameworks: [...DEFAULTS.frameworks] };
  const frameworks = optionalStringList(block.frameworks, "compliance.frameworks");
  frameworks.forEach((framework, index) => {
    if (!(FRAMEWORK_IDS as readonly string[]).includes(framework)) {
      throw new SecureAiConfigError(
        `compliance.frameworks[${index}]`,
        framework,
        `allowed values are ${FRAMEWORK_IDS.map((f) => `"${f}"`).join(", ")}`,
      );
    }
  });
  if (frameworks.length === 0) {
    throw new SecureAiConfigError(
      "compliance.frameworks",
      [],
      "name at least one framework, or leave the argument unset for all",
    );
  }
  return { frameworks: frameworks as FrameworkId[] };
}

/** Resolves `tags` in the form every cloud accepts (GCP labels are the strictest). */
export function resolveTags(value: unknown): Record<string, string> {
  const block = optionalObject(value, "tags") ?? {};
  for (const [key, tagValue] of Object.entries(block)) {
    if (!TAG_KEY.test(key)) {
      throw new SecureAiConfigError(
        `tags.${key}`,
        key,
        "tag keys use lowercase letters, digits, '_' and '-', start with a letter, at most 63 characters",
      );
    }
    if (typeof tagValue !== "string" || !TAG_VALUE.test(tagValue)) {
      throw new SecureAiConfigError(
        `tags.${key}`,
        tagValue,
        "tag values are strings of lowercase letters, digits, '_' and '-', at most 63 characters",
      );
    }
  }
  return { ...(block as Record<string, string>) };
}
