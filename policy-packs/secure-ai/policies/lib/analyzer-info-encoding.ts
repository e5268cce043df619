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
 * tests/policies/lib/analyzer-info-encoding.test.ts. The answer can be prepared ahead, right after the port is
 * printed, a few policies per turn of the event loop ({@link prepareAnalyzerInfoOnListening}).
 */
import { createRequire } from "node:module";
import {
  AnalyzerInfoEncoder,
  type DescribedPack,
  POLICIES_PER_TURN,
  type PolicyKinds,
} from "./analyzer-info-writer";
import { NotEncodable } from "./wire-writer";

export {
  AnalyzerInfoEncoder,
  encodeAnalyzerInfo,
  POLICIES_PER_TURN,
  type PolicyKinds,
} from "./analyzer-info-writer";

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
  // An encoding prepared ahead and not finished yet; a call arriving meanwhile finishes it.
  const pending = new WeakMap<DescribedPack, { key: string; encoder: AnalyzerInfoEncoder }>();
  const bytesFor = (name: string, version: string, level: string, args: DescribedPack): Buffer => {
    const key = JSON.stringify([name, version, level]);
    const known = encodedFor.get(args);
    if (known?.key === key) {
      return known.bytes;
    }
    const started = pending.get(args);
    pending.delete(args);
    const encoder =
      started?.key === key ? started.encoder : new AnalyzerInfoEncoder(name, version, level, args, kinds);
    const bytes = encoder.finish();
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
    const key = JSON.stringify([name, version, level]);
    if (hasInitialConfig(initialConfig) || encodedFor.get(args)?.key === key) {
      return;
    }
    const encoder = new AnalyzerInfoEncoder(name, version, level, args, kinds);
    pending.set(args, { key, encoder });
    const turn = (): void => {
      if (pending.get(args)?.encoder !== encoder) {
        return; // A call finished it meanwhile.
      }
      try {
        if (encoder.advance(POLICIES_PER_TURN)) {
          bytesFor(name, version, level, args);
          return;
        }
      } catch {
        // The GetAnalyzerInfo call encodes it again, and answers or fails as it would have.
        pending.delete(args);
        return;
      }
      setImmediate(turn);
    };
    turn();
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
