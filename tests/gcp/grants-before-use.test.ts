import { beforeAll, describe, expect, it } from "vitest";
import {
  AGENT_MEMBERS,
  BIGQUERY_AGENT_MEMBER,
  type BuiltPlatform,
  buildGcp,
  gcpArgs,
  installGcpMocks,
} from "../helpers/gcp-mocks";

const KEY_MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";

let built: BuiltPlatform;

beforeAll(async () => {
  await installGcpMocks();
  built = await buildGcp(
    "order",
    gcpArgs({ models: [{ name: "chat" }, { name: "vision", sensitivity: "high" }] }),
  );
});

/** The logical name of the grant of `member` on the key whose ID ends with `/cryptoKeys/<key>`. */
function grantName(key: string, member: string): string {
  const grants = built
    .ofType(KEY_MEMBER)
    .filter((g) => String(g.inputs.cryptoKeyId).endsWith(`/cryptoKeys/${key}`) && g.inputs.member === member);
  expect(grants).toHaveLength(1);
  return grants[0].name;
}

describe("GCP service agents hold their key before the resource that uses it exists", () => {
  it.each([
    ["gcp:storage/bucket:Bucket", "order-datasets", "order-datasets", AGENT_MEMBERS.storage],
    ["gcp:storage/bucket:Bucket", "order-artifacts", "order-artifacts", AGENT_MEMBERS.storage],
    ["gcp:storage/bucket:Bucket", "order-audit-logs", "order-logs", AGENT_MEMBERS.storage],
    ["gcp:storage/bucket:Bucket", "order-model-chat", "order-model-chat", AGENT_MEMBERS.storage],
    ["gcp:storage/bucket:Bucket", "order-model-vision", "order-model-vision", AGENT_MEMBERS.storage],
    ["gcp:vertex/aiEndpoint:AiEndpoint", "order-chat", "order-model-chat", AGENT_MEMBERS.vertex],
    ["gcp:vertex/aiEndpoint:AiEndpoint", "order-vision", "order-model-vision", AGENT_MEMBERS.vertex],
    ["gcp:pubsub/topic:Topic", "order-findings", "order-logs", AGENT_MEMBERS.pubsub],
    ["gcp:pubsub/topic:Topic", "order-siem", "order-logs", AGENT_MEMBERS.pubsub],
    [
      "gcp:logging/projectBucketConfig:ProjectBucketConfig",
      "order-audit",
      "order-logs",
      AGENT_MEMBERS.logging,
    ],
    ["gcp:bigquery/dataset:Dataset", "order-inference-logs", "order-logs", BIGQUERY_AGENT_MEMBER],
  ])("%s %s depends on the grant on %s", (type, name, key, member) => {
    const resource = built.named(type, name);
    expect(resource.dependsOn).toEqual([grantName(key, member)]);
  });

  it("encrypts each CMEK resource with the key whose grant it waits for", () => {
    const keyId = (key: string) =>
      `projects/acme-ai-prod/locations/europe-west4/keyRings/order-keyring/cryptoKeys/${key}`;
    expect(built.named("gcp:vertex/aiEndpoint:AiEndpoint", "order-vision").inputs.encryptionSpec).toEqual({
      kmsKeyName: keyId("order-model-vision"),
    });
    expect(
      (
        built.named("gcp:storage/bucket:Bucket", "order-model-chat").inputs.encryption as {
          defaultKmsKeyName: string;
        }
      ).defaultKmsKeyName,
    ).toBe(keyId("order-model-chat"));
    expect(built.named("gcp:pubsub/topic:Topic", "order-findings").inputs.kmsKeyName).toBe(
      keyId("order-logs"),
    );
    expect(
      built.named("gcp:logging/projectBucketConfig:ProjectBucketConfig", "order-audit").inputs.cmekSettings,
    ).toEqual({
      kmsKeyName: keyId("order-logs"),
    });
    expect(
      built.named("gcp:bigquery/dataset:Dataset", "order-inference-logs").inputs
        .defaultEncryptionConfiguration,
    ).toEqual({ kmsKeyName: keyId("order-logs") });
  });
});
