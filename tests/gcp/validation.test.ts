import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError, SecureAiPlatform } from "../../components";
import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

beforeAll(installGcpMocks);

function errorOf(args: SecureAiPlatformArgs): SecureAiConfigError {
  let caught: unknown;
  try {
    new SecureAiPlatform("bad", args);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SecureAiConfigError);
  return caught as SecureAiConfigError;
}

const CERTIFICATE = "projects/acme-ai-prod/global/sslCertificates/api";

describe("GCP-specific bad input is rejected with SecureAiConfigError", () => {
  it.each<[string, SecureAiPlatformArgs, string, RegExp]>([
    [
      "project ID format",
      gcpArgs({ gcp: { project: "Acme_Prod", region: "europe-west4" } }),
      "gcp.project",
      /project ID/,
    ],
    ["region", gcpArgs({ gcp: { project: "acme-ai-prod", region: "europe" } }), "gcp.region", /GCP region/],
    [
      "EKM connection outside the key ring's location",
      gcpArgs({
        encryption: { externalKeyStore: "projects/acme-ai-prod/locations/us-east1/ekmConnections/onprem" },
      }),
      "encryption.externalKeyStore",
      /key ring's location.*europe-west4.*us-east1/,
    ],
    [
      "EKM reference that is not a connection",
      gcpArgs({ encryption: { externalKeyStore: "https://ekm.example.com/v0/keys/k1" } }),
      "encryption.externalKeyStore",
      /Cloud EKM connection/,
    ],
    [
      "rotation of one day (Cloud KMS needs more)",
      gcpArgs({ encryption: { rotationDays: 1 } }),
      "encryption.rotationDays",
      /longer than one day/,
    ],
    [
      "break-glass principal without an IAM member prefix",
      gcpArgs({ encryption: { breakGlassPrincipals: ["ana@example.com"] } }),
      "encryption.breakGlassPrincipals[0]",
      /IAM members/,
    ],
    [
      "data scientist given as an AWS ARN",
      gcpArgs({ identity: { dataScientists: ["arn:aws:iam::123456789012:role/ds"] } }),
      "identity.dataScientists[0]",
      /IAM members/,
    ],
    [
      "existing subnet in another region",
      gcpArgs({
        network: {
          existing: {
            networkId: "projects/acme-net/global/networks/hub",
            subnetIds: ["projects/acme-net/regions/us-central1/subnetworks/ai"],
          },
        },
      }),
      "network.existing.subnetIds[0]",
      /platform region/,
    ],
    [
      "existing network given as a VPC ID",
      gcpArgs({
        network: {
          existing: {
            networkId: "vpc-0123456789abcdef0",
            subnetIds: ["projects/a-net1/regions/europe-west4/subnetworks/ai"],
          },
        },
      }),
      "network.existing.networkId",
      /network ID/,
    ],
    [
      "SIEM destination that is not a topic",
      gcpArgs({
        logging: { siem: "export", siemDestination: "arn:aws:kinesis:eu-west-1:123456789012:stream/x" },
      }),
      "logging.siemDestination",
      /Pub\/Sub topic/,
    ],
    [
      "public API without a certificate",
      gcpArgs({ publicApi: { enabled: true } }),
      "publicApi.certificate",
      /sslCertificates/,
    ],
  ])("%s", (_label, args, path, message) => {
    const error = errorOf(args);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it("accepts the known-good forms", () => {
    expect(
      () =>
        new SecureAiPlatform(
          "good",
          gcpArgs({
            encryption: {
              breakGlassPrincipals: ["group:kms@example.com", "user:ana@example.com"],
              externalKeyStore: "projects/acme-ai-prod/locations/europe-west4/ekmConnections/onprem",
            },
            identity: { dataScientists: ["principalSet://goog/group/ds@example.com"] },
            logging: { siem: "export", siemDestination: "projects/acme-soc/topics/audit" },
            publicApi: { enabled: true, certificate: CERTIFICATE },
          }),
        ),
    ).not.toThrow();
  });
});
