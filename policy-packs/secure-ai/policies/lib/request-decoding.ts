/**
 * Installs the pack's own request readers (`./request-messages.ts`) as the Analyzer service's
 * `requestDeserialize` for Analyze, AnalyzeStack, Remediate and Configure. A request the readers do not
 * reproduce exactly is decoded by the generated deserializer, unchanged.
 *
 * Installed with the type index (`./type-index-server.ts`), so `SECURE_AI_PACK_TYPE_INDEX=0` leaves the SDK's
 * decoding; tests/policies/type-index-golden.test.ts compares every answer of both.
 */
import { DecodedConfigureRequest, DecodedPolicyConfig } from "./configure-messages";
import { DecodedStruct, type GeneratedClass, type GeneratedClasses } from "./decoded-message";
import {
  DecodedAnalyzeRequest,
  DecodedAnalyzeStackRequest,
  DecodedCustomTimeouts,
  DecodedOptions,
  DecodedPropertyDependencies,
  DecodedProvider,
  DecodedResource,
} from "./request-messages";
import { WireReader } from "./wire-reader";

/** A gRPC method definition as grpc-js reads it from a service definition. */
interface MethodDefinition {
  requestDeserialize?: (bytes: Buffer) => unknown;
  [key: string]: unknown;
}

type Decoder = new (reader: WireReader, wire: Buffer, start: number, end: number) => object;

/** A decoded class (its prototype gets the delegated methods). */
type StandIn = abstract new (...args: never[]) => object;

/** The decoded classes that stand in for generated ones (a `jspb.Map` is not a message: no stand-in). */
function standIns(generated: GeneratedClasses): [StandIn, GeneratedClass][] {
  return [
    [DecodedAnalyzeRequest, generated.AnalyzeRequest],
    [DecodedAnalyzeStackRequest, generated.AnalyzeStackRequest],
    [DecodedResource, generated.AnalyzerResource],
    [DecodedOptions, generated.AnalyzerResourceOptions],
    [DecodedCustomTimeouts, generated.AnalyzerResourceOptions.CustomTimeouts],
    [DecodedProvider, generated.AnalyzerProviderResource],
    [DecodedPropertyDependencies, generated.AnalyzerPropertyDependencies],
    [DecodedConfigureRequest, generated.ConfigureAnalyzerRequest],
    [DecodedPolicyConfig, generated.PolicyConfig],
    [DecodedStruct, generated.Struct],
  ];
}

/** Names of the functions on a prototype chain up to (not including) `Object.prototype`. */
function methodNames(prototype: object): Set<string> {
  const names = new Set<string>();
  for (let current: object | null = prototype; current && current !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(current)) {
      if (
        name !== "constructor" &&
        typeof Object.getOwnPropertyDescriptor(current, name)?.value === "function"
      ) {
        names.add(name);
      }
    }
    current = Object.getPrototypeOf(current) as object | null;
  }
  return names;
}

const delegated = new WeakSet<StandIn>();

/**
 * Gives each decoded class every method of its generated class it does not define itself, answered by the
 * generated message decoded from the same bytes.
 */
function delegateOtherMethods(generated: GeneratedClasses): void {
  for (const [standIn, generatedClass] of standIns(generated)) {
    if (delegated.has(standIn)) {
      continue;
    }
    const own = methodNames(standIn.prototype as object);
    for (const name of methodNames(generatedClass.prototype)) {
      if (own.has(name)) {
        continue;
      }
      Object.defineProperty(standIn.prototype, name, {
        configurable: true,
        writable: true,
        value: function delegatedToGenerated(
          this: { generated(c: GeneratedClass): object },
          ...args: unknown[]
        ) {
          const message = this.generated(generatedClass) as Record<string, (...inner: unknown[]) => unknown>;
          return message[name]!(...args);
        },
      });
    }
    delegated.add(standIn);
  }
}

/** A `requestDeserialize` that reads with `decoder` and hands anything else to `fallback`. */
export function decodingWith(
  decoder: Decoder,
  fallback: (bytes: Buffer) => unknown,
): (bytes: Buffer) => unknown {
  return (bytes) => {
    if (!Buffer.isBuffer(bytes)) {
      return fallback(bytes);
    }
    try {
      return new decoder(new WireReader(bytes), bytes, 0, bytes.length);
    } catch {
      // NotDecodable, or anything unforeseen: the generated deserializer reads (or rejects) it as it would.
      return fallback(bytes);
    }
  };
}

/** The request decoders by method name of the Analyzer service definition. */
const DECODERS: Record<string, Decoder> = {
  analyze: DecodedAnalyzeRequest,
  remediate: DecodedAnalyzeRequest,
  analyzeStack: DecodedAnalyzeStackRequest,
  configure: DecodedConfigureRequest,
};

/**
 * A copy of the Analyzer service definition whose Analyze, AnalyzeStack, Remediate and Configure requests
 * are read by the pack's readers; the service itself when a method lacks the expected shape.
 */
export function withDirectRequestDecoding<S extends Record<string, unknown>>(
  service: S,
  generated: GeneratedClasses,
): S {
  const copy: Record<string, unknown> = { ...service };
  for (const [method, decoder] of Object.entries(DECODERS)) {
    const definition = service[method] as MethodDefinition | undefined;
    if (typeof definition?.requestDeserialize !== "function") {
      return service;
    }
    copy[method] = {
      ...definition,
      requestDeserialize: decodingWith(decoder, definition.requestDeserialize),
    };
  }
  delegateOtherMethods(generated);
  return copy as S;
}
