import { fileURLToPath } from "node:url";
import {
  type RecordedInvoke,
  type RecordedResource,
  type RecordedValue,
  SECRET,
  type SourceLocation,
} from "../model";
import type {
  MonitorLike,
  ReadResourceRequestLike,
  RegisterResourceRequestLike,
  RegisterResourceResponseLike,
  WireAlias,
  WireStruct,
} from "./monitor-requests";
import { toRecordedValue } from "./recorded-value";

/** Type token of the root stack resource. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
/** Token of the SDK's internal invoke that reads back a registered resource; not a program invoke. */
const GET_RESOURCE_TOKEN = "pulumi:pulumi:getResource";

/**
 * Records every request the program sends to the mock resource monitor. It wraps the monitor's
 * methods rather than relying on `Mocks.newResource`, because only the raw requests carry the parent,
 * dependencies, property dependencies and resource options that policies need.
 */
export class MonitorRecorder {
  /** One slot per request in request order; a slot stays empty when the request failed. */
  private readonly slots: (RecordedResource | undefined)[] = [];
  /** Invokes in call order. */
  readonly invokes: RecordedInvoke[] = [];
  /** The stack's outputs, with secret values masked. */
  stackOutputs: Record<string, RecordedValue> = {};
  /** Outputs registered by components (not the stack), by URN, with secret values masked. */
  resourceOutputs: Record<string, Record<string, RecordedValue>> = {};
  private stackUrn?: string;

  /**
   * Wraps the monitor's register, read, invoke and output methods so each request is recorded before the
   * mocks answer it.
   *
   * @param monitor - the SDK's mock monitor (`pulumi.runtime.getMonitor()` after `setMocks`).
   * @param context - project and stack, to spell alias URNs.
   */
  attach(monitor: MonitorLike, context: { project: string; stack: string }): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request, callback) => {
      const slot = this.reserveSlot();
      return register(request, (error, response) => {
        if (!error && response) {
          this.fill(
            slot,
            withProviderState(recordRegistration(request, response.getUrn(), context), response),
          );
          if (request.getType() === ROOT_STACK_TYPE && !request.getParent()) {
            this.stackUrn = response.getUrn();
          }
        }
        callback(error, response);
      });
    };
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (request, callback) => {
      const slot = this.reserveSlot();
      return read(request, (error, response) => {
        if (!error && response) {
          this.fill(slot, recordRead(request, response.getUrn()));
        }
        callback(error, response);
      });
    };
    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (request, callback) => {
      if (request.getTok() !== GET_RESOURCE_TOKEN) {
        this.invokes.push({ token: request.getTok(), args: recordStruct(request.getArgs()) });
      }
      return invoke(request, callback);
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (request, callback) => {
      const outputs = maskSecrets(recordStruct(request.getOutputs())) as Record<string, RecordedValue>;
      if (request.getUrn() === this.stackUrn) {
        this.stackOutputs = outputs;
      } else if (Object.keys(outputs).length > 0) {
        this.resourceOutputs[request.getUrn()] = outputs;
      }
      return registerOutputs(request, callback);
    };
  }

  /** The recorded resources in request order, without those whose request failed. */
  completedResources(): RecordedResource[] {
    return this.slots.filter((resource): resource is RecordedResource => resource !== undefined);
  }

  private reserveSlot(): number {
    this.slots.push(undefined);
    return this.slots.length - 1;
  }

  private fill(slot: number, resource: RecordedResource): void {
    this.slots[slot] = resource;
  }
}

function recordStruct(struct: WireStruct | undefined): Record<string, RecordedValue> {
  const recorded = toRecordedValue(struct?.toJavaScript() ?? {});
  return typeof recorded === "object" && recorded !== null && !Array.isArray(recorded)
    ? (recorded as Record<string, RecordedValue>)
    : {};
}

function recordRegistration(
  request: RegisterResourceRequestLike,
  urn: string,
  context: { project: string; stack: string },
): RecordedResource {
  const propertyDependencies: Record<string, string[]> = {};
  request.getPropertydependenciesMap().forEach((dependencies, property) => {
    propertyDependencies[property] = dependencies.getUrnsList();
  });
  const timeouts = request.getCustomtimeouts();
  const customTimeouts = timeouts && {
    ...(timeouts.getCreate() ? { create: timeouts.getCreate() } : {}),
    ...(timeouts.getUpdate() ? { update: timeouts.getUpdate() } : {}),
    ...(timeouts.getDelete() ? { delete: timeouts.getDelete() } : {}),
  };
  const aliases = [
    ...new Set([
      ...request.getAliasurnsList(),
      ...request.getAliasesList().map((alias) => aliasUrn(alias, request, context)),
    ]),
  ];
  return {
    urn,
    type: request.getType(),
    name: request.getName(),
    custom: request.getCustom(),
    inputs: recordStruct(request.getObject()),
    ...(request.getParent() ? { parent: request.getParent() } : {}),
    dependencies: request.getDependenciesList(),
    propertyDependencies,
    options: {
      protect: request.getProtect() ?? false,
      retainOnDelete: request.getRetainondelete() ?? false,
      ignoreChanges: request.getIgnorechangesList(),
      ...(request.getDeletebeforereplacedefined()
        ? { deleteBeforeReplace: request.getDeletebeforereplace() }
        : {}),
      aliases,
      ...(customTimeouts && Object.keys(customTimeouts).length > 0 ? { customTimeouts } : {}),
      additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
    },
    ...(request.getProvider() ? { provider: request.getProvider() } : {}),
    ...(request.getImportid() ? { id: request.getImportid() } : {}),
    ...(request.getRemote?.() ? { remote: true } : {}),
    ...sourceOf(request),
  };
}

/** The request's source position as a file path and line, when the SDK sent one with a `file:` URI. */
function sourceOf(request: RegisterResourceRequestLike): { source?: SourceLocation } {
  const position = request.getSourceposition?.();
  const uri = position?.getUri() ?? "";
  if (position === undefined || !uri.startsWith("file:") || position.getLine() < 1) {
    return {};
  }
  try {
    return {
      source: {
        file: fileURLToPath(uri),
        line: position.getLine(),
        column: Math.max(1, position.getColumn()),
      },
    };
  } catch {
    return {};
  }
}

/**
 * Adds what the provider answered for a created custom resource (its ID and output state) when the answer has
 * an ID: in the update pass, where the mocks answer as `pulumi up` would. Preview answers carry no ID.
 */
function withProviderState(
  resource: RecordedResource,
  response: RegisterResourceResponseLike,
): RecordedResource {
  const id = response.getId?.();
  if (!resource.custom || !id) {
    return resource;
  }
  return { ...resource, state: { id, outputs: recordStruct(response.getObject?.()) } };
}

function recordRead(request: ReadResourceRequestLike, urn: string): RecordedResource {
  return {
    urn,
    type: request.getType(),
    name: request.getName(),
    custom: true,
    inputs: recordStruct(request.getProperties()),
    ...(request.getParent() ? { parent: request.getParent() } : {}),
    dependencies: request.getDependenciesList(),
    propertyDependencies: {},
    options: {
      protect: false,
      retainOnDelete: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
    },
    ...(request.getProvider() ? { provider: request.getProvider() } : {}),
    id: request.getId(),
  };
}

/**
 * Spells an alias as the URN it stands for; fields the alias leaves out default to the resource's own,
 * and its type is qualified by its parent's type as in every URN.
 */
function aliasUrn(
  alias: WireAlias,
  request: RegisterResourceRequestLike,
  context: { project: string; stack: string },
): string {
  const spec = alias.hasSpec() ? alias.getSpec() : undefined;
  if (spec === undefined) {
    return alias.getUrn();
  }
  const stack = spec.getStack() || context.stack;
  const project = spec.getProject() || context.project;
  const type = spec.getType() || request.getType();
  const name = spec.getName() || request.getName();
  const parent = spec.getParenturn() || (spec.getNoparent() ? "" : request.getParent());
  const parentType = parent ? parent.split("::")[2]?.split("$").pop() : undefined;
  const qualifiedType = parentType ? `${parentType}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

/**
 * Replaces every secret in a recorded value by `{ $secret: "[secret]" }` (what registered outputs keep), leaving
 * unknowns as they are.
 *
 * @param value - the recorded value.
 */
export function maskSecrets(value: RecordedValue): RecordedValue {
  if (Array.isArray(value)) {
    return value.map(maskSecrets);
  }
  if (typeof value !== "object" || value === null) {
    return value;
  }
  if ("$secret" in value) {
    return { $secret: SECRET };
  }
  if ("$unknown" in value) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, maskSecrets(item as RecordedValue)]),
  );
}
