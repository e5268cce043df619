import * as pulumi from "@pulumi/pulumi";
import { PLATFORM_TYPE, SecureAiPlatform } from "../../components/platform";
import type { ControlEvidenceOutput } from "../../components/evidence";
import type { SecureAiPlatformArgs } from "../../components/spec/args";

/*
 * Runs SecureAiPlatform under Pulumi's mock runtime and records what it registered. The cloud-specific part,
 * what a provider computes and what its functions return, comes from a FakeProvider (see *-mocks.ts).
 * The component loads its backend with Node's `require`; tests/setup/node-require-typescript.ts (a vitest
 * setup file) lets Node load the TypeScript backend, so nothing here needs to import it.
 */

/** What a cloud provider would answer, faked for the mock runtime. */
export interface FakeProvider {
  /** The ID and state the provider would compute for a new resource (inputs plus computed outputs). */
  computedState(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
  ): { id: string; state: Record<string, unknown> };
  /** The result of a provider function (an invoke such as `getCallerIdentity`). */
  invoke(token: string, inputs: Record<string, unknown>): Record<string, unknown>;
}

/** How the mocks run: the Pulumi project, and whether it is a preview. */
export interface MockRunOptions {
  /** Pulumi project name the mocks report. */
  project: string;
  /**
   * Run as `pulumi preview` (unknown values stay unknown) rather than as an update.
   * @default false
   */
  preview?: boolean;
}

/** A resource a backend registered, as the mock engine saw it. */
export interface RecordedResource {
  type: string;
  /** Logical (URN) name. */
  name: string;
  /** Inputs with every Output resolved (what the mock engine received). */
  inputs: Record<string, unknown>;
  /** Logical names of the resources it `dependsOn`. */
  dependsOn: string[];
}

/** A built platform: its component, the resources it registered and its resolved outputs. */
export interface BuiltPlatform {
  platform: SecureAiPlatform;
  resources: RecordedResource[];
  controls: ControlEvidenceOutput[];
  outputs: {
    keys: Record<string, string>;
    storage: Record<string, string>;
    modelEndpoints: Record<string, string>;
    networkId: string;
    workloadIdentities: Record<string, string>;
    findingsDestination: string;
    publicEndpoint: string | undefined;
  };
  /** Resources of one type token. */
  ofType(type: string): RecordedResource[];
  /** The one resource of this type with this logical name (throws otherwise). */
  named(type: string, name: string): RecordedResource;
  /** The evidence entry of one control (throws if there is none). */
  control(id: string): ControlEvidenceOutput;
}

/** Mocks for one cloud: install them, then build platforms under them. */
export interface MockEngine {
  /**
   * Installs Pulumi mocks that answer like `provider` and record every registered resource.
   * @param provider - the cloud's computed state and function results.
   * @param options - the Pulumi project and whether this is a preview.
   */
  install(provider: FakeProvider, options: MockRunOptions): Promise<void>;
  /**
   * Builds a platform under the mocks and waits until every child is registered.
   * @param name - the component's logical name.
   * @param args - the platform's arguments.
   */
  build(name: string, args: SecureAiPlatformArgs): Promise<BuiltPlatform>;
}

/** Rounds of 5 ms to wait for registrations that no output depends on. */
const SETTLE_ROUNDS = 100;

/** Logical names of the resources in a `dependsOn` option (one resource or a list). */
function dependencyNames(dependsOn: unknown): string[] {
  const list = Array.isArray(dependsOn) ? dependsOn : dependsOn ? [dependsOn] : [];
  return list.map((resource) => (resource as { __name?: string }).__name ?? "?");
}

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((value) => done(value)));
}

/**
 * Creates a mock engine with its own record of registered resources (keyed by type and logical name).
 * @returns the engine; install its mocks before building.
 */
export function createMockEngine(): MockEngine {
  const registered = new Map<string, Record<string, unknown>>();
  const key = (type: string, name: string) => `${type}::${name}`;

  async function install(
    provider: FakeProvider,
    { project, preview = false }: MockRunOptions,
  ): Promise<void> {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          const inputs = args.inputs as Record<string, unknown>;
          registered.set(key(args.type, args.name), inputs);
          return provider.computedState(args.type, args.name, inputs);
        },
        call: (args) => provider.invoke(args.token, args.inputs as Record<string, unknown>),
      },
      project,
      "dev",
      preview,
    );
  }

  /** Lets registrations that no output depends on finish too (up to SETTLE_ROUNDS of 5 ms). */
  async function untilRegistered(children: { type: string; name: string }[]): Promise<void> {
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      if (children.every((r) => registered.has(key(r.type, r.name)))) return;
      await new Promise((done) => setTimeout(done, 5));
    }
  }

  async function build(name: string, args: SecureAiPlatformArgs): Promise<BuiltPlatform> {
    const seen: { type: string; name: string; dependsOn: string[] }[] = [];
    const platform = new SecureAiPlatform(name, args, {
      transformations: [
        (child) => {
          seen.push({ type: child.type, name: child.name, dependsOn: dependencyNames(child.opts.dependsOn) });
          return undefined;
        },
      ],
    });
    const [
      controls,
      keys,
      storage,
      modelEndpoints,
      networkId,
      workloadIdentities,
      findingsDestination,
      publicEndpoint,
    ] = await Promise.all([
      resolved(platform.controls),
      resolved(platform.keys),
      resolved(platform.storage),
      resolved(platform.modelEndpoints),
      resolved(platform.networkId),
      resolved(platform.workloadIdentities),
      resolved(platform.findingsDestination),
      resolved(platform.publicEndpoint),
    ]);
    await untilRegistered(seen);
    const resources = seen
      .filter((r) => r.type !== PLATFORM_TYPE)
      .map((r): RecordedResource => {
        const inputs = registered.get(key(r.type, r.name));
        if (!inputs) throw new Error(`resource ${r.name} was never registered`);
        return { type: r.type, name: r.name, inputs, dependsOn: r.dependsOn };
      });
    return {
      platform,
      resources,
      controls,
      outputs: {
        keys,
        storage,
        modelEndpoints,
        networkId,
        workloadIdentities,
        findingsDestination,
        publicEndpoint,
      },
      ofType: (type) => resources.filter((r) => r.type === type),
      named: (type, resourceName) => {
        const found = resources.filter((r) => r.type === type && r.name === resourceName);
        if (found.length !== 1)
          throw new Error(`expected one ${type} named ${resourceName}, found ${found.length}`);
        return found[0] as RecordedResource;
      },
      control: (id) => {
        const found = controls.find((entry) => entry.id === id);
        if (!found) throw new Error(`no evidence for ${id}`);
        return found;
      },
    };
  }

  return { install, build };
}
