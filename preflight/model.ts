/**
 * The data the preflight passes between its stages: the engine records resources, the analyzer client
 * turns them into findings, the renderers write reports. Plain JSON-safe data only.
 */

/** Marker for a value not known during preview (computed by another resource). */
export const UNKNOWN = "[unknown]";
/** Marker that replaces a secret value in every report. */
export const SECRET = "[secret]";

/**
 * A property value as recorded by the engine. Unknown values are `{ "4dabf18193072939515e22adb298388d":
 * "1b47061264138c4ac30d75fd1eb44270" }`-free: the engine stores them as `{ $unknown: true }` and secrets as
 * `{ $secret: value }` so the analyzer client can encode them exactly as the Pulumi CLI does.
 */
export type RecordedValue =
  | null
  | boolean
  | number
  | string
  | RecordedValue[]
  | { [key: string]: RecordedValue }
  | UnknownValue
  | SecretValue;

/** A value computed by another resource, not known during preview. */
export interface UnknownValue {
  $unknown: true;
}

/** A secret value; its plaintext goes to policy packs only, never to reports. */
export interface SecretValue {
  $secret: RecordedValue;
}

/** One resource the program registered. */
export interface RecordedResource {
  urn: string;
  /** Type token, e.g. `aws:kms/key:Key`. */
  type: string;
  /** Logical name. */
  name: string;
  /** Whether Pulumi manages it as a custom (provider) resource rather than a component. */
  custom: boolean;
  /** Inputs as the engine would see them. */
  inputs: Record<string, RecordedValue>;
  /** URN of the parent, if any. */
  parent?: string;
  /** URNs this resource depends on. */
  dependencies: string[];
  /** Per input property, the URNs its value came from. */
  propertyDependencies: Record<string, string[]>;
  /** Resource options that policies can see. */
  options: {
    protect: boolean;
    retainOnDelete: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace?: boolean;
    aliases: string[];
    customTimeouts?: { create?: string; update?: string; delete?: string };
    additionalSecretOutputs: string[];
  };
  /** Provider reference (`urn::id`) when one was set explicitly. */
  provider?: string;
  /** The resource's ID when it is read or imported instead of created. */
  id?: string;
  /**
   * True for a component built by a provider plugin (`remote: true` in the registration, e.g. awsx, eks):
   * its children exist only where the plugin runs, so an offline run never sees them.
   */
  remote?: boolean;
  /**
   * What the provider answered when it created the resource: its ID and output properties (secrets as
   * `{ $secret }`). Set in the update pass only, where creation answers as `pulumi up` would; what a
   * `pulumi stack export` after that update would hold as the resource's `id` and `outputs`.
   * @default undefined (preview pass, components, resources read by ID)
   */
  state?: { id: string; outputs: Record<string, RecordedValue> };
  /**
   * Where the program declared the resource: the first stack frame past the SDK's constructors when the
   * resource was constructed (the SDK's `sourcePosition`), source-mapped to the program's own file.
   * @default undefined (the SDK sent no position)
   */
  source?: SourceLocation;
}

/** A position in a program file: an absolute path, a 1-based line and a 1-based column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One function call (invoke) the program made, e.g. `aws:index/getCallerIdentity:getCallerIdentity`. */
export interface RecordedInvoke {
  token: string;
  args: Record<string, RecordedValue>;
}

/** What the engine produced for one stack. */
export interface StackRun {
  /** Stack name (`aws-prod`), or `default` for a program without stack config files. */
  stack: string;
  project: string;
  /** How the program ran: as `pulumi preview` (unknowns) or as `pulumi up` would (every value known). @default "preview" */
  mode?: "preview" | "update";
  resources: RecordedResource[];
  invokes: RecordedInvoke[];
  /** Stack outputs, secrets masked. */
  outputs: Record<string, RecordedValue>;
  /**
   * Outputs each component registered (`registerOutputs`), by URN, secrets masked. SecureAiPlatform's
   * `controls` evidence is read from here.
   */
  resourceOutputs?: Record<string, Record<string, RecordedValue>>;
}

/** Enforcement level of a finding, as the analyzer protocol reports it. */
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** One policy violation reported by a pack. */
export interface Finding {
  /** Name of the policy pack. */
  policyPack: string;
  /** Policy name, e.g. `aws-kms-key-require-rotation`. */
  policy: string;
  /** SAI control IDs the policy enforces (from its tags). */
  controls: string[];
  severity: "low" | "medium" | "high" | "critical" | "unspecified";
  enforcementLevel: EnforcementLevel;
  /** URN of the resource, or undefined for a stack-level finding without one. */
  urn?: string;
  message: string;
  /** True when a waiver in the pack's config covers the finding. */
  waived?: boolean;
  /** The passes that reported it. @default ["preview"] */
  passes?: Pass[];
}

/** Status of one control in the evidence. */
export type ControlStatus = "satisfied" | "violated" | "waived" | "gap" | "not-applicable" | "unverified";

/** A pass of the preflight: the program run as `pulumi preview` does, or as `pulumi up` would. */
export type Pass = "preview" | "update";

/**
 * What one policy did with one resource, as the analyzer protocol showed it: it examined the resource with
 * every value it read known, or it could not (values unknown during preview). Policies that do not apply to
 * a resource leave no record.
 */
export interface Examination {
  urn: string;
  /** Type token of the resource. */
  type: string;
  policyPack: string;
  policy: string;
  /** SAI control IDs of the policy. */
  controls: string[];
  outcome: "examined" | "unknown-inputs";
  /** For `unknown-inputs`: the properties the policy could not read, as the pack named them. */
  detail?: string;
  /** The pass it happened in. */
  pass: Pass;
}

/** Severity of a policy or finding, as the analyzer protocol reports it. */
export type Severity = Finding["severity"];

/** One policy as its pack describes it (analyzer `GetAnalyzerInfo`), after the run's configuration. */
export interface PolicyInfo {
  name: string;
  displayName?: string;
  description: string;
  /** Effective level for this run (pack default, initial config and config file applied). */
  enforcementLevel: EnforcementLevel;
  /** Whether the policy validates single resources or the whole stack. */
  type: "resource" | "stack" | "unknown";
  severity: Severity;
  tags: string[];
  /** SAI control IDs among `tags`. */
  controls: string[];
  /**
   * Resource types the policy declares it examines (its `examines:<type>` tags); how the preflight knows
   * which resources a stack policy looked at. @default [] (a pack that does not declare them)
   */
  examines?: string[];
  framework?: { name: string; version: string; reference: string; specification: string };
  remediationSteps?: string;
  url?: string;
  /** JSON-schema properties and required names of the policy's configuration, if it has any. */
  configSchema?: { properties: Record<string, unknown>; required: string[] };
}

/** A policy pack as the preflight ran it. */
export interface PolicyPackSummary {
  name: string;
  version: string;
  policies: PolicyInfo[];
}
