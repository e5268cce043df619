/**
 * The pack's GetAnalyzerInfo answer (`pulumirpc.AnalyzerInfo`) written as protobuf wire bytes, byte for byte
 * what `@pulumi/policy` 1.21's `makeAnalyzerInfo(...).serializeBinary()` writes: fields in ascending number
 * order, proto3 defaults left out, Struct keys sorted as `jspb.Map` sorts them, and a schema object shared by
 * several policies encoded once. `./analyzer-info-encoding.ts` installs it in the SDK.
 */
import { MessageWriter, NotEncodable } from "./wire-writer";

/** A policy as the SDK reads it for AnalyzerInfo. */
export interface DescribedPolicy {
  name: string;
  description: string;
  enforcementLevel?: string;
  displayName?: string;
  severity?: string;
  tags?: string[];
  remediationSteps?: string;
  url?: string;
  framework?: { name?: string; version?: string; reference?: string; specification?: string };
  configSchema?: { properties?: Record<string, unknown>; required?: string[] };
}

/** The SDK's own tests of a policy's kind (`@pulumi/policy/policy`), so kinds are told apart as it does. */
export interface PolicyKinds {
  isResourcePolicy(policy: unknown): boolean;
  isStackPolicy(policy: unknown): boolean;
}

/** The pack arguments the SDK reads for AnalyzerInfo. */
export interface DescribedPack {
  policies?: DescribedPolicy[];
  displayName?: string;
  description?: string;
  readme?: string;
  provider?: string;
  tags?: string[];
  repository?: string;
}

/** pulumirpc.EnforcementLevel. */
const ENFORCEMENT: Record<string, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
/** pulumirpc.PolicySeverity; anything else is UNSPECIFIED (0), as the SDK maps it. */
const SEVERITY: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
/** pulumirpc.PolicyType. */
const RESOURCE_POLICY = 1;
const STACK_POLICY = 2;

/** Encodes `google.protobuf.Value`s; objects and arrays seen before (by identity) are encoded once. */
class StructEncoder {
  private readonly encoded = new WeakMap<object, Buffer>();

  /** `Struct.fromJavaScript(object)` serialised: one map entry per key, keys sorted. */
  struct(object: Record<string, unknown> | undefined): Buffer {
    const writer = new MessageWriter();
    if (object === undefined || object === null) {
      return writer.done();
    }
    if (Object.getPrototypeOf(object) !== Object.prototype && Object.getPrototypeOf(object) !== null) {
      // `Struct.fromJavaScript` walks inherited keys too (`for...in`): leave such objects to the SDK.
      throw new NotEncodable("a config schema object with a prototype");
    }
    for (const key of Object.keys(object).sort()) {
      const entry = new MessageWriter().string(1, key).bytes(2, this.value(object[key])).done();
      writer.bytes(1, entry);
    }
    return writer.done();
  }

  /** `Value.fromJavaScript(value)` serialised. */
  value(value: unknown): Buffer {
    if (value === null) {
      return new MessageWriter().number(1, 0).done();
    }
    switch (typeof value) {
      case "number":
        return new MessageWriter().double(2, value).done();
      case "string":
        return new MessageWriter().string(3, value).done();
      case "boolean":
        return new MessageWriter().number(4, value ? 1 : 0).done();
      case "object":
        return this.composite(value);
      default:
        throw new NotEncodable(`a ${typeof value} in a config schema`);
    }
  }

  private composite(value: object): Buffer {
    const known = this.encoded.get(value);
    if (known !== undefined) {
      return known;
    }
    let bytes: Buffer;
    if (Array.isArray(value)) {
      const list = new MessageWriter();
      for (const item of value as unknown[]) {
        list.bytes(1, this.value(item));
      }
      bytes = new MessageWriter().bytes(6, list.done()).done();
    } else {
      bytes = new MessageWriter().bytes(5, this.struct(value as Record<string, unknown>)).done();
    }
    this.encoded.set(value, bytes);
    return bytes;
  }
}

function enforcementLevel(level: string): number {
  const number = ENFORCEMENT[level];
  if (number === undefined) {
    throw new NotEncodable(`enforcement level ${level}`);
  }
  return number;
}

function policyInfo(
  policy: DescribedPolicy,
  packLevel: string,
  structs: StructEncoder,
  kinds: PolicyKinds,
): Buffer {
  const writer = new MessageWriter();
  writer.optionalString(1, policy.name).optionalString(2, policy.displayName);
  writer.optionalString(3, policy.description);
  writer.optionalNumber(5, enforcementLevel(policy.enforcementLevel || packLevel));
  if (policy.configSchema) {
    const schema = new MessageWriter().bytes(1, structs.struct(policy.configSchema.properties));
    for (const name of policy.configSchema.required ?? []) {
      schema.string(2, name);
    }
    writer.bytes(6, schema.done());
  }
  const type = kinds.isResourcePolicy(policy)
    ? RESOURCE_POLICY
    : kinds.isStackPolicy(policy)
      ? STACK_POLICY
      : 0;
  writer.optionalNumber(7, type);
  writer.optionalNumber(8, policy.severity ? (SEVERITY[policy.severity] ?? 0) : 0);
  if (policy.framework) {
    const framework = policy.framework;
    writer.bytes(
      9,
      new MessageWriter()
        .optionalString(1, framework.name)
        .optionalString(2, framework.version)
        .optionalString(3, framework.reference)
        .optionalString(4, framework.specification)
        .done(),
    );
  }
  for (const tag of policy.tags ?? []) {
    writer.string(10, tag);
  }
  writer.optionalString(11, policy.remediationSteps).optionalString(12, policy.url);
  return writer.done();
}

/**
 * The serialised AnalyzerInfo for a pack with no initial config.
 *
 * @param kinds - the SDK's tests of a policy's kind.
 * @throws NotEncodable when the SDK's function must answer instead.
 */
export function encodeAnalyzerInfo(
  name: string,
  version: string,
  level: string,
  pack: DescribedPack,
  kinds: PolicyKinds,
): Buffer {
  return new AnalyzerInfoEncoder(name, version, level, pack, kinds).finish();
}

/**
 * {@link encodeAnalyzerInfo} policy by policy, so that the work can be spread over several turns of the event
 * loop. The pack's arguments must not change between the first {@link advance} and {@link finish}.
 */
export class AnalyzerInfoEncoder {
  private readonly structs = new StructEncoder();
  private readonly encodedPolicies: Buffer[] = [];

  constructor(
    private readonly name: string,
    private readonly version: string,
    private readonly level: string,
    private readonly pack: DescribedPack,
    private readonly kinds: PolicyKinds,
  ) {}

  /**
   * Encodes up to `count` more policies.
   *
   * @returns whether every policy is now encoded.
   * @throws NotEncodable when the SDK's function must answer instead.
   */
  advance(count: number): boolean {
    const policies = this.pack.policies ?? [];
    const end = Math.min(policies.length, this.encodedPolicies.length + count);
    for (let index = this.encodedPolicies.length; index < end; index++) {
      this.encodedPolicies.push(policyInfo(policies[index]!, this.level, this.structs, this.kinds));
    }
    return this.encodedPolicies.length >= policies.length;
  }

  /**
   * Encodes what is left and returns the whole AnalyzerInfo.
   *
   * @throws NotEncodable when the SDK's function must answer instead.
   */
  finish(): Buffer {
    this.advance(Number.POSITIVE_INFINITY);
    const pack = this.pack;
    const writer = new MessageWriter().optionalString(1, this.name).optionalString(2, pack.displayName);
    for (const info of this.encodedPolicies) {
      writer.bytes(3, info);
    }
    writer.optionalString(4, this.version).number(5, 1);
    writer
      .optionalString(7, pack.description)
      .optionalString(8, pack.readme)
      .optionalString(9, pack.provider);
    for (const tag of pack.tags ?? []) {
      writer.string(10, tag);
    }
    writer.optionalString(11, pack.repository);
    return writer.done();
  }
}

/**
 * Policies encoded per turn of the event loop when the answer is prepared ahead (some 4 ms on a cold start
 * here), so a caller connecting meanwhile is answered between turns instead of after the whole encoding.
 */
export const POLICIES_PER_TURN = 24;
