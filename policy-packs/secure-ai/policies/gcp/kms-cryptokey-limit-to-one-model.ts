import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy, expectString, get, knownString, type StackView } from "../lib";
import { GCP } from "./types";

/** Which crypto key an endpoint uses: the stack's key it was computed from, or the key name it holds. */
function keyOf(stack: StackView, endpoint: PolicyResource): string | undefined {
  const keys = stack.ofType(GCP.kmsCryptoKey);
  const source = (endpoint.propertyDependencies?.encryptionSpec ?? []).find(
    (dependency) => dependency.type === GCP.kmsCryptoKey,
  );
  if (source !== undefined) {
    return source.urn;
  }
  const name = expectString(get(endpoint.props, "encryptionSpec", "kmsKeyName"))?.toLowerCase();
  if (name === undefined) {
    return undefined;
  }
  const named = keys.find((key) => knownString(get(key.props, "id"))?.toLowerCase() === name);
  return named?.urn ?? name;
}

/**
 * Every customer-facing model has its own key: no two Vertex AI endpoints name the same Cloud KMS key in
 * `encryptionSpec.kmsKeyName`, so one model's data can be revoked or destroyed on its own (a key's
 * disable or destroy affects every resource it protects: https://cloud.google.com/kms/docs/cmek#cmek_integrations).
 */
export const gcpKmsCryptokeyLimitToOneModel = defineStackPolicy({
  name: "gcp-kms-cryptokey-limit-to-one-model",
  cloud: "gcp",
  controls: ["SAI-ENC-02"],
  description:
    "No Cloud KMS crypto key is used by two Vertex AI endpoints (encryptionSpec.kmsKeyName): each customer-facing model has a dedicated key; advisory, since two endpoints may serve one model (waive them).",
  enforcementLevel: "advisory",
  resourceTypes: [GCP.kmsCryptoKey, GCP.vertexEndpoint],
  tags: ["kms", "encryption", "vertex"],
  validate: (stack, { report }) => {
    const byKey = new Map<string, PolicyResource[]>();
    for (const endpoint of stack.ofType(GCP.vertexEndpoint)) {
      const key = keyOf(stack, endpoint);
      if (key !== undefined) {
        byKey.set(key, [...(byKey.get(key) ?? []), endpoint]);
      }
    }
    for (const [key, endpoints] of byKey) {
      if (endpoints.length < 2) {
        continue;
      }
      const name = stack.resources.find((resource) => resource.urn === key)?.name ?? key;
      for (const endpoint of endpoints) {
        report(
          `Vertex AI endpoint "${endpoint.name}" shares key ${name} with ${endpoints
            .filter((other) => other !== endpoint)
            .map((other) => `"${other.name}"`)
            .join(", ")}: give each customer-facing model its own key`,
          endpoint,
        );
      }
    }
  },
});
