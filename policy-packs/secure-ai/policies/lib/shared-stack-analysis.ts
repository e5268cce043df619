/**
 * AnalyzeStack with the stack's resources built once for every stack policy.
 *
 * `@pulumi/policy` 1.21's AnalyzeStack handler (`makeAnalyzeStackRpcFun`) rebuilds the whole resource list
 * for each stack policy it runs: per resource an unknown-checking proxy over the properties, the options,
 * the provider, the property dependencies, then a URN map to link parents and dependencies. The secure-ai
 * pack has some forty stack policies, so a stack of N resources cost forty times N of these builds. This
 * handler does what that handler does, in the same order and with the same messages, except that the list
 * is built once (the first time a policy runs) and each policy gets its own copy of the array over the same,
 * frozen, resource objects: a policy that tried to change one would fail loudly rather than affect the next.
 *
 * Installed with the type index (`./type-index-server.ts`), so `SECURE_AI_PACK_TYPE_INDEX=0` gives the SDK's
 * handler; tests/policies/type-index-golden.test.ts compares every AnalyzeStack answer of both. The policy
 * configuration and stack tags the SDK keeps privately are read from the same Configure and ConfigureStack
 * requests the same way. When building the list throws (a request from a CLI too old to send options), the
 * SDK's own handler answers.
 */
import type { ServedPolicy } from "./type-index";

/** What a policy pack's served stack policy has beyond {@link ServedPolicy}. */
interface StackPolicyLike extends ServedPolicy {
  name: string;
  description?: string;
  enforcementLevel?: string;
  severity?: string;
  validateStack?: (args: unknown, reportViolation: unknown) => unknown;
}

/** Minimal shapes of the generated request messages read here. */
interface ResourceMessage {
  getType(): string;
  getProperties(): object | undefined;
  getUrn(): string;
  getName(): string;
  getParent(): string;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> } | undefined;
  getOptions(): OptionsMessage | undefined;
  getProvider(): ProviderMessage | undefined;
}
interface OptionsMessage {
  getProtect(): boolean;
  getIgnorechangesList(): string[];
  getAliasesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getDeletebeforereplacedefined(): boolean;
  getDeletebeforereplace(): boolean;
  getParent(): string;
  getCustomtimeouts(): { getCreate(): number; getUpdate(): number; getDelete(): number } | undefined;
}
interface ProviderMessage {
  getType(): string;
  getProperties(): object | undefined;
  getUrn(): string;
  getName(): string;
}

/** The SDK modules this handler uses, resolved as the SDK's server resolves them. */
export interface StackAnalysisModules {
  deserialize: { deserializeProperties(struct: unknown, proxySecrets: boolean): unknown };
  proxy: {
    unknownCheckingProxy<T extends object>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
  };
  policy: { isStackPolicy(policy: unknown): boolean; getPulumiType(value: unknown): string | undefined };
  protoutil: {
    makeAnalyzeResponse(diagnostics: unknown[], notApplicable: unknown[] | undefined): unknown;
    asGrpcError(error: unknown, message?: string): unknown;
    convertEnforcementLevel(level: number): string;
  };
  analyzerProto: {
    PolicyNotApplicable: new () => { setPolicyName(name: string): void; setReason(reason: string): void };
  };
}

/** The policy configuration and stack tags, as the SDK's Configure and ConfigureStack record them. */
export interface StackAnalysisState {
  config: Record<string, Record<string, unknown>>;
  stackTags: unknown;
}

type Callback = (error: unknown, response?: unknown) => void;
type Handler = (call: { request: unknown }, callback: Callback) => unknown;

/** The SDK's not-applicable signal; policies recognise it by this class name. */
class NotApplicableError extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "Policy does not apply");
  }
}

function throwNotApplicable(reason?: string): never {
  throw new NotApplicableError(reason);
}

/** A read-only view of a map, as the SDK hands stack tags to policies. */
export function freezeMap<K, V>(map: Map<K, V>): unknown {
  return Object.freeze({
    entries: map.entries.bind(map),
    forEach: map.forEach.bind(map),
    get: map.get.bind(map),
    has: map.has.bind(map),
    keys: map.keys.bind(map),
    size: map.size,
    values: map.values.bind(map),
    [Symbol.iterator]: map[Symbol.iterator].bind(map),
  });
}

/** Reads a ConfigureAnalyzerRequest as the SDK's `configure` does. */
export function configFromRequest(
  request: {
    getPolicyconfigMap(): {
      entries(): Iterable<
        [
          string,
          { getProperties(): { toJavaScript(): Record<string, unknown> }; getEnforcementlevel(): number },
        ]
      >;
    };
  },
  modules: Pick<StackAnalysisModules, "protoutil">,
): StackAnalysisState["config"] {
  const config: StackAnalysisState["config"] = {};
  for (const [name, value] of request.getPolicyconfigMap().entries()) {
    const properties = value.getProperties().toJavaScript();
    properties.enforcementLevel = modules.protoutil.convertEnforcementLevel(value.getEnforcementlevel());
    config[name] = properties;
  }
  return config;
}

/** Reads a ConfigureStack request's tags as the SDK's `configureStack` does. */
export function stackTagsFromRequest(request: {
  getTagsMap(): { forEach(fn: (value: string, key: string) => void): void };
}): unknown {
  const map = new Map<string, string>();
  request.getTagsMap().forEach((value, key) => map.set(key, value));
  return freezeMap(map);
}

function isTypeOf(modules: StackAnalysisModules, type: string, resourceClass: unknown): boolean {
  const pulumiType = modules.policy.getPulumiType(resourceClass);
  if (pulumiType) {
    return type === pulumiType;
  }
  // The SDK's expression, falsy values included.
  const isInstance = (resourceClass as { isInstance?: unknown }).isInstance;
  return (isInstance &&
    typeof isInstance === "function" &&
    (isInstance as (value: unknown) => unknown)({ __pulumiType: type }) === true) as boolean;
}

/** The stack's resources as the SDK builds them for a stack policy, linked, frozen. */
function buildResources(
  modules: StackAnalysisModules,
  messages: readonly ResourceMessage[],
): readonly object[] {
  const built: {
    resource: Record<string, unknown>;
    parent: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
  }[] = [];
  for (const message of messages) {
    const type = message.getType();
    const props = modules.proxy.unknownCheckingProxy(
      modules.deserialize.deserializeProperties(message.getProperties(), false) as object,
    );
    const resource: Record<string, unknown> = {
      type,
      props,
      urn: message.getUrn(),
      name: message.getName(),
      opts: resourceOptions(message),
      dependencies: [],
      propertyDependencies: {},
      isType: (resourceClass: unknown) => isTypeOf(modules, type, resourceClass),
      asType: (resourceClass: unknown) => (isTypeOf(modules, type, resourceClass) ? props : undefined),
    };
    const provider = message.getProvider();
    if (provider) {
      resource.provider = {
        type: provider.getType(),
        props: modules.proxy.unknownCheckingProxy(
          modules.deserialize.deserializeProperties(provider.getProperties(), false) as object,
        ),
        urn: provider.getUrn(),
        name: provider.getName(),
      };
    }
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, value] of message.getPropertydependenciesMap()?.entries() ?? []) {
      propertyDependencies[key] = value.getUrnsList();
    }
    built.push({
      resource,
      parent: message.getParent(),
      dependencies: message.getDependenciesList(),
      propertyDependencies,
    });
  }
  const byUrn = new Map<unknown, Record<string, unknown>>();
  for (const item of built) {
    byUrn.set(item.resource.urn, item.resource);
  }
  for (const item of built) {
    if (item.parent) {
      const parent = byUrn.get(item.parent);
      if (parent) {
        item.resource.parent = parent;
      }
    }
    item.resource.dependencies = item.dependencies.map((urn) => byUrn.get(urn)).filter((found) => found);
    const linked = item.resource.propertyDependencies as Record<string, unknown[]>;
    for (const key of Object.keys(item.propertyDependencies)) {
      linked[key] = item.propertyDependencies[key]!.map((urn) => byUrn.get(urn)).filter((found) => found);
    }
  }
  for (const item of built) {
    Object.freeze(item.resource.dependencies);
    Object.freeze(item.resource.propertyDependencies);
    for (const list of Object.values(item.resource.propertyDependencies as Record<string, unknown[]>)) {
      Object.freeze(list);
    }
    Object.freeze(item.resource.opts);
    Object.freeze(item.resource);
  }
  return built.map((item) => item.resource);
}

function resourceOptions(message: ResourceMessage): Record<string, unknown> {
  const options = message.getOptions();
  if (!options) {
    throw new Error("A more recent version of the Pulumi CLI is required.");
  }
  const timeouts = options.getCustomtimeouts();
  const result: Record<string, unknown> = {
    protect: options.getProtect(),
    ignoreChanges: options.getIgnorechangesList(),
    aliases: options.getAliasesList(),
    customTimeouts: {
      createSeconds: timeouts?.getCreate() ?? 0.0,
      updateSeconds: timeouts?.getUpdate() ?? 0.0,
      deleteSeconds: timeouts?.getDelete() ?? 0.0,
    },
    additionalSecretOutputs: options.getAdditionalsecretoutputsList(),
  };
  if (options.getDeletebeforereplacedefined()) {
    result.deleteBeforeReplace = options.getDeletebeforereplace();
  }
  if (options.getParent()) {
    result.parent = options.getParent();
  }
  return result;
}

/**
 * The AnalyzeStack handler described in the module comment.
 *
 * @param pack - the served pack: name, version, default level and policies in pack order.
 * @param modules - the SDK modules, as its server resolves them.
 * @param state - the configuration and stack tags recorded from Configure and ConfigureStack.
 * @param sdkHandler - the SDK's own handler, used when the shared list cannot be built.
 */
export function makeSharedStackAnalysis(
  pack: { name: string; version: string; level: string; policies: readonly ServedPolicy[] },
  modules: StackAnalysisModules,
  state: () => StackAnalysisState,
  sdkHandler: Handler,
): Handler {
  const policies = pack.policies as readonly StackPolicyLike[];
  return (call, callback) => {
    void (async () => {
      const { config, stackTags } = state();
      const messages = (call.request as { getResourcesList(): ResourceMessage[] }).getResourcesList();
      const diagnostics: Record<string, unknown>[] = [];
      let notApplicable: unknown[] | undefined;
      const pushNotApplicable = (policyName: string, reason?: string) => {
        const entry = new modules.analyzerProto.PolicyNotApplicable();
        entry.setPolicyName(policyName);
        if (reason) {
          entry.setReason(reason);
        }
        (notApplicable ??= []).push(entry);
      };
      let resources: readonly object[] | undefined;
      try {
        for (const policy of policies) {
          let level = config[policy.name]?.enforcementLevel || policy.enforcementLevel || pack.level;
          if (level === "disabled" || !modules.policy.isStackPolicy(policy)) {
            continue;
          }
          if (level === "remediate") {
            level = "mandatory";
          }
          const pulumiType = modules.policy.getPulumiType(policy.validateStack);
          if (pulumiType && !messages.some((message) => message.getType() === pulumiType)) {
            pushNotApplicable(policy.name, `Policy only applies to resources of type '${pulumiType}'`);
            continue;
          }
          if (resources === undefined) {
            try {
              resources = buildResources(modules, messages);
            } catch {
              // Exactly as the SDK reports it: let its handler answer the whole call.
              return void sdkHandler(call, callback);
            }
          }
          const reportViolation = makeReportViolation(pack, policy, String(level), diagnostics);
          try {
            await Promise.resolve(
              policy.validateStack!(
                {
                  resources: resources.slice(),
                  getConfig: () => {
                    const entry = config[policy.name];
                    if (!entry) {
                      return {};
                    }
                    const { enforcementLevel: _level, ...properties } = entry;
                    return properties;
                  },
                  stackTags,
                  notApplicable: throwNotApplicable,
                },
                reportViolation,
              ),
            );
          } catch (error) {
            const from = `policy '${policy.name}' from policy pack '${pack.name}@v${pack.version}'`;
            if (error instanceof modules.proxy.UnknownValueError) {
              const { validateStack: _validate, name, ...rest } = policy;
              diagnostics.push({
                policyName: name,
                policyPackName: pack.name,
                policyPackVersion: pack.version,
                message: `can't run ${from} during preview: ${error.message}`,
                ...rest,
                enforcementLevel: "advisory",
              });
            } else if (error instanceof NotApplicableError) {
              pushNotApplicable(policy.name, error.reason);
            } else {
              throw modules.protoutil.asGrpcError(error, `Error validating resource with ${from}`);
            }
          }
        }
      } catch (error) {
        callback(error, undefined);
        return;
      }
      callback(undefined, modules.protoutil.makeAnalyzeResponse(diagnostics, notApplicable));
    })();
  };
}

/** The SDK's `makeReportViolationFun`, field for field. */
function makeReportViolation(
  pack: { name: string; version: string },
  policy: StackPolicyLike,
  level: string,
  diagnostics: Record<string, unknown>[],
): (message: unknown, urn?: string) => void {
  const description = policy.description;
  return (message, urn) => {
    // As the SDK: any object (null too, which then fails as it fails there).
    if (typeof message === "object") {
      const info = message as Record<string, string | undefined>;
      diagnostics.push({
        policyName: info.name || policy.name,
        policyPackName: pack.name,
        policyPackVersion: pack.version,
        message: info.message || info.description || description,
        urn: info.urn,
        description: info.description || description,
        enforcementLevel: info.enforcementLevel || level,
        severity: info.severity || policy.severity,
      });
    } else {
      let text = description;
      if (message) {
        text += `\n${String(message)}`;
      }
      diagnostics.push({
        policyName: policy.name,
        policyPackName: pack.name,
        policyPackVersion: pack.version,
        message: text,
        urn,
        description,
        enforcementLevel: level,
        severity: policy.severity,
      });
    }
  };
}
