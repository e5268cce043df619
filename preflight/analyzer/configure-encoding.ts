/**
 * The Configure request (`pulumirpc.ConfigureAnalyzerRequest`) as wire bytes.
 *
 * The secure-ai pack has some 280 policies; building one google-protobuf `PolicyConfig` and one
 * `Struct.fromJavaScript` per policy and serializing them cost the client several times what the pack took
 * to apply the config. {@link encodeConfigureRequest} writes the same bytes directly (`struct-writer.ts`;
 * byte for byte the generated code's, proved in tests/preflight/analyzer/configure-encoding.test.ts) and
 * uses the generated code for input the writer does not reproduce exactly.
 */
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { type EnforcementLevel } from "../model";
import { type PolicyConfigEntry } from "./client";
import { NotEncodable, WireWriter, writeStructFields } from "./struct-writer";

/** Enforcement levels as the protocol numbers them. */
export const ENFORCEMENT_TO_PROTO: Record<EnforcementLevel, analyzerProto.EnforcementLevel> = {
  advisory: analyzerProto.EnforcementLevel.ADVISORY,
  mandatory: analyzerProto.EnforcementLevel.MANDATORY,
  disabled: analyzerProto.EnforcementLevel.DISABLED,
  remediate: analyzerProto.EnforcementLevel.REMEDIATE,
};

/**
 * The request through the generated classes: every policy's level and its properties as a (possibly empty)
 * Struct. The reference the direct writer matches, and its fallback.
 */
export function configureRequestMessage(
  config: Record<string, PolicyConfigEntry>,
): analyzerProto.ConfigureAnalyzerRequest {
  const request = new analyzerProto.ConfigureAnalyzerRequest();
  for (const [policy, entry] of Object.entries(config)) {
    const message = new analyzerProto.PolicyConfig();
    message.setEnforcementlevel(ENFORCEMENT_TO_PROTO[entry.enforcementLevel]);
    message.setProperties(
      Struct.fromJavaScript((entry.properties ?? {}) as Parameters<typeof Struct.fromJavaScript>[0]),
    );
    request.getPolicyconfigMap().set(policy, message);
  }
  return request;
}

/** Writes the request directly; {@link NotEncodable} for input the writer does not reproduce exactly. */
function writeConfigureRequest(config: Record<string, PolicyConfigEntry>): Buffer {
  const writer = new WireWriter(64 * Object.keys(config).length + 64);
  // map<string, PolicyConfig> policyConfig = 1, entries in jspb.Map's (sorted) key order.
  for (const policy of Object.keys(config).sort()) {
    if (policy === "__proto__") {
      throw new NotEncodable("the policy name __proto__");
    }
    const entry = config[policy]!;
    const level = ENFORCEMENT_TO_PROTO[entry.enforcementLevel];
    if (level === undefined) {
      throw new NotEncodable(`enforcement level ${String(entry.enforcementLevel)}`);
    }
    const mapEntry = writer.begin(1);
    writer.string(1, policy);
    const message = writer.begin(2);
    if (level !== 0) {
      writer.number(1, level);
    }
    const properties = writer.begin(2);
    writeStructFields(writer, entry.properties ?? {});
    writer.end(properties);
    writer.end(message);
    writer.end(mapEntry);
  }
  return writer.done();
}

/**
 * The serialized ConfigureAnalyzerRequest for `config`: what `configureRequestMessage(config).serializeBinary()`
 * gives, written directly when the writer reproduces it exactly.
 *
 * @throws Error as google-protobuf throws for a value a Struct cannot hold (e.g. `undefined`).
 */
export function encodeConfigureRequest(config: Record<string, PolicyConfigEntry>): Buffer {
  try {
    return writeConfigureRequest(config);
  } catch (error) {
    if (!(error instanceof NotEncodable)) {
      throw error;
    }
    return Buffer.from(configureRequestMessage(config).serializeBinary());
  }
}
