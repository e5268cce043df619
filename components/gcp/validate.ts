import { SecureAiConfigError } from "../errors";
import type { ResolvedSpec } from "../spec/resolved";

const IAM_MEMBER = /^((user|group|serviceAccount|domain):[^\s:]+|principal(Set)?:\/\/\S+)$/;
const EKM_CONNECTION =
  /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/locations\/([a-z0-9-]+)\/ekmConnections\/[A-Za-z0-9_-]{1,63}$/;
const NETWORK_ID =
  /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/global\/networks\/[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const SUBNET_ID =
  /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/regions\/([a-z0-9-]+)\/subnetworks\/[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const TOPIC_ID = /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/topics\/[A-Za-z][\w.~+%-]{2,254}$/;
const SSL_CERTIFICATE =
  /^(https:\/\/www\.googleapis\.com\/compute\/v1\/)?projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/global\/sslCertificates\/[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Cloud KMS rotates no more often than this (the period must be longer than one day). */
export const MIN_ROTATION_DAYS = 2;

function members(values: readonly string[], path: string): void {
  values.forEach((value, index) => {
    if (!IAM_MEMBER.test(value)) {
      throw new SecureAiConfigError(
        `${path}[${index}]`,
        value,
        'on GCP, principals are IAM members such as "user:ana@example.com", "group:ml@example.com" or "serviceAccount:..."',
      );
    }
  });
}

/**
 * Checks what only the GCP backend can judge: IAM member syntax, resource IDs in Google's formats, and
 * locations that must match the platform's region (a key ring only accepts keys of an EKM connection in its own
 * location; subnets are regional). Pure; runs before the backend registers any resource.
 */
export function checkGcpSpec(spec: ResolvedSpec): void {
  const region = spec.gcp?.region ?? "";
  if (spec.encryption.rotationDays < MIN_ROTATION_DAYS) {
    throw new SecureAiConfigError(
      "encryption.rotationDays",
      spec.encryption.rotationDays,
      `Cloud KMS needs a rotation period longer than one day; use ${MIN_ROTATION_DAYS} to 90 on GCP`,
    );
  }
  members(spec.encryption.breakGlassPrincipals, "encryption.breakGlassPrincipals");
  members(spec.identity.dataScientists, "identity.dataScientists");
  members(spec.identity.admins, "identity.admins");

  const ekm = spec.encryption.externalKeyStore;
  if (ekm !== undefined) {
    const match = EKM_CONNECTION.exec(ekm);
    if (!match) {
      throw new SecureAiConfigError(
        "encryption.externalKeyStore",
        ekm,
        'on GCP, a Cloud EKM connection: "projects/<project>/locations/<region>/ekmConnections/<name>"',
      );
    }
    if (match[1] !== region) {
      throw new SecureAiConfigError(
        "encryption.externalKeyStore",
        ekm,
        `the EKM connection must be in the key ring's location, the platform region "${region}" (found "${match[1]}")`,
      );
    }
  }

  const existing = spec.network.existing;
  if (existing) {
    if (!NETWORK_ID.test(existing.networkId)) {
      throw new SecureAiConfigError(
        "network.existing.networkId",
        existing.networkId,
        'expected a network ID: "projects/<project>/global/networks/<name>"',
      );
    }
    existing.subnetIds.forEach((subnet, index) => {
      const match = SUBNET_ID.exec(subnet);
      const path = `network.existing.subnetIds[${index}]`;
      if (!match) {
        throw new SecureAiConfigError(
          path,
          subnet,
          'expected "projects/<project>/regions/<region>/subnetworks/<name>"',
        );
      }
      if (match[1] !== region) {
        throw new SecureAiConfigError(path, subnet, `subnets must be in the platform region "${region}"`);
      }
    });
  }

  const destination = spec.logging.siemDestination;
  if (destination !== undefined && !TOPIC_ID.test(destination)) {
    throw new SecureAiConfigError(
      "logging.siemDestination",
      destination,
      'on GCP, a Pub/Sub topic: "projects/<project>/topics/<name>"',
    );
  }

  if (spec.publicApi.enabled) {
    const certificate = spec.publicApi.certificate;
    if (certificate === undefined || !SSL_CERTIFICATE.test(certificate)) {
      throw new SecureAiConfigError(
        "publicApi.certificate",
        certificate,
        'the GCP public API needs its certificate: "projects/<project>/global/sslCertificates/<name>" (a Google-managed or uploaded certificate)',
      );
    }
  }
}
