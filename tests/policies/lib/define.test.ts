/**
 * `defineResourcePolicy` / `defineStackPolicy` driven directly with hand-made SDK arguments: metadata
 * checks, type filtering through the server's not-applicable signal, crash safety, where findings and
 * stale waivers point, and the stack root used for findings about the stack as a whole.
 */
import type {
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import {
  defineResourcePolicy,
  defineStackPolicy,
  MAX_SCOPE_REASON_LENGTH,
  typeScopeReason,
  type CheckedResource,
  type ResourcePolicyDefinition,
  type SecureAiResourcePolicy,
  type SecureAiStackPolicy,
  type StackPolicyDefinition,
} from "../../../policy-packs/secure-ai/policies/lib/define";
import {
  UNKNOWN_STRING,
  UnknownValueError,
} from "../../../policy-packs/secure-ai/policies/lib/sdk-internals";

const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const STACK = "pulumi:pulumi:Stack";
const NOW = Date.UTC(2026, 0, 15);
const expiredWaiver = { resource: "key-*", reason: "legacy key, ticket SEC-42", expires: "2025-12-31" };
const activeWaiver = { resource: "key-*", reason: "legacy key, ticket SEC-42", expires: "2026-12-31" };

type ResourceDefinition = ResourcePolicyDefinition<Record<never, never>>;
type StackDefinition = StackPolicyDefinition<Record<never, never>>;

function resourceDefinition(overrides: Partial<ResourceDefinition> = {}): ResourceDefinition {
  return {
    name: "aws-kms-key-require-rotation",
    cloud: "aws",
    controls: ["SAI-NET-01"],
    description: "Keys rotate.",
    enforcementLevel: "mandatory",
    resourceTypes: [KEY, ALIAS],
    now: () => NOW,
    validate: () => undefined,
    ...overrides,
  };
}

function stackDefinition(overrides: Partial<StackDefinition> = {}): StackDefinition {
  return {
    name: "aws-kms-key-require-alias",
    cloud: "aws",
    controls: ["SAI-NET-01"],
    description: "Keys have aliases.",
    enforcementLevel: "advisory",
    resourceTypes: [KEY],
    now: () => NOW,
    validate: () => undefined,
    ...overrides,
  };
}

/** The server's error class is recognised by name only. */
class NotApplicableError extends Error {}

function throwingNotApplicable() {
  return vi.fn((reason?: string): never => {
    throw new NotApplicableError(reason);
  });
}

function resourceArgs(
  type: string,
  name: string,
  config: Record<string, unknown> = {},
  notApplicable: (reason?: string) => never = throwingNotApplicable(),
): ResourceValidationArgs {
  return {
    type,
    name,
    urn: `urn:pulumi:dev::app::${type}::${name}`,
    props: { enableKeyRotation: false },
    getConfig: () => config,
    notApplicable,
  } as unknown as ResourceValidationArgs;
}

function stackResource(type: string, name: string): PolicyResource {
  return { type, name, urn: `urn:pulumi:dev::app::${type}::${name}`, props: {} } as unknown as PolicyResource;
}

function stackArgs(resources: PolicyResource[], config: Record<string, unknown> = {}): StackValidationArgs {
  return {
    resources,
    getConfig: () => config,
    notApplicable: throwingNotApplicable(),
  } as unknown as StackValidationArgs;
}

/** The policy's validation function (the pack defines one, and it never returns a promise). */
function validateOf(policy: SecureAiResourcePolicy) {
  return policy.validateResource as (args: ResourceValidationArgs, reportViolation: ReportViolation) => void;
}

/** The policy's remediation function (synchronous in this pack). */
function remediateOf(policy: SecureAiResourcePolicy) {
  return policy.remediateResource as (args: ResourceValidationArgs) => Record<string, unknown> | undefined;
}

/** The stack policy's validation function (synchronous in this pack). */
function validateStackOf(policy: SecureAiStackPolicy) {
  return policy.validateStack as (args: StackValidationArgs, reportViolation: ReportViolation) => void;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("policy metadata", () => {
  it("refuses a policy that names no controls", () => {
    expect(() => defineResourcePolicy(resourceDefinition({ controls: [] }))).toThrow(
      new Error("policy aws-kms-key-require-rotation must name the SAI controls it enforces"),
    );
    expect(() => defineStackPolicy(stackDefinition({ controls: [] }))).toThrow(
      "policy aws-kms-key-require-alias must name the SAI controls it enforces",
    );
  });
});

describe("policy metadata from the definition", () => {
  it("carries name, title, description, level, waivers schema and the definition itself", () => {
    const definition = resourceDefinition();
    const policy = defineResourcePolicy(definition);
    expect(policy).toMatchObject({
      name: "aws-kms-key-require-rotation",
      displayName: "AWS kms key: require rotation",
      description: "Keys rotate.",
      enforcementLevel: "mandatory",
    });
    expect(policy.configSchema?.properties).toHaveProperty("waivers");
    expect(policy.definition).toBe(definition);
    const stackDef = stackDefinition();
    const stack = defineStackPolicy(stackDef);
    expect(stack.definition).toBe(stackDef);
    expect(stack.configSchema?.properties).toHaveProperty("waivers");
  });

  it("offers remediation only when the definition has a fix", () => {
    expect("remediateResource" in defineResourcePolicy(resourceDefinition())).toBe(false);
    expect(
      "remediateResource" in defineResourcePolicy(resourceDefinition({ remediate: () => undefined })),
    ).toBe(true);
  });

  it("judges waiver expiry by the definition's clock", () => {
    const now = () => Date.UTC(2020, 5, 1);
    const waivers = [{ resource: "key-*", reason: "legacy key, ticket SEC-42", expires: "2020-12-31" }];
    const reportViolation = vi.fn();
    const resourcePolicy = defineResourcePolicy(resourceDefinition({ now }));
    validateOf(resourcePolicy)(resourceArgs(KEY, "key-1", { waivers }), reportViolation);
    const stackPolicy = defineStackPolicy(stackDefinition({ now }));
    validateStackOf(stackPolicy)(stackArgs([stackResource(KEY, "key-1")], { waivers }), reportViolation);
    expect(reportViolation).not.toHaveBeenCalled();
  });
});

describe("resource policy: type filtering", () => {
  it("answers not-applicable for another type, naming the types it applies to, without running the check", () => {
    const validate = vi.fn();
    const policy = defineResourcePolicy(resourceDefinition({ validate }));
    const notApplicable = throwingNotApplicable();
    const error = thrownBy(() =>
      validateOf(policy)(resourceArgs("aws:s3/bucket:Bucket", "b", {}, notApplicable), vi.fn()),
    );
    expect(error).toBeInstanceOf(NotApplicableError);
    expect((error as Error).message).toBe(`applies to ${KEY}, ${ALIAS}`);
    expect(notApplicable).toHaveBeenCalledTimes(1);
    expect(validate).not.toHaveBeenCalled();
  });

  it("names how many types and the first ones when the whole list would not fit the reason", () => {
    const types = Array.from({ length: 600 }, (_, index) => `gcp:svc${index}/iamMember:IamMember`);
    const policy = defineResourcePolicy(resourceDefinition({ resourceTypes: types }));
    const error = thrownBy(() =>
      validateOf(policy)(resourceArgs(KEY, "k", {}, throwingNotApplicable()), vi.fn()),
    );
    const reason = (error as Error).message;
    expect(reason.length).toBeLessThanOrEqual(MAX_SCOPE_REASON_LENGTH);
    expect(reason).toMatch(
      /^applies to 600 types: gcp:svc0\/iamMember:IamMember, gcp:svc1\/iamMember:IamMember, .* and (\d+) more \(see docs\/policies\.md\)$/,
    );
    const named = reason.split(": ").slice(1).join(": ").split(" and ")[0]!.split(", ");
    const more = Number(/and (\d+) more/.exec(reason)![1]);
    expect(named).toEqual(types.slice(0, named.length));
    expect(named.length + more).toBe(600);
    // As many as fit: one more type would break the limit.
    const oneMore = `applies to 600 types: ${types.slice(0, named.length + 1).join(", ")} and ${more - 1} more (see docs/policies.md)`;
    expect(oneMore.length).toBeGreaterThan(MAX_SCOPE_REASON_LENGTH);
  });

  it("lists every type while the list fits the reason", () => {
    const fits = [KEY, ALIAS, "aws:kms/replicaKey:ReplicaKey"];
    expect(typeScopeReason(fits)).toBe(`applies to ${fits.join(", ")}`);
    const long = Array.from(
      { length: 5 },
      (_, index) => `aws:svc${index}/${"x".repeat(40)}:${"Y".repeat(4)}`,
    );
    expect(`applies to ${long.join(", ")}`.length).toBeGreaterThan(MAX_SCOPE_REASON_LENGTH);
    expect(typeScopeReason(long)).toMatch(/^applies to 5 types: .* and \d+ more \(see docs\/policies\.md\)$/);
  });

  it("makes the signal once per notApplicable function and throws the same object again", () => {
    const policy = defineResourcePolicy(resourceDefinition());
    const notApplicable = throwingNotApplicable();
    const first = thrownBy(() => validateOf(policy)(resourceArgs("t:a:A", "a", {}, notApplicable), vi.fn()));
    const second = thrownBy(() => validateOf(policy)(resourceArgs("t:b:B", "b", {}, notApplicable), vi.fn()));
    expect(second).toBe(first);
    expect(notApplicable).toHaveBeenCalledTimes(1);

    const other = throwingNotApplicable();
    const third = thrownBy(() => validateOf(policy)(resourceArgs("t:c:C", "c", {}, other), vi.fn()));
    expect(third).not.toBe(first);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it("restores the stack trace limit after asking for the signal", () => {
    const original = Error.stackTraceLimit;
    Error.stackTraceLimit = 17;
    onTestFinished(() => {
      Error.stackTraceLimit = original;
    });
    const before = Error.stackTraceLimit;
    const policy = defineResourcePolicy(resourceDefinition());
    let limitInside: number | undefined;
    const notApplicable = vi.fn((reason?: string): never => {
      limitInside = Error.stackTraceLimit;
      throw new NotApplicableError(reason);
    });
    thrownBy(() => validateOf(policy)(resourceArgs("t:a:A", "a", {}, notApplicable), vi.fn()));
    expect(limitInside).toBe(0);
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("fails loudly when notApplicable returns instead of throwing", () => {
    const original = Error.stackTraceLimit;
    Error.stackTraceLimit = 19;
    onTestFinished(() => {
      Error.stackTraceLimit = original;
    });
    const before = Error.stackTraceLimit;
    const policy = defineResourcePolicy(resourceDefinition());
    const returning = (() => undefined) as unknown as (reason?: string) => never;
    const error = thrownBy(() => validateOf(policy)(resourceArgs("t:a:A", "a", {}, returning), vi.fn()));
    expect((error as Error).message).toBe(
      `notApplicable("applies to ${KEY}, ${ALIAS}") returned instead of throwing`,
    );
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("tags a single-type policy with its type token and leaves a multi-type policy untagged", () => {
    const single = defineResourcePolicy(
      resourceDefinition({ resourceTypes: [KEY], remediate: () => undefined }),
    );
    const multi = defineResourcePolicy(resourceDefinition({ remediate: () => undefined }));
    expect((single.validateResource as { __pulumiType?: string }).__pulumiType).toBe(KEY);
    expect((single.remediateResource as { __pulumiType?: string }).__pulumiType).toBe(KEY);
    expect((multi.validateResource as { __pulumiType?: string }).__pulumiType).toBeUndefined();
  });
});

describe("resource policy: findings and crash safety", () => {
  it("reports a finding without a URN (it is about the analysed resource)", () => {
    const policy = defineResourcePolicy(
      resourceDefinition({ validate: (_resource, { report }) => report("rotation is off") }),
    );
    const reportViolation = vi.fn();
    validateOf(policy)(resourceArgs(KEY, "key-1"), reportViolation as ReportViolation);
    expect(reportViolation.mock.calls).toEqual([["rotation is off", undefined]]);
  });

  it("hands the check the resource's type, name, URN and props", () => {
    let seen: CheckedResource | undefined;
    const policy = defineResourcePolicy(resourceDefinition({ validate: (resource) => (seen = resource) }));
    validateOf(policy)(resourceArgs(KEY, "key-1"), vi.fn());
    expect(seen).toEqual({
      type: KEY,
      name: "key-1",
      urn: `urn:pulumi:dev::app::${KEY}::key-1`,
      props: { enableKeyRotation: false },
    });
  });

  it("turns a crashing check into a finding that names the error", () => {
    const policy = defineResourcePolicy(
      resourceDefinition({
        validate: () => {
          throw new TypeError("cannot read x");
        },
      }),
    );
    const reportViolation = vi.fn();
    validateOf(policy)(resourceArgs(KEY, "key-1"), reportViolation as ReportViolation);
    expect(reportViolation.mock.calls).toEqual([
      ["the policy could not evaluate this resource (cannot read x); fix the inputs or waive it", undefined],
    ]);
  });

  it("describes a thrown non-error by its text", () => {
    const policy = defineResourcePolicy(
      resourceDefinition({
        validate: () => {
          throw "plain text";
        },
      }),
    );
    const reportViolation = vi.fn();
    validateOf(policy)(resourceArgs(KEY, "key-1"), reportViolation as ReportViolation);
    expect(reportViolation.mock.calls).toEqual([
      ["the policy could not evaluate this resource (plain text); fix the inputs or waive it", undefined],
    ]);
  });

  it("lets the SDK's unknown-value and not-applicable errors through", () => {
    const unknown = new (UnknownValueError as unknown as new (field: string, path: string[]) => Error)(
      UNKNOWN_STRING,
      ["props"],
    );
    const notApplicable = new NotApplicableError("later");
    for (const signal of [unknown, notApplicable]) {
      const policy = defineResourcePolicy(
        resourceDefinition({
          validate: () => {
            throw signal;
          },
        }),
      );
      const reportViolation = vi.fn();
      expect(thrownBy(() => validateOf(policy)(resourceArgs(KEY, "key-1"), reportViolation))).toBe(signal);
      expect(reportViolation).not.toHaveBeenCalled();
    }
  });

  it("reports an expired waiver on a compliant resource, without a URN", () => {
    const policy = defineResourcePolicy(resourceDefinition());
    const reportViolation = vi.fn();
    validateOf(policy)(resourceArgs(KEY, "key-1", { waivers: [expiredWaiver] }), reportViolation);
    expect(reportViolation.mock.calls).toEqual([
      [
        'waiver for "key-*" (legacy key, ticket SEC-42) expired on 2025-12-31: renew it with a new expiry or remove it',
        undefined,
      ],
    ]);
  });

  it("does not add the stale-waiver finding when the resource already has a finding", () => {
    const policy = defineResourcePolicy(
      resourceDefinition({ validate: (_resource, { report }) => report("rotation is off") }),
    );
    const reportViolation = vi.fn();
    validateOf(policy)(resourceArgs(KEY, "key-1", { waivers: [expiredWaiver] }), reportViolation);
    expect(reportViolation.mock.calls).toEqual([
      ['rotation is off (the waiver for "key-*" expired on 2025-12-31 and no longer applies)', undefined],
    ]);
  });
});

describe("resource policy: remediation", () => {
  it("answers not-applicable for another type without remediating", () => {
    const remediate = vi.fn(() => ({ enableKeyRotation: true }));
    const policy = defineResourcePolicy(resourceDefinition({ remediate }));
    const error = thrownBy(() => remediateOf(policy)(resourceArgs("aws:s3/bucket:Bucket", "b")));
    expect(error).toBeInstanceOf(NotApplicableError);
    expect(remediate).not.toHaveBeenCalled();
  });

  it("merges the changes over the inputs, and leaves a waived resource alone", () => {
    const policy = defineResourcePolicy(
      resourceDefinition({ remediate: () => ({ enableKeyRotation: true }) }),
    );
    expect(remediateOf(policy)(resourceArgs(ALIAS, "key-1"))).toEqual({ enableKeyRotation: true });
    expect(remediateOf(policy)(resourceArgs(KEY, "key-1", { waivers: [activeWaiver] }))).toBeUndefined();
  });
});

describe("stack policy", () => {
  it("reports a finding about the stack against the stack's root resource", () => {
    const policy = defineStackPolicy(
      stackDefinition({ validate: (_stack, { report }) => report("no alias") }),
    );
    const reportViolation = vi.fn();
    const resources = [stackResource(KEY, "key-1"), stackResource(STACK, "app-dev")];
    validateStackOf(policy)(stackArgs(resources), reportViolation);
    expect(reportViolation.mock.calls).toEqual([["no alias", `urn:pulumi:dev::app::${STACK}::app-dev`]]);
  });

  it("reports a finding about a stack without root resource with no URN, under an empty name", () => {
    const policy = defineStackPolicy(
      stackDefinition({ validate: (_stack, { report }) => report("no alias") }),
    );
    const reportViolation = vi.fn();
    // A name glob needing at least one character does not match the empty name of the missing root.
    const waivers = [{ resource: "?*", reason: "every named resource", expires: "2999-12-31" }];
    validateStackOf(policy)(stackArgs([stackResource(KEY, "key-1")], { waivers }), reportViolation);
    expect(reportViolation.mock.calls).toEqual([["no alias", undefined]]);
  });

  it("turns a crashing check into a finding against the stack", () => {
    const policy = defineStackPolicy(
      stackDefinition({
        validate: () => {
          throw new Error("boom");
        },
      }),
    );
    const reportViolation = vi.fn();
    validateStackOf(policy)(stackArgs([stackResource(STACK, "app-dev")]), reportViolation);
    expect(reportViolation.mock.calls).toEqual([
      ["the policy could not evaluate the stack (boom)", `urn:pulumi:dev::app::${STACK}::app-dev`],
    ]);
  });

  it("lets the SDK's signals through", () => {
    const signal = new NotApplicableError("no keys");
    const policy = defineStackPolicy(
      stackDefinition({
        validate: () => {
          throw signal;
        },
      }),
    );
    const reportViolation = vi.fn();
    expect(thrownBy(() => validateStackOf(policy)(stackArgs([]), reportViolation))).toBe(signal);
    expect(reportViolation).not.toHaveBeenCalled();
  });

  it("ends the check as not applicable through the stack view, with the server's own signal and reason", () => {
    const policy = defineStackPolicy(
      stackDefinition({ validate: (stack) => stack.notApplicable("the stack holds no KMS keys") }),
    );
    const args = stackArgs([stackResource(STACK, "app-dev")]);
    const reportViolation = vi.fn();
    const thrown = thrownBy(() => validateStackOf(policy)(args, reportViolation));
    expect(thrown).toBeInstanceOf(NotApplicableError);
    expect(args.notApplicable).toHaveBeenCalledWith("the stack holds no KMS keys");
    expect(reportViolation).not.toHaveBeenCalled();
  });

  it("groups resources by type for the check", () => {
    let seen: string[][] = [];
    const policy = defineStackPolicy(
      stackDefinition({
        validate: (stack) => {
          seen = [KEY, ALIAS, "t:none:None"].map((type) =>
            stack.ofType(type).map((resource) => resource.name),
          );
        },
      }),
    );
    const resources = [
      stackResource(KEY, "key-1"),
      stackResource(ALIAS, "alias-1"),
      stackResource(KEY, "key-2"),
    ];
    validateStackOf(policy)(stackArgs(resources), vi.fn());
    expect(seen).toEqual([["key-1", "key-2"], ["alias-1"], []]);
  });

  it("reports expired waivers on relevant resources without findings, with their URN", () => {
    const policy = defineStackPolicy(
      stackDefinition({
        validate: (stack, { report }) => report("key-1 has no alias", stack.ofType(KEY)[0]),
      }),
    );
    const reportViolation = vi.fn();
    const resources = [
      stackResource(KEY, "key-1"),
      stackResource(KEY, "key-2"),
      stackResource(ALIAS, "key-alias"),
      stackResource(STACK, "app-dev"),
    ];
    validateStackOf(policy)(stackArgs(resources, { waivers: [expiredWaiver] }), reportViolation);
    expect(reportViolation.mock.calls).toEqual([
      [
        'key-1 has no alias (the waiver for "key-*" expired on 2025-12-31 and no longer applies)',
        `urn:pulumi:dev::app::${KEY}::key-1`,
      ],
      [
        'waiver for "key-*" (legacy key, ticket SEC-42) expired on 2025-12-31: renew it with a new expiry or remove it',
        `urn:pulumi:dev::app::${KEY}::key-2`,
      ],
    ]);
  });
});
