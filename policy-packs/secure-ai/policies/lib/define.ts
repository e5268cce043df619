/**
 * `defineResourcePolicy` / `defineStackPolicy`: a policy file states its name, the control IDs it enforces,
 * the resource type tokens it applies to, its options and its check; this module fills in the metadata
 * from the controls catalog, the config schema (options plus `waivers`), waiver handling, type filtering
 * by type token (no provider SDK is loaded), and crash safety (a policy that throws reports a violation
 * instead of failing the whole analysis).
 */
import type {
  EnforcementLevel,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { ControlId } from "../../../../components/controls";
import { buildConfigSchema, resolveConfig, type ConfigOptions, type ConfigValues } from "./config";
import {
  controlsOf,
  examinesTagsOf,
  frameworkOf,
  remediationOf,
  severityOf,
  tagsOf,
  urlOf,
} from "./metadata";
import { assertPolicyName, displayNameOf, type PolicyCloud } from "./naming";
import { beginObservation, endObservation, observeRoot, observeRoots } from "./observe";
import { makeReporter, reportStaleWaiver } from "./report";
import { notApplicableSignal, settleObservation } from "./signals";
import { NO_RESOURCES, stackIndexOf } from "./stack-index";
import { markTypeDecided } from "./type-decided";

export { UNKNOWN_INPUTS_PREFIX } from "./signals";
import { UnknownValueError } from "./sdk-internals";
import { rawCopy } from "./values";
import { parseWaivers, WAIVERS_SCHEMA, matchWaiver, type ResourceRef } from "./waivers";

/** Default levels the pack uses: mandatory for CMEK, TLS and private endpoints, advisory for judgement calls. */
export type DefaultLevel = Extract<EnforcementLevel, "mandatory" | "advisory">;

/** What every policy declares. */
interface CommonDefinition<O extends ConfigOptions> {
  /** `<cloud>-<service>-<resource>-<verb>-<what>`. */
  name: string;
  /** Cloud of the policy (prefix of the name, a tag). */
  cloud: PolicyCloud;
  /** SAI control IDs the policy enforces; severity, framework, remediation and tags come from them. */
  controls: readonly ControlId[];
  /** One sentence: what a compliant resource looks like. */
  description: string;
  /** Default enforcement level. */
  enforcementLevel: DefaultLevel;
  /** Options beyond `waivers`. @default {} */
  config?: O;
  /** Extra tags (service, topic). @default [] */
  tags?: readonly string[];
  /**
   * Type tokens the policy examines; each becomes an `examines:<type>` tag (the preflight reads them to tell
   * which resources a policy looked at).
   */
  resourceTypes: readonly string[];
  /** Clock for waiver expiry (tests). @default Date.now */
  now?: () => number;
}

/** The resource a resource policy is checking. */
export interface CheckedResource extends ResourceRef {
  /** Type token, e.g. `aws:kms/key:Key`. */
  type: string;
  /** The SDK's property proxy: read it with the helpers of `./values`, never with `props.x`. */
  props: unknown;
}

/** Context given to a check. */
export interface CheckContext<C> {
  /** The policy's options with defaults filled in. */
  config: C;
  /** Reports a finding about the checked resource (resource policies) or about `resource` (stack policies). */
  report(message: string, resource?: ResourceRef): void;
}

/** A per-resource policy definition. */
export interface ResourcePolicyDefinition<O extends ConfigOptions> extends CommonDefinition<O> {
  /** Type tokens the policy applies to; other resources are reported not-applicable without running it. */
  resourceTypes: readonly string[];
  /** Checks one resource. */
  validate(resource: CheckedResource, context: CheckContext<ConfigValues<O>>): void;
  /**
   * A deterministic fix: the properties to change (merged over the resource's inputs), or `undefined` when
   * nothing needs changing. Runs only when the policy's level is `remediate`; waived resources are left alone.
   */
  remediate?(resource: CheckedResource, config: ConfigValues<O>): Record<string, unknown> | undefined;
}

/** Resources of the stack as a stack policy sees them (outputs; inputs during preview). */
export interface StackView {
  /** Every resource of the stack. */
  resources: readonly PolicyResource[];
  /** Resources of one type token. */
  ofType(type: string): readonly PolicyResource[];
  /**
   * Ends the validation as not applicable to this stack (it holds nothing the policy is about): the
   * analyzer lists the policy as not applicable instead of as examined. `reason` says what is missing.
   */
  notApplicable(reason: string): never;
}

/** A stack policy definition. */
export interface StackPolicyDefinition<O extends ConfigOptions> extends CommonDefinition<O> {
  /** Type tokens the policy is about; expired waivers are checked against these resources. */
  resourceTypes: readonly string[];
  /** Checks the whole stack; `report` needs the resource the finding is about. */
  validate(stack: StackView, context: CheckContext<ConfigValues<O>>): void;
}

/** A pack policy with the definition it was built from (for the README and tests). */
export type SecureAiResourcePolicy = ResourceValidationPolicy & {
  readonly definition: ResourcePolicyDefinition<ConfigOptions>;
};
/** A pack stack policy with its definition. */
export type SecureAiStackPolicy = StackValidationPolicy & {
  readonly definition: StackPolicyDefinition<ConfigOptions>;
};
/** Any policy of the pack. */
export type SecureAiPolicy = SecureAiResourcePolicy | SecureAiStackPolicy;

function metadataOf<O extends ConfigOptions>(definition: CommonDefinition<O>) {
  assertPolicyName(definition.name, definition.cloud);
  if (definition.controls.length === 0) {
    throw new Error(`policy ${definition.name} must name the SAI controls it enforces`);
  }
  const controls = controlsOf(definition.controls);
  return {
    name: definition.name,
    displayName: displayNameOf(definition.name),
    description: definition.description,
    enforcementLevel: definition.enforcementLevel,
    severity: severityOf(controls),
    framework: frameworkOf(controls),
    remediationSteps: remediationOf(controls),
    url: urlOf(definition.name),
    tags: [
      ...tagsOf(controls, definition.cloud, definition.tags),
      ...examinesTagsOf(definition.resourceTypes),
    ],
    configSchema: buildConfigSchema(definition.config ?? {}, { waivers: WAIVERS_SCHEMA }),
  };
}

function readConfig<O extends ConfigOptions>(definition: CommonDefinition<O>, raw: Record<string, unknown>) {
  return { config: resolveConfig(definition.config ?? ({} as O), raw), waivers: parseWaivers(raw.waivers) };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lets the SDK's own control-flow errors through; everything else becomes a reported violation. */
function isSdkSignal(error: unknown): boolean {
  return (
    error instanceof UnknownValueError ||
    (error instanceof Error && error.constructor.name === "NotApplicableError")
  );
}

/** Attaches a type token the way `validateResourceOfType` does, so the server skips other types cheaply. */
function withPulumiType<F extends object>(fn: F, types: readonly string[]): F {
  if (types.length === 1) {
    (fn as F & { __pulumiType?: string }).__pulumiType = types[0];
  }
  return fn;
}

/**
 * Longest not-applicable reason naming a policy's types. The reason travels in every Analyze answer for
 * every resource the policy skips; a policy over every GCP IAM member, binding and policy type (some 600
 * tokens) would otherwise add 27 KB to each answer, more than all other entries together.
 */
export const MAX_SCOPE_REASON_LENGTH = 240;

/**
 * The fixed reason a policy gives for a resource of a type it does not cover: `applies to A, B, C` when
 * that fits {@link MAX_SCOPE_REASON_LENGTH}, else the first types that fit and how many more
 * (`applies to 612 types: A, B and 610 more (see docs/policies.md)`). A single-type policy carries a
 * `__pulumiType` instead, and the SDK answers other types for it without calling it, with its own
 * `Policy only applies to resources of type 'A'` (without the type token, the SDK's loop over every policy,
 * which runs when the pack's type index is off, took 1.8 times the CPU: docs/benchmarks.md, session 10).
 *
 * @param types - the type tokens the policy applies to, in definition order.
 */
export function typeScopeReason(types: readonly string[]): string {
  const all = `applies to ${types.join(", ")}`;
  if (all.length <= MAX_SCOPE_REASON_LENGTH) {
    return all;
  }
  const named: string[] = [];
  const reasonWith = (count: number): string =>
    `applies to ${types.length} types: ${named.join(", ")} and ${count} more (see docs/policies.md)`;
  for (const type of types) {
    named.push(type);
    if (reasonWith(types.length - named.length).length > MAX_SCOPE_REASON_LENGTH) {
      named.pop();
      break;
    }
  }
  return reasonWith(types.length - named.length);
}

/** Builds a resource validation policy from a definition. */
export function defineResourcePolicy<O extends ConfigOptions = Record<never, never>>(
  definition: ResourcePolicyDefinition<O>,
): SecureAiResourcePolicy {
  const metadata = metadataOf(definition);
  const types = new Set(definition.resourceTypes);
  const notApplicable = notApplicableSignal(typeScopeReason([...types]));
  const now = definition.now ?? Date.now;
  const checked = (args: ResourceValidationArgs): CheckedResource => ({
    type: args.type,
    name: args.name,
    urn: args.urn,
    props: args.props,
  });

  const validateResource = withPulumiType(
    (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
      if (!types.has(args.type)) {
        notApplicable(args);
      }
      const { config, waivers } = readConfig(definition, args.getConfig<Record<string, unknown>>());
      const resource = checked(args);
      const reporter = makeReporter({
        policyName: definition.name,
        description: definition.description,
        waivers,
        reportViolation,
        urnInReport: false,
        now: now(),
      });
      let findings = 0;
      const report = (message: string) => {
        findings += 1;
        reporter(message, resource);
      };
      const { observation, previous } = beginObservation();
      observeRoot(observation, args.props, "");
      try {
        definition.validate(resource, { config, report });
      } catch (error) {
        if (isSdkSignal(error)) {
          throw error;
        }
        report(
          `the policy could not evaluate this resource (${describeError(error)}); fix the inputs or waive it`,
        );
      } finally {
        endObservation(previous);
      }
      const stale =
        findings === 0 &&
        reportStaleWaiver({
          policyName: definition.name,
          waivers,
          resource,
          reportViolation,
          urnInReport: false,
          now: now(),
        });
      settleObservation(
        observation,
        findings + (stale ? 1 : 0),
        (_label, message) => report(message),
        args.notApplicable,
      );
    },
    definition.resourceTypes,
  );
  // Its first statement answers not-applicable for every other type: the pack's type index may skip it.
  markTypeDecided(validateResource, types);

  const policy: ResourceValidationPolicy = { ...metadata, validateResource };
  const remediate = definition.remediate;
  if (remediate !== undefined) {
    policy.remediateResource = withPulumiType((args: ResourceValidationArgs) => {
      if (!types.has(args.type)) {
        notApplicable(args);
      }
      const { config, waivers } = readConfig(definition, args.getConfig<Record<string, unknown>>());
      const resource = checked(args);
      if (matchWaiver(waivers, definition.name, resource, now()).state === "active") {
        return undefined;
      }
      const changes = remediate(resource, config);
      return changes === undefined ? undefined : { ...rawCopy(args.props), ...changes };
    }, definition.resourceTypes);
  }
  return Object.assign(policy, {
    definition: definition as unknown as ResourcePolicyDefinition<ConfigOptions>,
  });
}

/** Builds a stack validation policy from a definition. */
export function defineStackPolicy<O extends ConfigOptions = Record<never, never>>(
  definition: StackPolicyDefinition<O>,
): SecureAiStackPolicy {
  const metadata = metadataOf(definition);
  const now = definition.now ?? Date.now;
  const relevant = new Set(definition.resourceTypes);

  const validateStack = (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const { config, waivers } = readConfig(definition, args.getConfig<Record<string, unknown>>());
    const { byType, stackRef, roots } = stackIndexOf(args.resources);
    const view: StackView = {
      resources: args.resources,
      ofType: (type) => byType.get(type) ?? NO_RESOURCES,
      notApplicable: (reason) => args.notApplicable(reason),
    };
    const reporter = makeReporter({
      policyName: definition.name,
      description: definition.description,
      waivers,
      reportViolation,
      urnInReport: true,
      now: now(),
    });
    const reported = new Set<string>();
    const report = (message: string, resource: ResourceRef = stackRef) => {
      reported.add(resource.urn);
      reporter(message, resource);
    };
    const { observation, previous } = beginObservation();
    observeRoots(observation, roots);
    try {
      definition.validate(view, { config, report });
    } catch (error) {
      if (isSdkSignal(error)) {
        throw error;
      }
      report(`the policy could not evaluate the stack (${describeError(error)})`);
    } finally {
      endObservation(previous);
    }
    let stale = false;
    for (const resource of args.resources) {
      if (relevant.has(resource.type) && !reported.has(resource.urn)) {
        stale =
          reportStaleWaiver({
            policyName: definition.name,
            waivers,
            resource,
            reportViolation,
            urnInReport: true,
            now: now(),
          }) || stale;
      }
    }
    const labelled = (label: string | undefined): ResourceRef =>
      args.resources.find((resource) => resource.urn === label || resource.type === label) ?? stackRef;
    settleObservation(
      observation,
      reported.size + (stale ? 1 : 0),
      (label, message) => report(message, labelled(label)),
      args.notApplicable,
    );
  };
  const policy: StackValidationPolicy = { ...metadata, validateStack };
  return Object.assign(policy, { definition: definition as unknown as StackPolicyDefinition<ConfigOptions> });
}
