import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy, expectString, get, knownString, type StackView } from "../lib";
import { AWS } from "./types";

/** The model resources that take a KMS key, and the property that names it. */
const MODEL_KEYS: readonly { type: string; property: string; kind: string }[] = [
  {
    type: AWS.sagemakerEndpointConfiguration,
    property: "kmsKeyArn",
    kind: "SageMaker endpoint configuration",
  },
  { type: AWS.bedrockCustomModel, property: "customModelKmsKeyId", kind: "Bedrock custom model" },
  { type: AWS.bedrockGuardrail, property: "kmsKeyArn", kind: "Bedrock guardrail" },
];
const KEY_TYPES: readonly string[] = [AWS.kmsKey, AWS.kmsExternalKey];

/** A key ID out of a key ARN (`arn:aws:kms:<region>:<account>:key/<id>`), or the value itself. */
function keyIdOf(text: string): string {
  return (/:key\/(.+)$/.exec(text)?.[1] ?? text).toLowerCase();
}

/**
 * Which key a model resource uses: the stack's key its property was computed from, the stack's key whose
 * ARN or ID it names, or (for a key outside the stack) the key ID it names; `undefined` when it names none
 * or the value is not known yet.
 */
function keyOf(stack: StackView, resource: PolicyResource, property: string): string | undefined {
  const keys = KEY_TYPES.flatMap((type) => stack.ofType(type));
  const source = (resource.propertyDependencies?.[property] ?? []).find((dependency) =>
    KEY_TYPES.includes(dependency.type),
  );
  if (source !== undefined) {
    return source.urn;
  }
  const text = expectString(get(resource.props, property));
  if (text === undefined) {
    return undefined;
  }
  const id = keyIdOf(text);
  const named = keys.find((key) =>
    ["arn", "keyId", "id"].some((output) => {
      const value = knownString(get(key.props, output));
      return value !== undefined && keyIdOf(value) === id;
    }),
  );
  return named?.urn ?? id;
}

/**
 * Every customer-facing model has its own key: no KMS key encrypts two model resources of the same kind (two
 * SageMaker endpoint configurations, two Bedrock custom models, two guardrails). Resources of different kinds
 * may share a key, since one model's endpoint and guardrail belong together; whether they do is the
 * program's call. Separate keys let one model's data be revoked or crypto-shredded alone
 * (https://docs.aws.amazon.com/kms/latest/developerguide/kms-best-practices.html).
 */
export const awsKmsKeyLimitToOneModel = defineStackPolicy({
  name: "aws-kms-key-limit-to-one-model",
  cloud: "aws",
  controls: ["SAI-ENC-02"],
  description:
    "No KMS key is used by two model resources of the same kind: SageMaker endpoint configurations (kmsKeyArn), Bedrock custom models (customModelKmsKeyId) and Bedrock guardrails (kmsKeyArn) each name a key no other resource of their kind names; advisory, since two resources of one model may share its key (waive them).",
  enforcementLevel: "advisory",
  resourceTypes: [...KEY_TYPES, ...MODEL_KEYS.map((entry) => entry.type)],
  tags: ["kms", "encryption", "models"],
  validate: (stack, { report }) => {
    for (const { type, property, kind } of MODEL_KEYS) {
      const byKey = new Map<string, PolicyResource[]>();
      for (const resource of stack.ofType(type)) {
        const key = keyOf(stack, resource, property);
        if (key !== undefined) {
          byKey.set(key, [...(byKey.get(key) ?? []), resource]);
        }
      }
      for (const [key, users] of byKey) {
        if (users.length < 2) {
          continue;
        }
        const name = stack.resources.find((resource) => resource.urn === key)?.name ?? key;
        for (const user of users) {
          report(
            `${kind} "${user.name}" shares key ${name} with ${users
              .filter((other) => other !== user)
              .map((other) => `"${other.name}"`)
              .join(", ")}: give each customer-facing model its own key`,
            user,
          );
        }
      }
    }
  },
});
