/**
 * Encodes the pack's GetAnalyzerInfo answer (`pulumirpc.AnalyzerInfo`) straight to protobuf wire bytes,
 * byte for byte what `@pulumi/policy` 1.21's `makeAnalyzerInfo(...).serializeBinary()` writes.
 *
 * The SDK builds a google-protobuf message per policy and, for each policy's config schema, one `Value`
 * message per JSON node (the shared `waivers` schema alone has some 25), then serialises them all: about a
 * quarter of a second for the secure-ai pack's 280 policies, spent while the first caller waits. This encoder
 * writes the same fields in the same order (field numbers ascending, proto3 defaults left out, Struct keys
 * sorted as `jspb.Map` sorts them), and encodes a schema object shared by several policies once.
 *
 * It covers what the pack serves: no initial config (the pack passes none). With one, or when anything
 * does not encode (an enforcement level the SDK rejects, a schema value the SDK cannot convert), the SDK's
 * own function runs and answers or throws exactly as it would. Proved byte-identical in
 * tests/policies/lib/analyzer-info-encoding.test.ts.
 */
import { createRequire } from "node:module";
import { MessageWriter, NotEncodable } from "./wire-writer";

/** A policy as the SDK reads it for AnalyzerInfo. */
interface DescribedPolicy {
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
interface DescribedPack {
  policies?: DescribedPolicy[];
  displayName?: string;
  description?: string;
  readme?: string;
  provider?: string;
  tags?: string[];
  repository?: string;
}

type MakeAnalyzerInfo = (
  name: string,
  version: string,
  level: string,
  args: DescribedPack,
  initialConfig?: Record<string, unknown>,
) => { serializeBinary(): Uint8Array };

interface ProtoutilModule {
  makeAnalyzerInfo?: MakeAnalyzerInfo;
  __secureAiAnalyzerInfo?: boolean;
  /** Encodes the answer ahead of the first GetAnalyzerInfo call (set with the direct encoding). */
  __secureAiPrepareAnalyzerInfo?: PrepareAnalyzerInfo;
}

type PrepareAnalyzerInfo = (
  name: string,
  version: string,
  level: string,
  args: DescribedPack,
  initialConfig?: Record<string, unknown>,
) => void;

type PolicyModule = Partial<PolicyKinds>;

interface AnalyzerProtoModule {
  AnalyzerInfo?: new () => { serializeBinary(): Uint8Array };
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
  const structs = new StructEncoder();
  const writer = new MessageWriter().optionalString(1, name).optionalString(2, pack.displayName);
  for (const policy of pack.policies ?? []) {
    writer.bytes(3, policyInfo(policy, level, structs, kinds));
  }
  writer.optionalString(4, version).number(5, 1);
  writer.optionalString(7, pack.description).optionalString(8, pack.readme).optionalString(9, pack.provider);
  for (const tag of pack.tags ?? []) {
    writer.string(10, tag);
  }
  writer.optionalString(11, pack.repository);
  return writer.done();
}

/** Whether the SDK would put any entry in AnalyzerInfo's initial config map. */
function hasInitialConfig(initialConfig: Record<string, unknown> | undefined): boolean {
  return initialConfig !== undefined && Object.keys(initialConfig).length > 0;
}

/**
 * Makes the policy server answer GetAnalyzerInfo through {@link encodeAnalyzerInfo} (see the module comment).
 *
 * @param requireFrom - resolves modules as `@pulumi/policy` does. @default `require` from `@pulumi/policy`
 * @returns whether the SDK had the expected shape and its function is now wrapped.
 */
export function encodeAnalyzerInfoDirectly(requireFrom?: NodeJS.Require): boolean {
  let protoutil: ProtoutilModule;
  let proto: AnalyzerProtoModule;
  let policyModule: PolicyModule;
  try {
    const resolve = requireFrom ?? createRequire(require.resolve("@pulumi/policy"));
    protoutil = resolve("@pulumi/policy/protoutil") as ProtoutilModule;
    proto = resolve("@pulumi/pulumi/proto/analyzer_pb") as AnalyzerProtoModule;
    policyModule = resolve("@pulumi/policy/policy") as PolicyModule;
  } catch {
    return false;
  }
  const original = protoutil.makeAnalyzerInfo;
  const AnalyzerInfo = proto.AnalyzerInfo;
  if (protoutil.__secureAiAnalyzerInfo) {
    return true;
  }
  const { isResourcePolicy, isStackPolicy } = policyModule;
  if (
    typeof original !== "function" ||
    typeof AnalyzerInfo !== "function" ||
    typeof isResourcePolicy !== "function" ||
    typeof isStackPolicy !== "function"
  ) {
    return false;
  }
  const kinds: PolicyKinds = { isResourcePolicy, isStackPolicy };
  // The answer depends only on the served pack (its arguments are not changed once served): encoded once.
  const encodedFor = new WeakMap<DescribedPack, { key: string; bytes: Buffer }>();
  const bytesFor = (name: string, version: string, level: string, args: DescribedPack): Buffer => {
    const key = JSON.stringify([name, version, level]);
    const known = encodedFor.get(args);
    if (known?.key === key) {
      return known.bytes;
    }
    const bytes = encodeAnalyzerInfo(name, version, level, args, kinds);
    encodedFor.set(args, { key, bytes });
    return bytes;
  };
  protoutil.makeAnalyzerInfo = (name, version, level, args, initialConfig) => {
    if (hasInitialConfig(initialConfig)) {
      return original(name, version, level, args, initialConfig);
    }
    let bytes: Buffer;
    try {
      bytes = bytesFor(name, version, level, args);
    } catch (error) {
      if (error instanceof NotEncodable) {
        return original(name, version, level, args, initialConfig);
      }
      throw error;
    }
    // The gRPC service checks the class, then calls serializeBinary.
    const message = new AnalyzerInfo();
    message.serializeBinary = () => bytes;
    return message;
  };
  protoutil.__secureAiPrepareAnalyzerInfo = (name, version, level, args, initialConfig) => {
    if (!hasInitialConfig(initialConfig)) {
      try {
        bytesFor(name, version, level, args);
      } catch {
        // The GetAnalyzerInfo call encodes it again, and answers or fails as it would have.
      }
    }
  };
  protoutil.__secureAiAnalyzerInfo = true;
  return true;
}

/** `@grpc/grpc-js`'s server, as far as `bindAsync` goes. */
interface BindingServer {
  prototype: {
    bindAsync(address: string, credentials: unknown, callback: (error: unknown, port: number) => void): void;
  };
}

/**
 * Makes the pack encode its GetAnalyzerInfo answer right after it has printed its port, while the caller
 * connects, instead of when the first GetAnalyzerInfo call arrives. Needs {@link encodeAnalyzerInfoDirectly}
 * first; it changes nothing else (the answer is the same bytes, and a failure is left to the call).
 *
 * @param requireFrom - resolves modules as `@pulumi/policy` does. @default `require` from `@pulumi/policy`
 * @param requireNextTo - resolves modules from the server module's directory (`@grpc/grpc-js` as the server
 *   loads it). @default `createRequire(serverPath)`
 * @returns whether the SDK had the expected shape and `serve` is now wrapped.
 */
export function prepareAnalyzerInfoOnListening(
  requireFrom?: NodeJS.Require,
  requireNextTo: (serverPath: string) => NodeJS.Require = createRequire,
): boolean {
  let server: { serve?: (...args: unknown[]) => void; __secureAiPrepared?: boolean };
  let protoutil: ProtoutilModule;
  let grpc: { Server?: BindingServer };
  try {
    const resolve = requireFrom ?? createRequire(require.resolve("@pulumi/policy"));
    const serverPath = resolve.resolve("@pulumi/policy/server");
    server = resolve(serverPath) as typeof server;
    protoutil = resolve("@pulumi/policy/protoutil") as ProtoutilModule;
    grpc = requireNextTo(serverPath)("@grpc/grpc-js") as typeof grpc;
  } catch {
    return false;
  }
  const originalServe = server.serve;
  const prototype = grpc.Server?.prototype;
  const prepare = protoutil.__secureAiPrepareAnalyzerInfo;
  if (server.__secureAiPrepared) {
    return true;
  }
  if (typeof originalServe !== "function" || typeof prototype?.bindAsync !== "function" || !prepare) {
    return false;
  }
  server.serve = function serveAndPrepare(this: unknown, ...args: unknown[]) {
    const [name, version, level, packArgs, initialConfig] = args as Parameters<PrepareAnalyzerInfo>;
    const originalBind = prototype.bindAsync;
    prototype.bindAsync = function bindAndPrepare(this: unknown, address, credentials, callback) {
      originalBind.call(this, address, credentials, (error, port) => {
        callback(error, port);
        if (!error) {
          setImmediate(() => prepare(name, version, level, packArgs, initialConfig));
        }
      });
    };
    try {
      originalServe.apply(this, args);
    } finally {
      prototype.bindAsync = originalBind;
    }
  };
  server.__secureAiPrepared = true;
  return true;
}
