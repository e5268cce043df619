import { SecureAiConfigError } from "../errors";
import type { ControlId } from "../controls/ids";
import { rejectUnknownKeys, requireObject } from "./checks";
import { resolveCloudBlock } from "./resolve-cloud";
import {
  resolveCompliance,
  resolveDetection,
  resolveEncryption,
  resolveIdentity,
  resolveLogging,
  resolveNetwork,
  resolvePublicApi,
  resolveTags,
  resolveTransport,
} from "./resolve-options";
import { resolveWaivers } from "./resolve-waivers";
import { resolveDatasets, resolveModels } from "./resolve-workloads";
import { CLOUDS, type CloudName, type ResolvedSpec } from "./resolved";

const TOP_LEVEL_KEYS = [
  "cloud",
  "models",
  "datasets",
  "aws",
  "gcp",
  "azure",
  "encryption",
  "transport",
  "network",
  "identity",
  "logging",
  "detection",
  "publicApi",
  "compliance",
  "waivers",
  "tags",
] as const;

/** Options of resolveSpec. */
export interface ResolveOptions {
  /**
   * The time waivers' expiry dates are compared with.
   * @default the current time
   */
  now?: Date;
}

function resolveCloud(value: unknown): CloudName {
  if (typeof value !== "string" || !(CLOUDS as readonly string[]).includes(value)) {
    throw new SecureAiConfigError(
      "cloud",
      value,
      `allowed values are ${CLOUDS.map((c) => `"${c}"`).join(", ")}`,
    );
  }
  return value as CloudName;
}

/**
 * Applies every default to SecureAiPlatform's arguments and validates them. Pure: it creates no resources.
 * Throws SecureAiConfigError for the first invalid argument, in argument order.
 */
export function resolveSpec(args: unknown, options: ResolveOptions = {}): ResolvedSpec {
  const input = requireObject(args, "args", "an arguments object for SecureAiPlatform");
  rejectUnknownKeys(input, "", TOP_LEVEL_KEYS);
  const cloud = resolveCloud(input.cloud);
  const encryption = resolveEncryption(input.encryption);
  const spec: ResolvedSpec = {
    cloud,
    models: resolveModels(input.models, cloud, encryption.hsm === "all"),
    datasets: resolveDatasets(input.datasets),
    ...resolveCloudBlock(cloud, input),
    encryption,
    transport: resolveTransport(input.transport),
    network: resolveNetwork(input.network),
    identity: resolveIdentity(input.identity),
    logging: resolveLogging(input.logging),
    detection: resolveDetection(input.detection),
    publicApi: resolvePublicApi(input.publicApi),
    compliance: resolveCompliance(input.compliance),
    waivers: resolveWaivers(input.waivers, options.now ?? new Date()),
    tags: resolveTags(input.tags),
    anyHsm: false,
  };
  spec.anyHsm = spec.models.some((model) => model.hsm);
  checkWeakenedControls(spec);
  return spec;
}

/** Rules across arguments: weakening a control needs a waiver for it; options must not contradict. */
function checkWeakenedControls(spec: ResolvedSpec): void {
  const waived = (id: ControlId) => spec.waivers.some((w) => w.control === id);
  if (spec.publicApi.enabled && !spec.publicApi.waf && !waived("SAI-NET-05")) {
    throw new SecureAiConfigError(
      "publicApi.waf",
      false,
      "a public API without a WAF needs a waiver for SAI-NET-05 in waivers",
    );
  }
  if (spec.transport.minimumTlsVersion === "1.2" && !waived("SAI-TLS-01")) {
    throw new SecureAiConfigError(
      "transport.minimumTlsVersion",
      "1.2",
      'use "1.3", or add a waiver for SAI-TLS-01 to accept TLS 1.2',
    );
  }
  const weakened = spec.models.findIndex((model) => model.guardrailStrength !== "high");
  if (weakened >= 0 && !waived("SAI-MOD-03")) {
    throw new SecureAiConfigError(
      `models[${weakened}].guardrailStrength`,
      spec.models[weakened].guardrailStrength,
      'use "high", or add a waiver for SAI-MOD-03 to weaken the model\'s guardrail',
    );
  }
  if (spec.transport.mutualTls.enabled && !spec.publicApi.enabled) {
    throw new SecureAiConfigError(
      "transport.mutualTls.enabled",
      true,
      "mutual TLS applies to the public ingress; enable publicApi or turn mutual TLS off",
    );
  }
  if (spec.logging.siem === "none" && !waived("SAI-LOG-03")) {
    throw new SecureAiConfigError(
      "logging.siem",
      "none",
      'use "native" or "export", or add a waiver for SAI-LOG-03',
    );
  }
  if (!spec.identity.requireMfa && !waived("SAI-IAM-04")) {
    throw new SecureAiConfigError(
      "identity.requireMfa",
      false,
      "human access requires MFA unless SAI-IAM-04 is waived",
    );
  }
  if (spec.publicApi.enabled && !spec.publicApi.certificate && spec.publicApi.domainName) {
    throw new SecureAiConfigError(
      "publicApi.certificate",
      undefined,
      "a custom domainName needs the certificate that covers it",
    );
  }
  if (spec.cloud === "aws" && spec.aws?.customKeyStoreId && !spec.anyHsm) {
    throw new SecureAiConfigError(
      "aws.customKeyStoreId",
      spec.aws.customKeyStoreId,
      'a custom key store holds HSM-tier keys only; mark a model sensitivity "high" or set encryption.hsm to "all"',
    );
  }
}
