/**
 * Runs pack policies the way the policy server does. `analyzeResource` / `analyzeStack` / `remediateResource`
 * go through @pulumi/policy 1.21's own server functions (deserialization, unknown-checking proxy,
 * not-applicable handling, the "can't run during preview" downgrade, enforcement-level resolution) with real
 * protobuf requests. `checkResource` / `checkStack` call the policy directly with args built from the same
 * SDK pieces (deserialized, proxied props) and a chosen config, since the server's config is module state
 * that only its Configure RPC sets.
 */
import type {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import * as deserializeModule from "@pulumi/policy/deserialize";
import * as serverModule from "@pulumi/policy/server";
import {
  unknownCheckingProxy,
  UNKNOWN_STRING,
} from "../../policy-packs/secure-ai/policies/lib/sdk-internals";

/** The engine's sentinel for an unknown string (what a preview sends for `key.arn` of a new key). */
export const UNKNOWN = UNKNOWN_STRING;

/** A secret value as the engine sends it. */
export function secret(value: unknown): Record<string, unknown> {
  return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

/** One reported finding. */
export interface Finding {
  policy: string;
  message: string;
  enforcementLevel: string;
  urn?: string;
}

type Callback = (error: unknown, response: unknown) => void;
type RpcFun = (call: { request: unknown }, callback: Callback) => Promise<void>;
type MakeRpc = (pack: string, version: string, level: string, policies: unknown[]) => RpcFun;

const server = serverModule as unknown as {
  makeAnalyzeRpcFun: MakeRpc;
  makeAnalyzeStackRpcFun: MakeRpc;
  makeRemediateRpcFun: MakeRpc;
};
const deserialize = deserializeModule as unknown as {
  deserializeProperties(struct: structproto.Struct, proxySecrets: boolean): Record<string, unknown>;
};

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"];

function options(): analyzerproto.AnalyzerResourceOptions {
  return new analyzerproto.AnalyzerResourceOptions();
}

function call(make: MakeRpc, policy: unknown, request: unknown): Promise<unknown> {
  const rpc = make("secure-ai", "0.1.0", "advisory", [policy]);
  return new Promise((resolve, reject) => {
    void rpc({ request }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

function findingsOf(response: unknown): { findings: Finding[]; notApplicable: string[] } {
  const typed = response as analyzerproto.AnalyzeResponse;
  return {
    findings: typed.getDiagnosticsList().map((diagnostic) => ({
      policy: diagnostic.getPolicyname(),
      message: diagnostic.getMessage(),
      enforcementLevel: LEVELS[diagnostic.getEnforcementlevel()],
      ...(diagnostic.getUrn() ? { urn: diagnostic.getUrn() } : {}),
    })),
    notApplicable: typed.getNotApplicableList().map((entry) => entry.getReason()),
  };
}

/** A resource for the harness. */
export interface TestResource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  /** Property name to names of the resources its value came from. */
  dependsOn?: Record<string, string[]>;
}

/** The URN the harness gives a resource. */
export function urnOf(type: string, name: string): string {
  return `urn:pulumi:test::secure-ai::${type}::${name}`;
}

/** Analyzes one resource through the SDK server's Analyze function. */
export async function analyzeResource(
  policy: ResourceValidationPolicy,
  resource: TestResource,
): Promise<{ findings: Finding[]; notApplicable: string[] }> {
  const request = new analyzerproto.AnalyzeRequest();
  request.setType(resource.type);
  request.setName(resource.name);
  request.setUrn(urnOf(resource.type, resource.name));
  request.setProperties(
    structproto.Struct.fromJavaScript(resource.props as Record<string, structproto.JavaScriptValue>),
  );
  request.setOptions(options());
  return findingsOf(await call(server.makeAnalyzeRpcFun, policy, request));
}

/** Analyzes a stack through the SDK server's AnalyzeStack function. */
export async function analyzeStack(
  policy: StackValidationPolicy,
  resources: readonly TestResource[],
): Promise<{ findings: Finding[]; notApplicable: string[] }> {
  const request = new analyzerproto.AnalyzeStackRequest();
  request.setResourcesList(
    resources.map((resource) => {
      const message = new analyzerproto.AnalyzerResource();
      message.setType(resource.type);
      message.setName(resource.name);
      message.setUrn(urnOf(resource.type, resource.name));
      message.setProperties(
        structproto.Struct.fromJavaScript(resource.props as Record<string, structproto.JavaScriptValue>),
      );
      message.setOptions(options());
      const dependencies = message.getPropertydependenciesMap();
      for (const [property, names] of Object.entries(resource.dependsOn ?? {})) {
        const entry = new analyzerproto.AnalyzerPropertyDependencies();
        entry.setUrnsList(
          names.map((name) => {
            const target = resources.find((candidate) => candidate.name === name);
            if (target === undefined) {
              throw new Error(`dependsOn names unknown resource ${name}`);
            }
            return urnOf(target.type, target.name);
          }),
        );
        dependencies.set(property, entry);
      }
      return message;
    }),
  );
  return findingsOf(await call(server.makeAnalyzeStackRpcFun, policy, request));
}

/** Runs a policy's remediation through the SDK server's Remediate function (policy forced to `remediate`). */
export async function remediateResource(
  policy: ResourceValidationPolicy,
  resource: TestResource,
): Promise<Record<string, unknown> | undefined> {
  const request = new analyzerproto.AnalyzeRequest();
  request.setType(resource.type);
  request.setName(resource.name);
  request.setUrn(urnOf(resource.type, resource.name));
  request.setProperties(
    structproto.Struct.fromJavaScript(resource.props as Record<string, structproto.JavaScriptValue>),
  );
  request.setOptions(options());
  const response = (await call(
    server.makeRemediateRpcFun,
    { ...policy, enforcementLevel: "remediate" },
    request,
  )) as analyzerproto.RemediateResponse;
  const remediation = response.getRemediationsList()[0];
  return remediation?.getProperties()?.toJavaScript() as Record<string, unknown> | undefined;
}

function proxied(props: Record<string, unknown>, proxySecrets = false): Record<string, unknown> {
  const struct = structproto.Struct.fromJavaScript(props as Record<string, structproto.JavaScriptValue>);
  return unknownCheckingProxy(deserialize.deserializeProperties(struct, proxySecrets));
}

/** Named as the SDK names its error: the pack lets an error of that name through as the not-applicable signal. */
class NotApplicableError extends Error {
  constructor(readonly reason?: string) {
    super(reason);
  }
}

/** What a direct call answered: the findings, and the not-applicable reason when the policy signalled one. */
export interface Outcome {
  findings: Finding[];
  notApplicable?: string;
}

function collector(policy: string, findings: Finding[]) {
  return (message: unknown, urn?: string) => {
    if (typeof message === "object" && message !== null) {
      const violation = message as { message: string; enforcementLevel?: string; urn?: string };
      findings.push({
        policy,
        message: violation.message,
        enforcementLevel: violation.enforcementLevel ?? "policy",
        urn: violation.urn,
      });
    } else {
      findings.push({
        policy,
        message: String(message),
        enforcementLevel: "policy",
        ...(urn ? { urn } : {}),
      });
    }
  };
}

/**
 * Calls a resource policy directly with SDK-shaped args and `config`. Findings reported at the policy's own
 * level show `enforcementLevel: "policy"`; waived findings show the level they were downgraded to.
 */
export async function checkResource(
  policy: ResourceValidationPolicy,
  resource: TestResource,
  config: Record<string, unknown> = {},
): Promise<Finding[]> {
  return (await checkResourceOutcome(policy, resource, config)).findings;
}

/** Like {@link checkResource}, also returning the not-applicable reason a policy signalled. */
export async function checkResourceOutcome(
  policy: ResourceValidationPolicy,
  resource: TestResource,
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const findings: Finding[] = [];
  const props = proxied(resource.props);
  const args: ResourceValidationArgs = {
    type: resource.type,
    name: resource.name,
    urn: urnOf(resource.type, resource.name),
    props,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => ({ ...config }) as T,
    notApplicable: (reason?: string) => {
      throw new NotApplicableError(reason);
    },
  };
  const validations = policy.validateResource === undefined ? [] : [policy.validateResource].flat();
  try {
    for (const validate of validations) {
      await validate(args, collector(policy.name, findings));
    }
  } catch (error) {
    if (!(error instanceof NotApplicableError)) {
      throw error;
    }
    return { findings, notApplicable: error.reason };
  }
  return { findings };
}

/** Calls a resource policy's remediation directly with `config` (secrets proxied as in the server). */
export async function remediateDirect(
  policy: ResourceValidationPolicy,
  resource: TestResource,
  config: Record<string, unknown> = {},
): Promise<Record<string, unknown> | undefined> {
  if (policy.remediateResource === undefined) {
    return undefined;
  }
  const props = proxied(resource.props, true);
  const result = await policy.remediateResource({
    type: resource.type,
    name: resource.name,
    urn: urnOf(resource.type, resource.name),
    props,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => ({ ...config }) as T,
    notApplicable: (reason?: string) => {
      throw new NotApplicableError(reason);
    },
  });
  return result === undefined ? undefined : (result as Record<string, unknown>);
}

/** Calls a stack policy directly with SDK-shaped resources and `config`. */
export async function checkStack(
  policy: StackValidationPolicy,
  resources: readonly TestResource[],
  config: Record<string, unknown> = {},
): Promise<Finding[]> {
  return (await checkStackOutcome(policy, resources, config)).findings;
}

/** Like {@link checkStack}, also returning the not-applicable reason a policy signalled. */
export async function checkStackOutcome(
  policy: StackValidationPolicy,
  resources: readonly TestResource[],
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const findings: Finding[] = [];
  const built: PolicyResource[] = resources.map((resource) => ({
    type: resource.type,
    name: resource.name,
    urn: urnOf(resource.type, resource.name),
    props: proxied(resource.props),
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  }));
  for (const [index, resource] of resources.entries()) {
    for (const [property, names] of Object.entries(resource.dependsOn ?? {})) {
      built[index].propertyDependencies[property] = names.map((name) => {
        const target = built.find((candidate) => candidate.name === name);
        if (target === undefined) {
          throw new Error(`dependsOn names unknown resource ${name}`);
        }
        return target;
      });
    }
  }
  const args: StackValidationArgs = {
    resources: built,
    stackTags: new Map(),
    getConfig: <T extends object>() => ({ ...config }) as T,
    notApplicable: (reason?: string) => {
      throw new NotApplicableError(reason);
    },
  };
  try {
    await policy.validateStack(args, collector(policy.name, findings));
  } catch (error) {
    if (!(error instanceof NotApplicableError)) {
      throw error;
    }
    return { findings, notApplicable: error.reason };
  }
  return { findings };
}
