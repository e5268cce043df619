/**
 * The declarative model of per-resource facts (Checkov's BaseResourceValueCheck shape: a property path plus
 * the expected values). One row per resource type says, for each concern of the catalog that applies to it,
 * which property holds the key, the TLS minimum, the public switch or the auth switch, what the secure value
 * is, what the provider assumes when the property is absent, since which provider version the property
 * exists, and the cloud documentation that says so. `./build.ts` turns the rows into policies; the docs
 * generator and the policy tests read the same rows.
 */
import type { ControlId } from "../../../../../components/controls";
import type { DefaultLevel } from "../define";

/** The concerns a row can speak about; each maps to a verb, a name suffix, controls and a default level. */
export type Concern =
  "cmk" | "tls" | "public" | "auth" | "logging" | "deletion" | "imds" | "https" | "public-ip";

/** What the value at a path must be. */
export type Expectation =
  /** Set (an unknown value counts as set); optionally not one of the provider-managed key prefixes. */
  | { kind: "set"; rejectPrefixes?: readonly string[] }
  /** Equal to `value`; an absent value is compared as `absent` (the provider default). */
  | { kind: "equals"; value: boolean | string; absent?: boolean | string }
  /** One of `values`; absent compared as `absent`. */
  | { kind: "oneOf"; values: readonly string[]; absent?: string }
  /** None of `values` (a string, or every element of a list); absent compared as `absent`. */
  | { kind: "noneOf"; values: readonly string[]; absent?: string }
  /** At least `minimum` on the ordered `ladder` (weakest first); absent compared as `absent`. */
  | { kind: "atLeast"; ladder: readonly string[]; minimum: string; absent?: string }
  /**
   * A test of a known, set value (`container` is the object holding it, for facts spanning two properties,
   * read with `../values`); returns the problem or undefined. Absent and unknown values pass.
   */
  | { kind: "custom"; describe: string; test: (value: unknown, container: unknown) => string | undefined };

/** A condition under which a fact applies (e.g. only for the `redis` engine). */
export interface Condition {
  /** Dotted path (relative to the resource, or to the list element for list paths). */
  path: string;
  /** The fact applies when the known value is one of these (an absent value compares as `absent`). */
  in?: readonly (string | boolean)[];
  /** The fact applies when the value is set (`true`) or absent (`false`). */
  present?: boolean;
  /** What an absent value counts as. */
  absent?: string | boolean;
}

/** One property assertion. */
export interface Fact {
  /**
   * Dotted property path with the SDK's input names; `[]` after a segment walks every element of a list:
   * `ebsBlockDevices[].kmsKeyId`. A list element whose parent object of the last segment is absent is
   * skipped when `optionalParent` is set (an S3 origin has no `customOriginConfig`).
   */
  path: string;
  /** What the value must be. */
  expect: Expectation;
  /** Why, in a few words (ends the violation message). */
  why: string;
  /**
   * The provider SDK major that added the property (or the resource type), as `@pulumi/<package> v<major>`,
   * e.g. `@pulumi/aws v6`; set only where an older major lacks it, as `scripts/facts/since-versions.ts`
   * reads from the older majors' declarations. Named in messages and docs.
   */
  since?: string;
  /** The cloud's documentation of the secure value. */
  doc: string;
  /** Applies only when this holds. */
  when?: Condition;
  /** For list paths: skip elements where the object holding the last segment is absent. */
  optionalParent?: boolean;
  /** A value that breaks the fact, for the tests' negatives (derived from the expectation when omitted). */
  negative?: unknown;
  /** Top-level facts only: the value a remediation writes. */
  fix?: unknown;
}

/** One policy of a row: a concern and the facts that make a resource compliant with it. */
export interface FactGroup {
  concern: Concern;
  facts: readonly Fact[];
  /** Name suffix after the verb (default from the concern), e.g. `vpc-only`. */
  what?: string;
  /** Controls (default from the concern). */
  controls?: readonly ControlId[];
  /** Default level (default from the concern). */
  level?: DefaultLevel;
  /** Replaces the generated description. */
  description?: string;
}

/** The facts of one resource type. */
export interface ResourceFacts {
  /** The type token, verified against `__pulumiType` in the installed SDK. */
  type: string;
  /** Other tokens with the same input schema (aliases, slots), declared by the installed SDK. */
  alsoTypes?: readonly string[];
  /**
   * Tokens under which an older SDK major declares this resource where the installed major renamed it, each
   * with that major as `@pulumi/<package> v<major>`: `{ "azure-native:documentdb:DatabaseAccount":
   * "@pulumi/azure-native v2" }`. Examined like `type`, so users still on that major are checked; listed only
   * where that major's Args has every property path of the row (tests/policies/facts/paths.test.ts reads the
   * older major's declarations when it is installed, as scripts/facts/since-versions.ts describes).
   */
  previousTypes?: Readonly<Record<string, string>>;
  /** Name segments: `<cloud>-<service>-<resource>-...`. */
  service: string;
  resource: string;
  /** Plural noun phrase for descriptions, e.g. "RDS DB instances". */
  title: string;
  /** A compliant resource written with the SDK's input names (fixtures, docs). */
  baseline: Readonly<Record<string, unknown>>;
  /** One policy per group. */
  groups: readonly FactGroup[];
}

/** Every token a row examines: `type`, then `alsoTypes`, then the `previousTypes`. */
export function typesOf(row: ResourceFacts): string[] {
  return [row.type, ...(row.alsoTypes ?? []), ...Object.keys(row.previousTypes ?? {})];
}

/** A fact that the value is set (a key reference), unknown counting as set. */
export function isSet(path: string, why: string, doc: string, extra: Partial<Fact> = {}): Fact {
  return { path, expect: { kind: "set" }, why, doc, ...extra };
}

/** A fact that the value is set and not a provider-managed AWS key alias (`alias/aws/...`). */
export function awsCmk(path: string, why: string, doc: string, extra: Partial<Fact> = {}): Fact {
  return { path, expect: { kind: "set", rejectPrefixes: ["alias/aws/"] }, why, doc, ...extra };
}

/** A fact that the value equals `value`, an absent value being the provider's `absent`. */
export function is(
  path: string,
  value: boolean | string,
  absent: boolean | string | undefined,
  why: string,
  doc: string,
  extra: Partial<Fact> = {},
): Fact {
  return { path, expect: { kind: "equals", value, absent }, why, doc, ...extra };
}

/** A fact that the value is one of `values`. */
export function oneOf(
  path: string,
  values: readonly string[],
  absent: string | undefined,
  why: string,
  doc: string,
  extra: Partial<Fact> = {},
): Fact {
  return { path, expect: { kind: "oneOf", values, absent }, why, doc, ...extra };
}

/** A fact that the value (or no element of the list) is one of `values`. */
export function noneOf(
  path: string,
  values: readonly string[],
  absent: string | undefined,
  why: string,
  doc: string,
  extra: Partial<Fact> = {},
): Fact {
  return { path, expect: { kind: "noneOf", values, absent }, why, doc, ...extra };
}

/** A fact that a version-like value is at least `minimum` on `ladder` (weakest first). */
export function atLeast(
  path: string,
  ladder: readonly string[],
  minimum: string,
  absent: string | undefined,
  why: string,
  doc: string,
  extra: Partial<Fact> = {},
): Fact {
  return { path, expect: { kind: "atLeast", ladder, minimum, absent }, why, doc, ...extra };
}
