/**
 * Turns the engine's recorded resources into analyzer requests, filling the fields the way the Pulumi CLI's
 * step generator does: options from the registration, the provider resource looked up by its reference,
 * custom timeouts converted from Go duration strings to seconds.
 */
import { type RecordedResource } from "../model";
import { type AnalyzerProvider, type AnalyzerResourceInput } from "./client";

const DURATION_UNITS_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * Parses a Go duration (`"5m"`, `"1h30m"`, `"1.5s"`), the format of Pulumi custom timeouts, into seconds.
 * An empty or missing value is 0, as the engine treats it.
 */
export function durationToSeconds(duration: string | undefined): number {
  if (duration === undefined || duration === "" || duration === "0") {
    return 0;
  }
  const pattern = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (const match of duration.matchAll(pattern)) {
    total += Number(match[1]) * (DURATION_UNITS_SECONDS[match[2] ?? ""] ?? 0);
    consumed += match[0].length;
  }
  if (consumed === 0 || consumed !== duration.length) {
    throw new Error(`Invalid custom timeout '${duration}': expected a Go duration such as "5m" or "1h30m"`);
  }
  return total;
}

/** The resource part of a URN (`urn:pulumi:stack::project::type::name` -> `name`). */
function nameFromUrn(urn: string): string {
  const separator = urn.lastIndexOf("::");
  return separator < 0 ? urn : urn.slice(separator + 2);
}

/**
 * Resolves a provider reference (`<provider urn>::<id>`) to the provider resource among `byUrn`. Returns
 * undefined when the reference is absent or the provider was not recorded (e.g. a default provider the
 * engine did not register).
 */
export function providerFor(
  reference: string | undefined,
  byUrn: ReadonlyMap<string, RecordedResource>,
): AnalyzerProvider | undefined {
  if (!reference) {
    return undefined;
  }
  const separator = reference.lastIndexOf("::");
  const urn = separator < 0 ? reference : reference.slice(0, separator);
  const provider = byUrn.get(urn) ?? byUrn.get(reference);
  if (!provider) {
    return undefined;
  }
  return {
    urn: provider.urn,
    type: provider.type,
    name: nameFromUrn(provider.urn),
    properties: provider.inputs,
  };
}

/** Builds the analyzer view of one recorded resource; `byUrn` resolves its provider. */
export function toAnalyzerResource(
  resource: RecordedResource,
  byUrn: ReadonlyMap<string, RecordedResource>,
): AnalyzerResourceInput {
  const options = resource.options;
  const input: AnalyzerResourceInput = {
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    properties: resource.inputs,
    options: {
      protect: options.protect,
      ignoreChanges: [...options.ignoreChanges],
      additionalSecretOutputs: [...options.additionalSecretOutputs],
      aliases: [...options.aliases],
      customTimeouts: {
        create: durationToSeconds(options.customTimeouts?.create),
        update: durationToSeconds(options.customTimeouts?.update),
        delete: durationToSeconds(options.customTimeouts?.delete),
      },
      parent: resource.parent ?? "",
    },
    parent: resource.parent ?? "",
    dependencies: [...resource.dependencies],
    propertyDependencies: resource.propertyDependencies,
  };
  if (options.deleteBeforeReplace !== undefined) {
    input.options.deleteBeforeReplace = options.deleteBeforeReplace;
  }
  const provider = providerFor(resource.provider, byUrn);
  if (provider) {
    input.provider = provider;
  }
  return input;
}

/** Indexes resources by URN. */
export function indexByUrn(resources: readonly RecordedResource[]): Map<string, RecordedResource> {
  return new Map(resources.map((resource) => [resource.urn, resource]));
}
