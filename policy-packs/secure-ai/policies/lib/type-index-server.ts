/**
 * Puts the type index (`./type-index.ts`) in front of `@pulumi/policy` 1.21's Analyze handler.
 *
 * The SDK's `serve` builds its gRPC handlers and registers them with `Server.addService`; this module wraps
 * `serve` (read by `PolicyPack` from the server module's exports at call time) so that, while it runs, the
 * Analyze handler it registers is replaced by one that:
 *
 * 1. answers the first resource of each type with the SDK's handler over every policy, unchanged, and
 *    learns the type's plan from that answer;
 * 2. answers later resources of the type with the SDK's own handler (`makeAnalyzeRpcFun`) over the
 *    policies the plan runs, then merges the plan's not-applicable entries back in pack order;
 * 3. falls back to the SDK's handler over every policy whenever the shorter run fails, so an error (a
 *    policy that throws, properties that do not deserialise) is reported exactly as the SDK reports it.
 *
 * It also registers the service with the pack's own readers of the Analyze, AnalyzeStack, Remediate and
 * Configure requests (`./request-decoding.ts`: same objects as the generated deserializers give the handlers,
 * without a google-protobuf message per JSON node of the properties).
 *
 * Analyze calls run one per turn of the event loop (`./call-pacing.ts`), so each answer is sent before the
 * next is computed, unless `pacing` is off.
 *
 * Configure and ConfigureStack forget the plans (a policy's level, `disabled` among them, decides whether it
 * answers at all). AnalyzeStack and Remediate are the SDK's, untouched. When the SDK does not have the
 * expected shape, or two policies share a name, nothing is replaced and the pack runs as the SDK runs it.
 *
 * Only the running pack installs this (`policy-packs/secure-ai/pack.ts`, unless
 * `SECURE_AI_PACK_TYPE_INDEX=0`); importing the policies does not.
 */
import { createRequire } from "node:module";
import {
  configFromRequest,
  makeSharedStackAnalysis,
  type StackAnalysisModules,
  type StackAnalysisState,
  stackTagsFromRequest,
} from "./shared-stack-analysis";
import { oneCallPerTurn } from "./call-pacing";
import { withDirectRequestDecoding } from "./request-decoding";
import type { GeneratedClasses } from "./decoded-message";
import {
  type AnalyzeResponseLike,
  learnTypePlan,
  mergeNotApplicable,
  positionsByName,
  type ServedPolicy,
  type TypePlan,
} from "./type-index";

/** A gRPC unary handler as the SDK writes them (`callback(error)` or `callback(undefined, response)`). */
type UnaryHandler = (
  call: { request: { getType(): string } },
  callback: (error: unknown, response?: AnalyzeResponseLike) => void,
) => unknown;

/** The exports of `@pulumi/policy/server` used here. */
interface ServerModule {
  serve?: (
    name: string,
    version: string,
    level: string,
    args: { policies?: ServedPolicy[] },
    initialConfig?: unknown,
  ) => void;
  makeAnalyzeRpcFun?: (
    name: string,
    version: string,
    level: string,
    policies: ServedPolicy[],
  ) => UnaryHandler;
  /** Set once this module has wrapped `serve`. */
  __secureAiTypeIndex?: boolean;
}

/** `@grpc/grpc-js` as the SDK's server resolves it. */
interface GrpcModule {
  Server?: { prototype: { addService(service: unknown, implementation: Record<string, unknown>): void } };
}

/** `@pulumi/pulumi/proto/analyzer_grpc_pb` as the SDK's server resolves it. */
interface AnalyzerGrpcModule {
  AnalyzerService?: Record<string, unknown>;
}

/** How the indexed Analyze handler runs its calls. */
export interface TypeIndexOptions {
  /**
   * Runs Analyze calls one per turn of the event loop, so each answer is sent before the next is computed
   * (`./call-pacing.ts`); `false` runs them as they arrive.
   * @default true
   */
  pacing?: boolean;
}

/** What a `serve` call was given, needed to build the shorter handlers. */
interface ServedPack {
  name: string;
  version: string;
  level: string;
  policies: ServedPolicy[];
}

/**
 * Makes the next `PolicyPack` analyse each resource with only the policies its type can concern (see the
 * module comment). Call it before constructing the pack.
 *
 * @param requireFrom - resolves `@pulumi/policy/server`. @default this module's `require`
 * @param options - how the indexed Analyze handler runs its calls.
 * @returns whether the SDK had the expected shape and `serve` is now wrapped.
 */
export function installTypeIndex(
  requireFrom: NodeJS.Require = createRequire(__filename),
  options: TypeIndexOptions = {},
): boolean {
  let server: ServerModule;
  let grpc: GrpcModule;
  let rpc: AnalyzerGrpcModule;
  let stackModules: StackAnalysisModules | undefined;
  let generated: GeneratedClasses | undefined;
  try {
    const serverPath = requireFrom.resolve("@pulumi/policy/server");
    server = requireFrom(serverPath) as ServerModule;
    const fromServer = createRequire(serverPath);
    grpc = fromServer("@grpc/grpc-js") as GrpcModule;
    rpc = fromServer("@pulumi/pulumi/proto/analyzer_grpc_pb") as AnalyzerGrpcModule;
    stackModules = sdkStackModules(fromServer);
    generated = generatedClasses(fromServer);
  } catch {
    return false;
  }
  if (server.__secureAiTypeIndex) {
    return true;
  }
  const originalServe = server.serve;
  const makeAnalyze = server.makeAnalyzeRpcFun;
  const prototype = grpc.Server?.prototype;
  const analyzerService = rpc.AnalyzerService;
  if (
    typeof originalServe !== "function" ||
    typeof makeAnalyze !== "function" ||
    typeof prototype?.addService !== "function" ||
    analyzerService === undefined
  ) {
    return false;
  }
  server.serve = function serveWithTypeIndex(name, version, level, args, initialConfig) {
    const pack: ServedPack = { name, version, level, policies: args.policies ?? [] };
    const originalAddService = prototype.addService;
    prototype.addService = function addServiceWithTypeIndex(service, implementation) {
      if (service !== analyzerService) {
        originalAddService.call(this, service, implementation);
        return;
      }
      originalAddService.call(
        this,
        generated === undefined ? service : withDirectRequestDecoding(analyzerService, generated),
        withTypeIndex(implementation, pack, makeAnalyze, stackModules, options.pacing ?? true),
      );
    };
    try {
      originalServe.call(this, name, version, level, args, initialConfig);
    } finally {
      prototype.addService = originalAddService;
    }
  };
  server.__secureAiTypeIndex = true;
  return true;
}

/** The generated request classes the pack's own readers stand in for, or undefined when one is missing. */
function generatedClasses(fromServer: NodeJS.Require): GeneratedClasses | undefined {
  const analyzerPath = fromServer.resolve("@pulumi/pulumi/proto/analyzer_pb");
  const proto = fromServer(analyzerPath) as Record<string, unknown>;
  const struct = createRequire(analyzerPath)("google-protobuf/google/protobuf/struct_pb") as Record<
    string,
    unknown
  >;
  const classes = {
    AnalyzeRequest: proto.AnalyzeRequest,
    AnalyzeStackRequest: proto.AnalyzeStackRequest,
    AnalyzerResource: proto.AnalyzerResource,
    AnalyzerResourceOptions: proto.AnalyzerResourceOptions,
    AnalyzerProviderResource: proto.AnalyzerProviderResource,
    AnalyzerPropertyDependencies: proto.AnalyzerPropertyDependencies,
    ConfigureAnalyzerRequest: proto.ConfigureAnalyzerRequest,
    PolicyConfig: proto.PolicyConfig,
    Struct: struct.Struct,
  } as Record<string, { deserializeBinary?: unknown; CustomTimeouts?: { deserializeBinary?: unknown } }>;
  const complete =
    Object.values(classes).every((value) => typeof value?.deserializeBinary === "function") &&
    typeof classes.AnalyzerResourceOptions?.CustomTimeouts?.deserializeBinary === "function";
  return complete ? (classes as unknown as GeneratedClasses) : undefined;
}

/** The SDK modules the shared AnalyzeStack needs, or undefined when one lacks the expected shape. */
function sdkStackModules(fromServer: NodeJS.Require): StackAnalysisModules | undefined {
  const modules = {
    deserialize: fromServer("./deserialize"),
    proxy: fromServer("./proxy"),
    policy: fromServer("./policy"),
    protoutil: fromServer("./protoutil"),
    analyzerProto: fromServer("@pulumi/pulumi/proto/analyzer_pb"),
  } as Record<keyof StackAnalysisModules, Record<string, unknown>>;
  const functions: [keyof StackAnalysisModules, string][] = [
    ["deserialize", "deserializeProperties"],
    ["proxy", "unknownCheckingProxy"],
    ["proxy", "UnknownValueError"],
    ["policy", "isStackPolicy"],
    ["policy", "getPulumiType"],
    ["protoutil", "makeAnalyzeResponse"],
    ["protoutil", "asGrpcError"],
    ["protoutil", "convertEnforcementLevel"],
    ["analyzerProto", "PolicyNotApplicable"],
  ];
  return functions.every(([module, name]) => typeof modules[module][name] === "function")
    ? (modules as unknown as StackAnalysisModules)
    : undefined;
}

/** The Analyzer service's handlers with the indexed Analyze (and plan-forgetting Configure calls). */
function withTypeIndex(
  implementation: Record<string, unknown>,
  pack: ServedPack,
  makeAnalyze: NonNullable<ServerModule["makeAnalyzeRpcFun"]>,
  stackModules: StackAnalysisModules | undefined,
  pacing: boolean,
): Record<string, unknown> {
  const fullAnalyze = implementation.analyze as UnaryHandler | undefined;
  const positions = positionsByName(pack.policies);
  if (typeof fullAnalyze !== "function" || positions === undefined) {
    return implementation;
  }
  const plans = new Map<string, { plan: TypePlan<ServedPolicy, never>; analyze: UnaryHandler }>();
  let generation = 0;
  const forgetting = (handler: unknown) =>
    typeof handler !== "function"
      ? handler
      : function forgetPlans(this: unknown, ...args: unknown[]): unknown {
          generation += 1;
          plans.clear();
          return (handler as (...inner: unknown[]) => unknown).apply(this, args);
        };

  const analyze: UnaryHandler = (call, callback) => {
    const type = call.request.getType();
    const known = plans.get(type);
    if (known === undefined) {
      const learnedIn = generation;
      return fullAnalyze(call, (error, response) => {
        if (error == null && response !== undefined && learnedIn === generation && !plans.has(type)) {
          const plan = learnTypePlan(pack.policies, type, response) as TypePlan<ServedPolicy, never>;
          plans.set(type, { plan, analyze: makeAnalyze(pack.name, pack.version, pack.level, plan.run) });
        }
        callback(error, response);
      });
    }
    return known.analyze(call, (error, response) => {
      if (error != null || response === undefined) {
        void fullAnalyze(call, callback);
        return;
      }
      const merged = mergeNotApplicable(known.plan, response.getNotApplicableList() as never[], positions);
      if (merged.length > 0) {
        response.setNotApplicableList(merged);
      }
      callback(error, response);
    });
  };
  // What the SDK's Configure and ConfigureStack keep privately, read from the same requests the same way,
  // for the shared AnalyzeStack (`./shared-stack-analysis.ts`). A request the SDK refuses changes nothing.
  const state: StackAnalysisState = { config: {}, stackTags: undefined };
  const recording = (handler: unknown, record: (request: never) => void) =>
    typeof handler !== "function" || stackModules === undefined
      ? handler
      : function record_(this: unknown, call: { request: never }, ...rest: unknown[]): unknown {
          try {
            record(call.request);
          } catch {
            // The SDK's handler reports the error; the previous state stays, as the SDK's does.
          }
          return (handler as (...inner: unknown[]) => unknown).call(this, call, ...rest);
        };
  const fullAnalyzeStack = implementation.analyzeStack;
  const analyzeStack =
    stackModules !== undefined && typeof fullAnalyzeStack === "function"
      ? makeSharedStackAnalysis(pack, stackModules, () => state, fullAnalyzeStack as never)
      : fullAnalyzeStack;
  if (stackModules !== undefined) {
    state.stackTags = stackTagsFromRequest({ getTagsMap: () => new Map() });
  }
  return {
    ...implementation,
    analyze: pacing ? oneCallPerTurn(analyze) : analyze,
    analyzeStack,
    configure: forgetting(
      recording(implementation.configure, (request) => {
        state.config = configFromRequest(request, stackModules!);
      }),
    ),
    configureStack: forgetting(
      recording(implementation.configureStack, (request) => {
        state.stackTags = stackTagsFromRequest(request);
      }),
    ),
  };
}
