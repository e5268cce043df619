/**
 * A typed client for the Pulumi analyzer gRPC service (`pulumirpc.Analyzer`) that policy packs serve.
 * It speaks the generated `@pulumi/pulumi/proto` stubs and fills every request field a current Pulumi CLI
 * fills, with property values encoded as the CLI encodes them (see `wire-values.ts`).
 */
import * as grpc from "@grpc/grpc-js";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { type EnforcementLevel, type PolicyInfo, type RecordedValue, type Severity } from "../model";
import { type CachedAnalyzeResponse, cachingAnalyzeResponseDeserializer } from "./analyze-response-cache";
import { decodeAnalyzerInfo } from "./analyzer-info-decoding";
import { encodeConfigureRequest } from "./configure-encoding";
import { decodeProperties, encodeProperties, type EncodeOptions } from "./wire-values";

/** Resource options as the analyzer protocol carries them (`AnalyzerResourceOptions`). */
export interface AnalyzerResourceOptions {
  protect: boolean;
  ignoreChanges: string[];
  /** Left undefined when the program did not set it (`deleteBeforeReplaceDefined = false`). */
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs: string[];
  /** Alias URNs. */
  aliases: string[];
  /** Custom timeouts in seconds; the CLI always sends the message, zeros when unset. */
  customTimeouts: { create: number; update: number; delete: number };
  /** Parent URN, or "" for none. */
  parent: string;
}

/** The provider of a resource (`AnalyzerProviderResource`). */
export interface AnalyzerProvider {
  urn: string;
  type: string;
  name: string;
  properties: Record<string, RecordedValue>;
}

/** One resource as sent to Analyze, Remediate and AnalyzeStack. */
export interface AnalyzerResourceInput {
  urn: string;
  type: string;
  name: string;
  properties: Record<string, RecordedValue>;
  options: AnalyzerResourceOptions;
  provider?: AnalyzerProvider;
  /** Stack analysis only: parent URN. @default "" */
  parent?: string;
  /** Stack analysis only: URNs this resource depends on. @default [] */
  dependencies?: string[];
  /** Stack analysis only: per property, the URNs its value came from. @default {} */
  propertyDependencies?: Record<string, string[]>;
}

/** A violation reported by a pack (`AnalyzeDiagnostic`). */
export interface AnalyzeDiagnostic {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  message: string;
  enforcementLevel: EnforcementLevel;
  /** URN the pack attached, if any. */
  urn?: string;
  severity: Severity;
}

/** A policy that said it does not apply to a resource. */
export interface PolicyNotApplicable {
  policyName: string;
  reason: string;
}

/** Result of Analyze or AnalyzeStack. */
export interface AnalyzeResult {
  diagnostics: AnalyzeDiagnostic[];
  notApplicable: PolicyNotApplicable[];
}

/** One remediation a pack applied (`Remediation`). */
export interface RemediationResult {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  /** The full property map after this remediation, decoded back to recorded values. */
  properties?: Record<string, RecordedValue>;
  /** Set instead of properties when the remediation could not run (e.g. an unknown value in preview). */
  diagnostic?: string;
}

/** Result of Remediate. */
export interface RemediateResult {
  remediations: RemediationResult[];
  notApplicable: PolicyNotApplicable[];
}

/** Configuration of one policy as Configure carries it (`PolicyConfig`). */
export interface PolicyConfigEntry {
  enforcementLevel: EnforcementLevel;
  /** Policy-specific properties. @default {} */
  properties?: Record<string, unknown>;
}

/** What GetAnalyzerInfo returns. */
export interface AnalyzerInfo {
  name: string;
  displayName: string;
  version: string;
  supportsConfig: boolean;
  description: string;
  readme: string;
  provider: string;
  tags: string[];
  repository: string;
  /** Policies in the order the pack declares them. */
  policies: PolicyInfo[];
  /** Config the pack ships as defaults (third `PolicyPack` constructor argument). */
  initialConfig: Record<string, Partial<PolicyConfigEntry>>;
}

/** The stack context ConfigureStack carries. */
export interface StackConfiguration {
  stack: string;
  project: string;
  /** @default "" */
  organization?: string;
  dryRun: boolean;
  /** `<namespace>:<key>` to string value. @default {} */
  config?: Record<string, string>;
  /** Keys of `config` that are secrets. @default [] */
  configSecretKeys?: string[];
  /** Stack tags. @default {} */
  tags?: Record<string, string>;
}

/** Options for {@link AnalyzerClient}. */
export interface AnalyzerClientOptions {
  /** Deadline of each call. @default 120000 */
  callTimeoutMs?: number;
}

const ENFORCEMENT_FROM_PROTO: Record<number, EnforcementLevel> = {
  [analyzerProto.EnforcementLevel.ADVISORY]: "advisory",
  [analyzerProto.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzerProto.EnforcementLevel.DISABLED]: "disabled",
  [analyzerProto.EnforcementLevel.REMEDIATE]: "remediate",
};

const SEVERITY_FROM_PROTO: Record<number, Severity> = {
  [analyzerProto.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "unspecified",
  [analyzerProto.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [analyzerProto.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [analyzerProto.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [analyzerProto.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** Converts a protocol enforcement level, rejecting values the CLI would reject. */
export function enforcementLevelFromProto(level: analyzerProto.EnforcementLevel): EnforcementLevel {
  const converted = ENFORCEMENT_FROM_PROTO[level];
  if (!converted) {
    throw new Error(`invalid enforcement level ${level}`);
  }
  return converted;
}

/** Max message size the CLI allows on analyzer connections (400 MiB). */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/**
 * HTTP/2 receive window of the connection (16 MiB). The Pulumi CLI's gRPC (grpc-go) sizes its flow-control
 * windows from the connection's bandwidth-delay product (grpc-go `examples/features/flow_control`), so a pack
 * answering several Analyze calls at once never waits for window updates; grpc-js keeps HTTP/2's 64 KiB
 * default unless told, and with some 28 KB of not-applicable entries per secure-ai answer eight calls in
 * flight stalled the pack on every round trip.
 */
const FLOW_CONTROL_WINDOW_BYTES = 16 * 1024 * 1024;

/** Client of one running policy pack. */
export class AnalyzerClient {
  private readonly stub: analyzerRpc.AnalyzerClient;
  private readonly callTimeoutMs: number;

  /** Connects (lazily) to the Analyzer service at `address` (`host:port`). */
  constructor(
    readonly address: string,
    options: AnalyzerClientOptions = {},
  ) {
    this.stub = new CachingAnalyzerClient(address, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
      "grpc-node.flow_control_window": FLOW_CONTROL_WINDOW_BYTES,
      // No channelz bookkeeping per call (grpc-js keeps it unless told): nothing reads it here.
      "grpc.enable_channelz": 0,
    });
    this.callTimeoutMs = options.callTimeoutMs ?? 120_000;
  }

  /**
   * Sends Handshake with the pack directory as root and program directory, as the CLI does first.
   * Returns false when the pack does not implement it (the Node.js policy SDK does not).
   */
  async handshake(packDir: string): Promise<boolean> {
    const request = new analyzerProto.AnalyzerHandshakeRequest();
    request.setEngineAddress("");
    request.setRootDirectory(packDir);
    request.setProgramDirectory(packDir);
    try {
      await this.call("Handshake", (deadline, done) =>
        this.stub.handshake(request, new grpc.Metadata(), deadline, done),
      );
      return true;
    } catch (error) {
      if (isUnimplemented(error)) {
        return false;
      }
      throw error;
    }
  }

  /** Sends ConfigureStack (stack, project, organization, config, tags, dry run); false if unimplemented. */
  async configureStack(stack: StackConfiguration): Promise<boolean> {
    const request = new analyzerProto.AnalyzerStackConfigureRequest();
    request.setStack(stack.stack);
    request.setProject(stack.project);
    request.setOrganization(stack.organization ?? "");
    request.setDryRun(stack.dryRun);
    request.setConfigSecretKeysList(stack.configSecretKeys ?? []);
    for (const [key, value] of Object.entries(stack.config ?? {})) {
      request.getConfigMap().set(key, value);
    }
    for (const [key, value] of Object.entries(stack.tags ?? {})) {
      request.getTagsMap().set(key, value);
    }
    try {
      await this.call("ConfigureStack", (deadline, done) =>
        this.stub.configureStack(request, new grpc.Metadata(), deadline, done),
      );
      return true;
    } catch (error) {
      if (isUnimplemented(error)) {
        return false;
      }
      throw error;
    }
  }

  /** GetAnalyzerInfo: the pack's name, version and policies with their metadata and initial config. */
  async getAnalyzerInfo(): Promise<AnalyzerInfo> {
    // Decoded by `decodeAnalyzerInfo` (the stub's deserializer, see CachingAnalyzerClient).
    return this.call<AnalyzerInfo>("GetAnalyzerInfo", (deadline, done) =>
      (this.stub.getAnalyzerInfo as unknown as UnaryMethod<Empty, AnalyzerInfo>)(
        new Empty(),
        new grpc.Metadata(),
        deadline,
        done,
      ),
    );
  }

  /** GetPluginInfo: the version of the policy SDK serving the pack. */
  async getPluginInfo(): Promise<{ version: string }> {
    const info = await this.call<{ getVersion(): string }>("GetPluginInfo", (deadline, done) =>
      this.stub.getPluginInfo(new Empty(), new grpc.Metadata(), deadline, done),
    );
    return { version: info.getVersion() };
  }

  /** Configure: per-policy enforcement level and properties. Properties always go as a (possibly empty) Struct. */
  async configure(config: Record<string, PolicyConfigEntry>): Promise<void> {
    // Serialized by `encodeConfigureRequest`; the stub's serializer passes bytes through (CachingAnalyzerClient).
    const request = encodeConfigureRequest(config);
    await this.call("Configure", (deadline, done) =>
      (this.stub.configure as unknown as UnaryMethod<Buffer, Empty>)(
        request,
        new grpc.Metadata(),
        deadline,
        done,
      ),
    );
  }

  /** Analyze: validates one resource's inputs. */
  async analyze(resource: AnalyzerResourceInput): Promise<AnalyzeResult> {
    const request = analyzeRequest(resource, { skipInternalKeys: true });
    const response = await this.call<analyzerProto.AnalyzeResponse>(
      `Analyze(${resource.urn})`,
      (deadline, done) => this.stub.analyze(request, new grpc.Metadata(), deadline, done),
    );
    return analyzeResultFromProto(response);
  }

  /** AnalyzeStack: validates all resources together. */
  async analyzeStack(resources: AnalyzerResourceInput[]): Promise<AnalyzeResult> {
    const request = new analyzerProto.AnalyzeStackRequest();
    request.setResourcesList(resources.map(stackResource));
    const response = await this.call<analyzerProto.AnalyzeResponse>("AnalyzeStack", (deadline, done) =>
      this.stub.analyzeStack(request, new grpc.Metadata(), deadline, done),
    );
    return analyzeResultFromProto(response);
  }

  /** Remediate: lets remediation policies rewrite one resource's inputs. */
  async remediate(resource: AnalyzerResourceInput): Promise<RemediateResult> {
    const request = analyzeRequest(resource, { skipInternalKeys: false });
    const response = await this.call<analyzerProto.RemediateResponse>(
      `Remediate(${resource.urn})`,
      (deadline, done) => this.stub.remediate(request, new grpc.Metadata(), deadline, done),
    );
    return {
      remediations: response.getRemediationsList().map((remediation) => {
        const properties = remediation.getProperties();
        const result: RemediationResult = {
          policyName: remediation.getPolicyname(),
          policyPackName: remediation.getPolicypackname(),
          policyPackVersion: remediation.getPolicypackversion(),
          description: remediation.getDescription(),
        };
        if (properties) {
          result.properties = decodeProperties(properties.toJavaScript());
        }
        if (remediation.getDiagnostic()) {
          result.diagnostic = remediation.getDiagnostic();
        }
        return result;
      }),
      notApplicable: notApplicableFromProto(response.getNotApplicableList()),
    };
  }

  /** Closes the connection (the pack process is closed by its launcher handle). */
  close(): void {
    this.stub.close();
  }

  private call<T>(
    label: string,
    invoke: (
      options: Partial<grpc.CallOptions>,
      done: (error: grpc.ServiceError | null, response: T) => void,
    ) => unknown,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      invoke({ deadline: Date.now() + this.callTimeoutMs }, (error, response) => {
        if (error) {
          reject(new AnalyzerCallError(label, this.address, error));
        } else {
          resolve(response);
        }
      });
    });
  }
}

/** A unary stub method whose response is decoded by a custom deserializer into `Response`. */
type UnaryMethod<Request, Response> = (
  request: Request,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  done: (error: grpc.ServiceError | null, response: Response) => void,
) => grpc.ClientUnaryCall;

/** A failed analyzer call; `code` is the gRPC status code. */
export class AnalyzerCallError extends Error {
  override readonly name = "AnalyzerCallError";
  /** gRPC status code. */
  readonly code: grpc.status;

  constructor(label: string, address: string, cause: grpc.ServiceError) {
    super(`${label} failed in the policy pack at ${address}: ${cause.details || cause.message}`);
    this.code = cause.code;
  }
}

function isUnimplemented(error: unknown): boolean {
  return error instanceof AnalyzerCallError && error.code === grpc.status.UNIMPLEMENTED;
}

/**
 * Encoded Structs, keyed by the property map they encode (one cache per `skipInternalKeys` value). The same map
 * goes out many times: to every pack's Analyze, again in AnalyzeStack, and a provider's inputs with every
 * resource that uses the provider. Recorded property maps are never mutated (a remediation replaces the map),
 * and protobuf messages are only read when serialized, so sharing one encoded Struct is safe.
 */
const encodedStructs = { skip: new WeakMap<object, Struct>(), keep: new WeakMap<object, Struct>() };
/** Encoded resource options, keyed by the options object of an {@link AnalyzerResourceInput}. */
const encodedOptions = new WeakMap<AnalyzerResourceOptions, analyzerProto.AnalyzerResourceOptions>();

function toStruct(properties: Record<string, RecordedValue>, options: EncodeOptions): Struct {
  const cache = (options.skipInternalKeys ?? true) ? encodedStructs.skip : encodedStructs.keep;
  let struct = cache.get(properties);
  if (struct === undefined) {
    struct = Struct.fromJavaScript(encodeProperties(properties, options));
    cache.set(properties, struct);
  }
  return struct;
}

function resourceOptions(options: AnalyzerResourceOptions): analyzerProto.AnalyzerResourceOptions {
  let message = encodedOptions.get(options);
  if (message === undefined) {
    message = encodeResourceOptions(options);
    encodedOptions.set(options, message);
  }
  return message;
}

function encodeResourceOptions(options: AnalyzerResourceOptions): analyzerProto.AnalyzerResourceOptions {
  const message = new analyzerProto.AnalyzerResourceOptions();
  message.setProtect(options.protect);
  message.setIgnorechangesList(options.ignoreChanges);
  message.setDeletebeforereplace(options.deleteBeforeReplace ?? false);
  message.setDeletebeforereplacedefined(options.deleteBeforeReplace !== undefined);
  message.setAdditionalsecretoutputsList(options.additionalSecretOutputs);
  message.setAliasesList(options.aliases);
  const timeouts = new analyzerProto.AnalyzerResourceOptions.CustomTimeouts();
  timeouts.setCreate(options.customTimeouts.create);
  timeouts.setUpdate(options.customTimeouts.update);
  timeouts.setDelete(options.customTimeouts.delete);
  message.setCustomtimeouts(timeouts);
  message.setParent(options.parent);
  return message;
}

function providerResource(provider: AnalyzerProvider): analyzerProto.AnalyzerProviderResource {
  const message = new analyzerProto.AnalyzerProviderResource();
  message.setUrn(provider.urn);
  message.setType(provider.type);
  message.setName(provider.name);
  message.setProperties(toStruct(provider.properties, { skipInternalKeys: true }));
  return message;
}

function analyzeRequest(
  resource: AnalyzerResourceInput,
  options: EncodeOptions,
): analyzerProto.AnalyzeRequest {
  const request = new analyzerProto.AnalyzeRequest();
  request.setUrn(resource.urn);
  request.setType(resource.type);
  request.setName(resource.name);
  request.setProperties(toStruct(resource.properties, options));
  request.setOptions(resourceOptions(resource.options));
  if (resource.provider) {
    request.setProvider(providerResource(resource.provider));
  }
  return request;
}

function stackResource(resource: AnalyzerResourceInput): analyzerProto.AnalyzerResource {
  const message = new analyzerProto.AnalyzerResource();
  message.setUrn(resource.urn);
  message.setType(resource.type);
  message.setName(resource.name);
  message.setProperties(toStruct(resource.properties, { skipInternalKeys: true }));
  message.setOptions(resourceOptions(resource.options));
  if (resource.provider) {
    message.setProvider(providerResource(resource.provider));
  }
  message.setParent(resource.parent ?? "");
  message.setDependenciesList(resource.dependencies ?? []);
  for (const [property, urns] of Object.entries(resource.propertyDependencies ?? {})) {
    // The CLI leaves out properties without dependencies.
    if (urns.length > 0) {
      const dependencies = new analyzerProto.AnalyzerPropertyDependencies();
      dependencies.setUrnsList(urns);
      message.getPropertydependenciesMap().set(property, dependencies);
    }
  }
  return message;
}

function notApplicableFromProto(list: analyzerProto.PolicyNotApplicable[]): PolicyNotApplicable[] {
  return list.map((item) => ({ policyName: item.getPolicyName(), reason: item.getReason() }));
}

/**
 * The generated Analyzer client with Analyze and AnalyzeStack responses decoded by the caching deserializer
 * (`analyze-response-cache.ts`), GetAnalyzerInfo decoded by `analyzer-info-decoding.ts`, and Configure taking
 * a request already serialized (`configure-encoding.ts`); every other method as generated.
 */
const CachingAnalyzerClient = (() => {
  const deserialize = cachingAnalyzeResponseDeserializer();
  const service = analyzerRpc.AnalyzerService as unknown as grpc.ServiceDefinition;
  const definition: grpc.ServiceDefinition = {
    ...service,
    analyze: { ...service["analyze"]!, responseDeserialize: deserialize },
    analyzeStack: { ...service["analyzeStack"]!, responseDeserialize: deserialize },
    getAnalyzerInfo: { ...service["getAnalyzerInfo"]!, responseDeserialize: decodeAnalyzerInfo },
    configure: { ...service["configure"]!, requestSerialize: passingBytesThrough(service["configure"]!) },
  };
  return grpc.makeGenericClientConstructor(
    definition,
    "Analyzer",
  ) as unknown as typeof analyzerRpc.AnalyzerClient;
})();

/** The method's serializer, except that a request given as bytes goes out as it is. */
function passingBytesThrough(method: grpc.MethodDefinition<unknown, unknown>): (value: unknown) => Buffer {
  const serialize = method.requestSerialize;
  return (value) => (Buffer.isBuffer(value) ? value : serialize(value));
}

function analyzeResultFromProto(response: CachedAnalyzeResponse): AnalyzeResult {
  return {
    diagnostics: response.getDiagnosticsList().map((diagnostic) => {
      const result: AnalyzeDiagnostic = {
        policyName: diagnostic.getPolicyname(),
        policyPackName: diagnostic.getPolicypackname(),
        policyPackVersion: diagnostic.getPolicypackversion(),
        description: diagnostic.getDescription(),
        message: diagnostic.getMessage(),
        enforcementLevel: enforcementLevelFromProto(diagnostic.getEnforcementlevel()),
        severity: SEVERITY_FROM_PROTO[diagnostic.getSeverity()] ?? "unspecified",
      };
      if (diagnostic.getUrn()) {
        result.urn = diagnostic.getUrn();
      }
      return result;
    }),
    notApplicable:
      (response.decodedNotApplicable as PolicyNotApplicable[] | undefined) ??
      notApplicableFromProto(response.getNotApplicableList()),
  };
}
