/**
 * Writes what `pulumi stack export --show-secrets` would hold after a `pulumi up` of a program, from the update
 * pass of the preflight (every resource created with the ID and outputs the update pass answered). The shape
 * follows the deployment schema of pulumi/pulumi (`developer-docs/architecture/deployment-schema.md`, version 3):
 * a manifest whose magic is the SHA-256 of the CLI version, the secrets provider, the resources in registration
 * order with `urn`, `custom`, `id`, `type`, `inputs`, `outputs`, `parent`, `dependencies`, `propertyDependencies`
 * and `provider`. A package's resources without an explicit provider get the default provider the engine
 * registers (`pulumi:providers:<package>` named `default_<version>`), as in a real state.
 */
import { createHash } from "node:crypto";
import type { RecordedResource, RecordedValue, StackRun } from "../model";
import { toStateValue } from "./state-values";

/** What the exported deployment says about its origin. */
export interface ExportOptions {
  /** The Pulumi CLI version recorded in the manifest. @default "v3.190.0" */
  pulumiVersion?: string;
  /** When the deployment happened, ISO. @default "2026-01-01T00:00:00Z" */
  time?: string;
  /** Installed version of each provider package (`aws` → `7.48.0`), for default provider names. @default {} */
  providerVersions?: Readonly<Record<string, string>>;
  /** Stack config (`aws:region` → value) that the default providers take as inputs. @default {} */
  stackConfig?: Readonly<Record<string, string>>;
}

/**
 * The deployment of a run of the update pass.
 *
 * @param run - a run of the program in update mode.
 * @param options - manifest and provider details.
 * @throws Error for a run of the preview pass: its unknown values have no place in a deployed state.
 */
export function deploymentFromRun(run: StackRun, options: ExportOptions = {}): Record<string, unknown> {
  if (run.mode !== "update") {
    throw new Error(`deploymentFromRun needs a run of the update pass (got ${run.mode ?? "preview"}).`);
  }
  const version = options.pulumiVersion ?? "v3.190.0";
  const time = options.time ?? "2026-01-01T00:00:00Z";
  const providers = defaultProviders(run, options);
  const resources = run.resources.flatMap((resource) => {
    const provider = providers.get(packageOf(resource));
    const exported = exportResource(resource, run, provider?.reference);
    // The engine registers a package's default provider just before its first resource.
    if (provider !== undefined && !provider.written) {
      provider.written = true;
      return [provider.state, exported];
    }
    return [exported];
  });
  return {
    version: 3,
    deployment: {
      manifest: { time, magic: createHash("sha256").update(version).digest("hex"), version },
      secrets_providers: {
        type: "service",
        state: {
          url: "https://api.pulumi.com",
          owner: "organization",
          project: run.project,
          stack: run.stack,
        },
      },
      resources,
    },
  };
}

interface DefaultProvider {
  reference: string;
  state: Record<string, unknown>;
  written: boolean;
}

function packageOf(resource: RecordedResource): string | undefined {
  if (!resource.custom || resource.provider !== undefined || resource.type.startsWith("pulumi:")) {
    return undefined;
  }
  return resource.type.split(":")[0];
}

function defaultProviders(run: StackRun, options: ExportOptions): Map<string | undefined, DefaultProvider> {
  const providers = new Map<string | undefined, DefaultProvider>();
  for (const resource of run.resources) {
    const pkg = packageOf(resource);
    if (pkg === undefined || providers.has(pkg)) {
      continue;
    }
    const version = options.providerVersions?.[pkg];
    const name = version === undefined ? "default" : `default_${version.replace(/[.-]/g, "_")}`;
    const urn = `urn:pulumi:${run.stack}::${run.project}::pulumi:providers:${pkg}::${name}`;
    const id = stableUuid(urn);
    const inputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options.stackConfig ?? {})) {
      if (key.startsWith(`${pkg}:`)) {
        inputs[key.slice(pkg.length + 1)] = value;
      }
    }
    if (version !== undefined) {
      inputs["version"] = version;
    }
    providers.set(pkg, {
      reference: `${urn}::${id}`,
      state: { urn, custom: true, id, type: `pulumi:providers:${pkg}`, inputs, outputs: inputs },
      written: false,
    });
  }
  return providers;
}

function exportResource(
  resource: RecordedResource,
  run: StackRun,
  defaultProvider: string | undefined,
): Record<string, unknown> {
  const outputs: Record<string, RecordedValue> =
    resource.state?.outputs ??
    (resource.custom
      ? resource.inputs
      : (run.resourceOutputs?.[resource.urn] ??
        (resource.type === "pulumi:pulumi:Stack" ? run.outputs : {})));
  const id = resource.state?.id ?? resource.id;
  const propertyDependencies = Object.fromEntries(
    Object.entries(resource.propertyDependencies).filter(([, urns]) => urns.length > 0),
  );
  return {
    urn: resource.urn,
    custom: resource.custom,
    ...(resource.custom && id !== undefined ? { id } : {}),
    type: resource.type,
    ...(resource.custom ? { inputs: toStateValue(resource.inputs) } : {}),
    ...(Object.keys(outputs).length > 0 ? { outputs: toStateValue(outputs) } : {}),
    ...(resource.parent !== undefined ? { parent: resource.parent } : {}),
    ...(resource.options.protect ? { protect: true } : {}),
    ...(resource.id !== undefined && resource.state === undefined ? { external: true } : {}),
    ...(resource.dependencies.length > 0 ? { dependencies: resource.dependencies } : {}),
    ...(Object.keys(propertyDependencies).length > 0 ? { propertyDependencies } : {}),
    ...(resource.provider !== undefined
      ? { provider: resource.provider }
      : defaultProvider !== undefined
        ? { provider: defaultProvider }
        : {}),
    ...(resource.options.retainOnDelete ? { retainOnDelete: true } : {}),
    ...(resource.options.additionalSecretOutputs.length > 0
      ? { additionalSecretOutputs: resource.options.additionalSecretOutputs }
      : {}),
    ...(resource.options.ignoreChanges.length > 0 ? { ignoreChanges: resource.options.ignoreChanges } : {}),
    ...(resource.options.aliases.length > 0 ? { aliases: resource.options.aliases } : {}),
  };
}

/** A version-4-shaped UUID derived from a name, so exports of the same run are identical. */
function stableUuid(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
