/**
 * Runs every policy of the `secure-ai` pack in-process through @pulumi/policy 1.21's own server functions
 * (`makeAnalyzeRpcFun`, `makeAnalyzeStackRpcFun`): the same code path the pack's gRPC server runs for the
 * Pulumi CLI (protobuf requests, deserialization, the unknown-checking proxy, type filtering, the preview
 * downgrade of unknown reads, enforcement levels), minus the socket. Requests are built from recorded
 * resources the way the preflight's analyzer client builds them, so one build is analyzed as
 * `secure-ai check` would analyze it, without starting a policy server per run.
 */
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import * as serverModule from "@pulumi/policy/server";
import type {
  Policy,
  ResourceValidation,
  ResourceValidationPolicy,
  StackValidation,
  StackValidationPolicy,
} from "@pulumi/policy";
import { policies } from "../../../policy-packs/secure-ai/policies";
import type { RecordedResource, RecordedValue } from "../../../preflight/model";
import { indexByUrn, toAnalyzerResource } from "../../../preflight/analyzer/resource-input";
import type { AnalyzerResourceInput } from "../../../preflight/analyzer/client";
import { encodeProperties } from "../../../preflight/analyzer/wire-values";

/** One diagnostic the pack reported. */
export interface PackDiagnostic {
  policy: string;
  enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
  message: string;
  urn: string;
}

type Callback = (error: unknown, response: unknown) => void;
type RpcFun = (call: { request: unknown }, callback: Callback) => Promise<void>;
type MakeRpc = (pack: string, version: string, level: string, policies: readonly Policy[]) => RpcFun;

const server = serverModule as unknown as { makeAnalyzeRpcFun: MakeRpc; makeAnalyzeStackRpcFun: MakeRpc };
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
/** The pack's own default level (policy-packs/secure-ai/pack.ts); each policy overrides it. */
const PACK_LEVEL = "advisory";

/** Per-policy config, as `--policy-pack-config` gives it: policy name to its settings. */
export type PackConfig = Readonly<Record<string, Record<string, unknown>>>;

/**
 * The policy with `config` answering its `getConfig()`. The SDK's server keeps policy config in module
 * state that only its Configure RPC sets, so the config is injected here instead; everything else (the
 * type fast path, deserialization, the proxy, levels) stays the server's.
 */
function configured(policy: Policy, config: Record<string, unknown> | undefined): Policy {
  if (config === undefined) return policy;
  const getConfig = <T extends object>() => ({ ...config }) as T;
  const resource = policy as ResourceValidationPolicy;
  if (typeof resource.validateResource === "function") {
    const inner = resource.validateResource;
    const validateResource: ResourceValidation = (args, report) => inner({ ...args, getConfig }, report);
    Object.assign(validateResource, { __pulumiType: (inner as { __pulumiType?: string }).__pulumiType });
    return { ...resource, validateResource } as ResourceValidationPolicy;
  }
  const stack = policy as StackValidationPolicy;
  if (typeof stack.validateStack === "function") {
    const inner = stack.validateStack;
    const validateStack: StackValidation = (args, report) => inner({ ...args, getConfig }, report);
    return { ...stack, validateStack } as StackValidationPolicy;
  }
  return policy;
}

/**
 * The Analyze and AnalyzeStack handlers of a pack holding `selected` policies (default: all of them), each
 * with its entry of `config`.
 */
export function packHandlers(
  selected: readonly Policy[] = policies,
  config: PackConfig = {},
): { analyze: RpcFun; analyzeStack: RpcFun } {
  selected = selected.map((policy) => configured(policy, config[policy.name]));
  return {
    analyze: server.makeAnalyzeRpcFun("secure-ai", "0.1.0", PACK_LEVEL, selected),
    analyzeStack: server.makeAnalyzeStackRpcFun("secure-ai", "0.1.0", PACK_LEVEL, selected),
  };
}

/** Calls a handler; resolves with its response, rejects with the error it reports (as a gRPC error). */
export function invoke(rpc: RpcFun, request: unknown): Promise<analyzerproto.AnalyzeResponse> {
  return new Promise((resolve, reject) => {
    rpc({ request }, (error, response) =>
      error ? reject(error) : resolve(response as analyzerproto.AnalyzeResponse),
    ).catch(reject);
  });
}

function struct(properties: Record<string, unknown>): structproto.Struct {
  return structproto.Struct.fromJavaScript(properties as Record<string, structproto.JavaScriptValue>);
}

function options(input: AnalyzerResourceInput): analyzerproto.AnalyzerResourceOptions {
  const message = new analyzerproto.AnalyzerResourceOptions();
  message.setProtect(input.options.protect);
  message.setIgnorechangesList(input.options.ignoreChanges);
  message.setAdditionalsecretoutputsList(input.options.additionalSecretOutputs);
  message.setAliasesList(input.options.aliases);
  const timeouts = new analyzerproto.AnalyzerResourceOptions.CustomTimeouts();
  timeouts.setCreate(input.options.customTimeouts.create);
  timeouts.setUpdate(input.options.customTimeouts.update);
  timeouts.setDelete(input.options.customTimeouts.delete);
  message.setCustomtimeouts(timeouts);
  message.setParent(input.options.parent);
  return message;
}

/** An Analyze request for one resource, with properties already in wire form. */
export function analyzeRequest(
  input: Pick<AnalyzerResourceInput, "urn" | "type" | "name">,
  wireProperties: Record<string, unknown>,
  resourceOptions: analyzerproto.AnalyzerResourceOptions = new analyzerproto.AnalyzerResourceOptions(),
): analyzerproto.AnalyzeRequest {
  const request = new analyzerproto.AnalyzeRequest();
  request.setUrn(input.urn);
  request.setType(input.type);
  request.setName(input.name);
  request.setProperties(struct(wireProperties));
  request.setOptions(resourceOptions);
  return request;
}

/** One stack resource in wire form. */
export function stackResource(
  input: Pick<
    AnalyzerResourceInput,
    "urn" | "type" | "name" | "parent" | "dependencies" | "propertyDependencies"
  >,
  wireProperties: Record<string, unknown>,
  resourceOptions: analyzerproto.AnalyzerResourceOptions = new analyzerproto.AnalyzerResourceOptions(),
): analyzerproto.AnalyzerResource {
  const message = new analyzerproto.AnalyzerResource();
  message.setUrn(input.urn);
  message.setType(input.type);
  message.setName(input.name);
  message.setProperties(struct(wireProperties));
  message.setOptions(resourceOptions);
  message.setParent(input.parent ?? "");
  message.setDependenciesList(input.dependencies ?? []);
  for (const [property, urns] of Object.entries(input.propertyDependencies ?? {})) {
    if (urns.length > 0) {
      const dependencies = new analyzerproto.AnalyzerPropertyDependencies();
      dependencies.setUrnsList(urns);
      message.getPropertydependenciesMap().set(property, dependencies);
    }
  }
  return message;
}

/** Reads the diagnostics of a response. */
export function diagnosticsOf(response: analyzerproto.AnalyzeResponse, urn = ""): PackDiagnostic[] {
  return response.getDiagnosticsList().map((diagnostic) => ({
    policy: diagnostic.getPolicyname(),
    enforcementLevel: LEVELS[diagnostic.getEnforcementlevel()] ?? "advisory",
    message: diagnostic.getMessage(),
    urn: diagnostic.getUrn() || urn,
  }));
}

/**
 * Analyzes recorded resources as the CLI does at the end of a preview: Analyze per resource (every policy
 * of the pack), then one AnalyzeStack over all of them.
 */
export async function analyzeRecorded(
  resources: readonly RecordedResource[],
  handlers = packHandlers(),
): Promise<PackDiagnostic[]> {
  const byUrn = indexByUrn(resources);
  const inputs = resources.map((resource) => toAnalyzerResource(resource, byUrn));
  const wire = (properties: Record<string, RecordedValue>) => encodeProperties(properties);
  const diagnostics: PackDiagnostic[] = [];
  for (const input of inputs) {
    const response = await invoke(
      handlers.analyze,
      analyzeRequest(input, wire(input.properties), options(input)),
    );
    diagnostics.push(...diagnosticsOf(response, input.urn));
  }
  const request = new analyzerproto.AnalyzeStackRequest();
  request.setResourcesList(
    inputs.map((input) => stackResource(input, wire(input.properties), options(input))),
  );
  diagnostics.push(...diagnosticsOf(await invoke(handlers.analyzeStack, request)));
  return diagnostics;
}
