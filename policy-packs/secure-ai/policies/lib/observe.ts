/**
 * What a policy could not read while it validated one resource (or one stack): the values that were unknown
 * (preview sentinels) and the values that were set but unreadable (a policy document that is not JSON, a
 * value of the wrong type). `define.ts` opens one observation around each `validate` call; the readers of
 * `./values` and `./iam-document` note into it, so no policy tracks this itself.
 *
 * Paths are resolved lazily: every object `get` hands out is remembered with the object it was read from and
 * the keys that led to it, and a dotted path is only built when something unknown or unreadable is noted.
 *
 * Whether a run is a preview comes from `PULUMI_DRY_RUN` (set by the Pulumi CLI and the preflight when they
 * start a pack; `@pulumi/pulumi`'s `runtime.isDryRun()` reads the older `PULUMI_NODEJS_DRY_RUN`, used as a
 * fallback). Only an explicit `"false"` means an update: when neither is set (a test calling a policy
 * directly, an older CLI) the pack keeps its preview behaviour, because `isDryRun()`'s own default, false,
 * would turn every unknown value of a real preview into a violation.
 */

/** Where an observed object came from: the object it was read from and the keys read. */
interface Origin {
  parent: object;
  keys: readonly (string | number)[];
}

/** A root of the observation: a resource's `props`, labelled by its URN or type in stack policies. */
interface Root {
  label: string;
}

/** One validation's notes. */
export interface Observation {
  /** Dotted paths of the unknown values read (prefixed by their root label), deduplicated, in read order. */
  readonly unknown: string[];
  /** The same paths without the root label (for messages reported against that root's resource). */
  readonly unknownRelative: string[];
  /** `<path>: <why>` (without the root label) for values that were set but could not be read, deduplicated. */
  readonly unreadable: string[];
  /** Root labels by the path they belong to (stack policies report against the resource). */
  readonly rootsOfUnknown: (string | undefined)[];
  readonly rootsOfUnreadable: (string | undefined)[];
  readonly origins: WeakMap<object, Origin | Root>;
  /** Roots declared together for several observations ({@link observeRoots}), looked up after `origins`. */
  sharedRoots: SharedRoots | undefined;
  lastValue: unknown;
  lastParent: object | undefined;
  lastKeys: readonly (string | number)[];
}

let current: Observation | undefined;

/** Starts observing reads; returns the observation and the one it replaced (restore it with `endObservation`). */
export function beginObservation(): { observation: Observation; previous: Observation | undefined } {
  const previous = current;
  current = {
    unknown: [],
    unknownRelative: [],
    unreadable: [],
    rootsOfUnknown: [],
    rootsOfUnreadable: [],
    origins: new WeakMap(),
    sharedRoots: undefined,
    lastValue: undefined,
    lastParent: undefined,
    lastKeys: [],
  };
  return { observation: current, previous };
}

/** Stops observing, restoring the previous observation (nested validations). */
export function endObservation(previous: Observation | undefined): void {
  current = previous;
}

/** Declares `props` as a root; `label` (a URN or type) prefixes its paths, `""` for none. */
export function observeRoot(observation: Observation, props: unknown, label: string): void {
  if (typeof props === "object" && props !== null) {
    observation.origins.set(props, { label });
  }
}

/**
 * Roots labelled once and shared by several observations: the stack policies of one AnalyzeStack call all
 * see the same resources, so their props are labelled once per call instead of once per policy.
 */
export type SharedRoots = ReadonlyWeakMap<object, Root>;

/** The read side of a WeakMap. */
interface ReadonlyWeakMap<K extends object, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
}

/** Labels each `[props, label]` pair as a root, for {@link observeRoots}. */
export function sharedRootsOf(roots: Iterable<readonly [props: unknown, label: string]>): SharedRoots {
  const labelled = new WeakMap<object, Root>();
  for (const [props, label] of roots) {
    if (typeof props === "object" && props !== null) {
      labelled.set(props, { label });
    }
  }
  return labelled;
}

/** Declares every root of `roots` at once: the same as {@link observeRoot} for each of them. */
export function observeRoots(observation: Observation, roots: SharedRoots): void {
  observation.sharedRoots = roots;
}

/** Where `value` came from, as this observation knows it. */
function originOf(observation: Observation, value: object): Origin | Root | undefined {
  return observation.origins.get(value) ?? observation.sharedRoots?.get(value);
}

function isRoot(origin: Origin | Root): origin is Root {
  return (origin as Root).label !== undefined;
}

/** The root label and dotted path of `keys` read from `container` (relative when the container is unknown). */
function resolve(observation: Observation, container: unknown, keys: readonly (string | number)[]) {
  const segments: string[] = keys.map(String);
  let label: string | undefined;
  let node: unknown = container;
  for (let depth = 0; depth < 64 && typeof node === "object" && node !== null; depth += 1) {
    const origin = originOf(observation, node);
    if (origin === undefined) {
      break;
    }
    if (isRoot(origin)) {
      label = origin.label;
      break;
    }
    segments.unshift(...origin.keys.map(String));
    node = origin.parent;
  }
  const relative = segments.join(".");
  return { label, relative, path: label === undefined || label === "" ? relative : `${label}.${relative}` };
}

/** Notes that reading `keys` from `container` met an unknown value. */
export function noteUnknown(container: unknown, keys: readonly (string | number)[]): void {
  const observation = current;
  if (observation === undefined || keys.length === 0) {
    return;
  }
  const { label, path, relative } = resolve(observation, container, keys);
  if (!observation.unknown.includes(path)) {
    observation.unknown.push(path);
    observation.unknownRelative.push(relative);
    observation.rootsOfUnknown.push(label);
  }
}

/** Remembers where an object value came from, and the last value read (for `noteUnreadable`). */
export function noteRead(container: unknown, keys: readonly (string | number)[], value: unknown): void {
  const observation = current;
  if (observation === undefined) {
    return;
  }
  const parent = typeof container === "object" && container !== null ? container : undefined;
  observation.lastParent = parent;
  observation.lastKeys = keys;
  observation.lastValue = value;
  if (
    parent !== undefined &&
    typeof value === "object" &&
    value !== null &&
    !observation.origins.has(value) &&
    !(observation.sharedRoots?.has(value) ?? false)
  ) {
    observation.origins.set(value, { parent, keys });
  }
}

/**
 * Notes that `value` was set but could not be read (`why`): named by the path it was read from when it is
 * the value `get` returned last or an object `get` handed out, otherwise by `fallback`.
 */
export function noteUnreadable(value: unknown, why: string, fallback = "a value"): void {
  const observation = current;
  if (observation === undefined) {
    return;
  }
  let origin: Origin | undefined;
  if (typeof value === "object" && value !== null) {
    const found = originOf(observation, value);
    origin = found === undefined || isRoot(found) ? undefined : found;
  } else if (observation.lastValue === value && observation.lastParent !== undefined) {
    origin = { parent: observation.lastParent, keys: observation.lastKeys };
  }
  const { label, relative } =
    origin === undefined
      ? { label: undefined, relative: fallback }
      : resolve(observation, origin.parent, origin.keys);
  const entry = `${relative}: ${why}`;
  const duplicate = observation.unreadable.some(
    (known, index) => known === entry && observation.rootsOfUnreadable[index] === label,
  );
  if (!duplicate) {
    observation.unreadable.push(entry);
    observation.rootsOfUnreadable.push(label);
  }
}

/** Whether an observation is open (the readers skip all bookkeeping otherwise). */
export function observing(): boolean {
  return current !== undefined;
}

/**
 * Whether this run is a preview: true unless `PULUMI_DRY_RUN` (or, when it is unset, `PULUMI_NODEJS_DRY_RUN`)
 * is exactly `"false"` (see the module comment).
 */
export function isPreview(): boolean {
  const value = process.env.PULUMI_DRY_RUN ?? process.env.PULUMI_NODEJS_DRY_RUN;
  return value !== "false";
}
