import { createHash } from "node:crypto";

/** The signature key and values of the deployment format's special property values. */
export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

const PROJECT = "shop";
const STACK = "prod";

/** A URN of the hand-written fixture stack. */
export function urnOf(type: string, name: string, parentType?: string): string {
  const qualified = parentType === undefined ? type : `${parentType}$${type}`;
  return `urn:pulumi:${STACK}::${PROJECT}::${qualified}::${name}`;
}

export const ROOT_URN = urnOf("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`);
export const PROVIDER_URN = urnOf("pulumi:providers:aws", "default_7_48_0");
export const PROVIDER_REF = `${PROVIDER_URN}::0a6b1e1c-1111-4222-a333-444455556666`;

/** A manifest as the CLI writes it: magic = SHA-256 of the version. */
export function manifest(version = "v3.190.0"): Record<string, unknown> {
  return { time: "2026-11-30T06:00:00Z", magic: createHash("sha256").update(version).digest("hex"), version };
}

/** A small state: the stack, the default AWS provider, a KMS key and a bucket encrypted with it. */
export function smallDeployment(overrides: { resources?: unknown[] } = {}): Record<string, unknown> {
  const keyUrn = urnOf("aws:kms/key:Key", "data");
  return {
    version: 3,
    deployment: {
      manifest: manifest(),
      secrets_providers: { type: "passphrase", state: { salt: "v1:abc:v1:def:ghi" } },
      resources: overrides.resources ?? [
        { urn: ROOT_URN, custom: false, type: "pulumi:pulumi:Stack", outputs: { bucket: "data-1234" } },
        {
          urn: PROVIDER_URN,
          custom: true,
          id: "0a6b1e1c-1111-4222-a333-444455556666",
          type: "pulumi:providers:aws",
          inputs: { region: "eu-west-1", version: "7.48.0" },
          outputs: { region: "eu-west-1", version: "7.48.0" },
        },
        {
          urn: keyUrn,
          custom: true,
          id: "1234abcd-12ab-34cd-56ef-1234567890ab",
          type: "aws:kms/key:Key",
          inputs: { enableKeyRotation: true, deletionWindowInDays: 30 },
          outputs: {
            arn: "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            enableKeyRotation: true,
            deletionWindowInDays: 30,
          },
          parent: ROOT_URN,
          provider: PROVIDER_REF,
          protect: true,
        },
        {
          urn: urnOf("aws:s3/bucket:Bucket", "data"),
          custom: true,
          id: "data-1234",
          type: "aws:s3/bucket:Bucket",
          inputs: {
            bucket: "data-1234",
            tags: { owner: { [SIG]: SECRET_SIG, plaintext: '"team-secret-owner"' } },
            policyKey: { [SIG]: REFERENCE_SIG, urn: keyUrn, id: "1234abcd-12ab-34cd-56ef-1234567890ab" },
          },
          outputs: { bucket: "data-1234", arn: "arn:aws:s3:::data-1234" },
          parent: ROOT_URN,
          dependencies: [keyUrn],
          propertyDependencies: { policyKey: [keyUrn] },
          provider: PROVIDER_REF,
          customTimeouts: { create: 300, update: 0, delete: 90 },
        },
      ],
    },
  };
}
