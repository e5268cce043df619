/**
 * Runs the pack's policies the way the 1.21 policy server does, without a server: props are wrapped in the
 * SDK's own `unknownCheckingProxy`, `notApplicable` throws an error the server recognises by name, and
 * violations (string or object form) are collected. Shared by the GCP and Azure policy tests.
 */
import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import type {
  SecureAiResourcePolicy,
  SecureAiStackPolicy,
} from "../../../policy-packs/secure-ai/policies/lib";
import {
  Secret,
  UNKNOWN_STRING,
  unknownCheckingProxy,
} from "../../../policy-packs/secure-ai/policies/lib/sdk-internals";

/** The engine's sentinel for a value not known during preview. */
export const UNKNOWN = UNKNOWN_STRING;

/** Mirrors the SDK's internal `NotApplicableError` (the pack recognises it by constructor name). */
class NotApplicableError extends Error {
  constructor(readonly reason: string | undefined) {
    super(reason ?? "not applicable");
  }
}

/** What one policy run reported. */
export interface RunResult {
  /** Messages of violations at the policy's own level. */
  violations: string[];
  /** Messages of findings downgraded to advisory by an active waiver. */
  waived: string[];
  /** URNs the violations were reported against (stack policies). */
  urns: (string | undefined)[];
  /** The not-applicable reason, when the policy declared the resource not applicable. */
  notApplicable?: string;
}

/** A resource as a test fixture. */
export interface Fixture {
  type: string;
  props: Record<string, unknown>;
  name?: string;
  urn?: string;
  propertyDependencies?: Record<string, string[]>;
}

/** Copies arrays and plain objects; keeps anything else (a `Secret`) by reference. */
function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item: unknown) => deepCopy(item)) as T;
  }
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deepCopy(item)])) as T;
  }
  return value;
}

function collector(): { result: RunResult; report: (violation: unknown, urn?: string) => void } {
  const result: RunResult = { violations: [], waived: [], urns: [] };
  const report = (violation: unknown, urn?: string) => {
    if (typeof violation === "string") {
      result.violations.push(violation);
      result.urns.push(urn);
      return;
    }
    const object = violation as { message: string; urn?: string; enforcementLevel?: string };
    (object.enforcementLevel === "advisory" ? result.waived : result.violations).push(object.message);
    result.urns.push(object.urn);
  };
  return { result, report };
}

function urnOf(fixture: Fixture, index = 0): string {
  const name = fixture.name ?? `res${index}`;
  return fixture.urn ?? `urn:pulumi:test::project::${fixture.type}::${name}`;
}

function resourceArgs(fixture: Fixture, config: Record<string, unknown>): ResourceValidationArgs {
  const name = fixture.name ?? "res0";
  return {
    type: fixture.type,
    props: unknownCheckingProxy(deepCopy(fixture.props)),
    urn: urnOf(fixture),
    name,
    opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: {} },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicableError(reason);
    },
  } as unknown as ResourceValidationArgs;
}

/** Runs a resource policy on one fixture. */
export async function runResourcePolicy(
  policy: SecureAiResourcePolicy,
  fixture: Fixture,
  config: Record<string, unknown> = {},
): Promise<RunResult> {
  const { result, report } = collector();
  const validate = policy.validateResource;
  if (validate === undefined || Array.isArray(validate)) {
    throw new Error(`${policy.name} has no single validateResource`);
  }
  try {
    await validate(resourceArgs(fixture, config), report as never);
  } catch (error) {
    if (error instanceof NotApplicableError) {
      result.notApplicable = error.reason ?? "";
      return result;
    }
    throw error;
  }
  return result;
}

/** Runs a resource policy's remediation on one fixture; returns the new props or `undefined`. */
export async function runRemediation(
  policy: SecureAiResourcePolicy,
  fixture: Fixture,
  config: Record<string, unknown> = {},
): Promise<Record<string, unknown> | undefined> {
  const remediate = policy.remediateResource;
  if (remediate === undefined) {
    throw new Error(`${policy.name} has no remediation`);
  }
  const changed = await remediate(resourceArgs(fixture, config));
  return changed === undefined ? undefined : (changed as Record<string, unknown>);
}

/** Runs a stack policy over fixtures (a `pulumi:pulumi:Stack` root is added). */
export async function runStackPolicy(
  policy: SecureAiStackPolicy,
  fixtures: readonly Fixture[],
  config: Record<string, unknown> = {},
): Promise<RunResult> {
  const { result, report } = collector();
  const root: Fixture = { type: "pulumi:pulumi:Stack", props: {}, name: "project-test" };
  const all = [root, ...fixtures];
  const resources: PolicyResource[] = all.map((fixture, index) => ({
    type: fixture.type,
    props: unknownCheckingProxy(deepCopy(fixture.props)),
    urn: urnOf(fixture, index),
    name: fixture.name ?? `res${index}`,
    opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: {} },
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  })) as unknown as PolicyResource[];
  const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  all.forEach((fixture, index) => {
    for (const [property, urns] of Object.entries(fixture.propertyDependencies ?? {})) {
      resources[index].propertyDependencies[property] = urns
        .map((urn) => byUrn.get(urn))
        .filter((resource): resource is PolicyResource => resource !== undefined);
    }
  });
  const args = {
    resources,
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicableError(reason);
    },
  } as unknown as StackValidationArgs;
  try {
    await policy.validateStack(args, report as never);
  } catch (error) {
    if (error instanceof NotApplicableError) {
      result.notApplicable = error.reason ?? "";
      return result;
    }
    throw error;
  }
  return result;
}

/** Sets `value` at a dotted path of a deep copy of `props` (`undefined` deletes the property). */
export function withValue(
  props: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = deepCopy(props);
  const keys = path.split(".");
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== "object" || next === null) {
      target[key] = {};
    }
    target = target[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    delete target[last];
  } else {
    target[last] = value;
  }
  return copy;
}

/** Inputs that must never crash a policy: wrong types, empty containers, nulls, unknowns and secrets. */
export const FUZZ_VALUES: readonly unknown[] = [
  undefined,
  null,
  "",
  "x",
  0,
  -1,
  true,
  [],
  [null],
  [{}],
  {},
  { nested: { deeper: [1, "two"] } },
  UNKNOWN,
  new Secret("secret-value"),
  { kmsKeyName: new Secret("projects/p/locations/l/keyRings/r/cryptoKeys/k") },
];
