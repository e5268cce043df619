/**
 * Cloud-neutral fast-check arbitraries for VALID SecureAiPlatform arguments: every value generated here
 * passes `resolveSpec` (the cloud-specific arbitraries add what each backend's `validate.ts` demands).
 * Options that weaken a control come with the waiver that validation requires, and the generated spec
 * records which controls were weakened so the property can tell an expected finding from a real one.
 */
import fc from "fast-check";
import { CONTROL_IDS, type ControlId } from "../../../components/controls/ids";
import { FRAMEWORK_IDS } from "../../../components/controls/types";
import { LIMITS } from "../../../components/spec/defaults";
import { SINGLETON_MODES, SINGLETON_NAMES, SEVERITIES } from "../../../components/spec/resolved";
import type { DatasetArgs, ModelArgs, SecureAiPlatformArgs, WaiverArgs } from "../../../components/spec/args";

/** A generated spec and the controls it weakened (each with its waiver). */
export interface GeneratedSpec {
  /** The component's name. */
  name: string;
  args: SecureAiPlatformArgs;
  /** Controls whose secure setting the spec turned off, each waived in `args.waivers`. */
  weakened: ControlId[];
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * A valid model, dataset or platform name (`^[a-z]([a-z0-9]|-(?!-))*[a-z0-9]$`, at most 24 characters):
 * segments of letters and digits joined by single hyphens.
 */
export const resourceName = (maxLength: number = LIMITS.nameMaxLength): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...LETTERS),
      fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxLength: 4 }),
      fc.stringMatching(/^[a-z0-9]{0,6}$/),
    )
    .map(([first, segments, rest]) => [first + rest, ...segments].join("-"))
    .filter((name) => name.length <= maxLength);

/** `count` distinct valid names. */
export const distinctNames = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(resourceName(), { minLength: min, maxLength: max });

/** An optional value: left out, or generated. */
export function maybe<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined, freq: 2 });
}

/** Removes keys whose value is `undefined`, so generated objects look like hand-written args. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Models of one cloud: unique names, optional sensitivity and serving, per-serving extras. */
export function models(
  servingChoices: readonly string[],
  extras: (serving: string | undefined) => fc.Arbitrary<Partial<ModelArgs>>,
  maxModels = 3,
): fc.Arbitrary<ModelArgs[]> {
  return distinctNames(1, maxModels).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .record({
            sensitivity: maybe(fc.constantFrom("standard", "high")),
            serving: maybe(fc.constantFrom(...servingChoices)),
          })
          .chain((model) =>
            extras(model.serving).map((extra) => compact({ name, ...model, ...extra }) as ModelArgs),
          ),
      ),
    ),
  );
}

/** Datasets: unique names; personal data always carries a retention period. */
export const datasets: fc.Arbitrary<DatasetArgs[] | undefined> = maybe(
  distinctNames(0, 3).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.boolean().chain((personalData) =>
          fc
            .record({
              personalData: personalData ? fc.constant(true) : maybe(fc.constant(false)),
              retentionDays: personalData
                ? fc.integer(LIMITS.retentionDays)
                : maybe(fc.integer(LIMITS.retentionDays)),
            })
            .map((fields) => compact({ name, ...fields }) as DatasetArgs),
        ),
      ),
    ),
  ),
);

/** A private IPv4 block from /16 to /24 with its host bits zero. */
export const privateCidr: fc.Arbitrary<string> = fc
  .record({
    range: fc.constantFrom("10", "172", "192"),
    prefix: fc.integer(LIMITS.cidrPrefix),
    second: fc.integer({ min: 0, max: 255 }),
    third: fc.integer({ min: 0, max: 255 }),
  })
  .map(({ range, prefix, second, third }) => {
    const [a, b] = range === "10" ? [10, second] : range === "172" ? [172, 16 + (second % 16)] : [192, 168];
    // A prefix of 16 or longer keeps the block inside 10/8, 172.16/12 and 192.168/16.
    const start = (((a << 24) | (b << 16) | (third << 8)) & (0xffffffff << (32 - prefix))) >>> 0;
    return `${start >>> 24}.${(start >>> 16) & 255}.${(start >>> 8) & 255}.${start & 255}/${prefix}`;
  });

/** A waiver reason: readable words, at least 10 characters once trimmed. */
const reason: fc.Arbitrary<string> = fc
  .array(fc.stringMatching(/^[a-zA-Z]{2,9}$/), { minLength: 3, maxLength: 8 })
  .map((words) => words.join(" "))
  .filter((text) => text.trim().length >= LIMITS.waiverReasonMinLength);

/** A calendar date from 2030 on, `YYYY-MM-DD`. */
const futureDate: fc.Arbitrary<string> = fc
  .date({ min: new Date("2030-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** One valid waiver of `control`. */
export const waiverOf = (control: ControlId): fc.Arbitrary<WaiverArgs> =>
  fc
    .record({ reason, expires: maybe(futureDate) })
    .map((fields) => compact({ control, ...fields }) as WaiverArgs);

/** Extra waivers of random controls (not weakening anything), excluding `taken`. */
export const extraWaivers = (taken: readonly ControlId[]): fc.Arbitrary<WaiverArgs[]> =>
  fc
    .uniqueArray(fc.constantFrom(...CONTROL_IDS.filter((id) => !taken.includes(id))), { maxLength: 3 })
    .chain((ids) => (ids.length === 0 ? fc.constant([]) : fc.tuple(...ids.map(waiverOf))));

/** Tags every cloud accepts (GCP label rules). */
export const tags: fc.Arbitrary<Record<string, string> | undefined> = maybe(
  fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/), fc.stringMatching(/^[a-z0-9_-]{0,20}$/), {
    maxKeys: 4,
  }),
);

/** Singleton modes, each create, adopt or skip (or left to the default). */
export const singletons = fc.record(
  Object.fromEntries(
    SINGLETON_NAMES.map((name) => [name, maybe(fc.constantFrom(...SINGLETON_MODES))]),
  ) as Record<(typeof SINGLETON_NAMES)[number], fc.Arbitrary<string | undefined>>,
);

/** Detection settings, with emails and HTTPS webhooks. */
export const detection = maybe(
  fc
    .record({
      severityThreshold: maybe(fc.constantFrom(...SEVERITIES)),
      notificationEmails: maybe(
        fc.uniqueArray(
          fc.tuple(resourceName(10), resourceName(10)).map(([user, host]) => `${user}@${host}.example.com`),
          { maxLength: 2 },
        ),
      ),
      notificationWebhooks: maybe(
        fc.uniqueArray(
          resourceName(12).map((path) => `https://hooks.example.com/${path}`),
          { maxLength: 2 },
        ),
      ),
      singletons: maybe(singletons.map(compact)),
    })
    .map(compact),
);

/** Compliance frameworks: a non-empty subset, or left to the default (all). */
export const compliance = maybe(
  fc.uniqueArray(fc.constantFrom(...FRAMEWORK_IDS), { minLength: 1 }).map((frameworks) => ({ frameworks })),
);

/** Federated workloads (OIDC). */
export const federatedWorkloads = maybe(
  fc.uniqueArray(
    fc.record({
      name: resourceName(),
      issuer: fc.constantFrom(
        "https://token.actions.githubusercontent.com",
        "https://gitlab.example.com",
        "https://oidc.example.org/issuer",
      ),
      subject: fc.stringMatching(/^[a-z]{3,10}:[a-z0-9/-]{3,20}$/),
    }),
    { maxLength: 2, selector: (workload) => workload.name },
  ),
);

/** A PEM-shaped client CA bundle (validation checks the PEM header). */
export const caBundle = fc
  .base64String({ minLength: 8, maxLength: 64 })
  .map((body) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`);

/** Which secure settings a spec turns off (each needs its waiver). */
export interface Weakenings {
  tls12: boolean;
  wafOff: boolean;
  siemNone: boolean;
  mfaOff: boolean;
}

/** Weakenings: mostly none, sometimes one or more. */
export const weakenings: fc.Arbitrary<Weakenings> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ tls12: false, wafOff: false, siemNone: false, mfaOff: false }) },
  {
    weight: 1,
    arbitrary: fc.record({
      tls12: fc.boolean(),
      wafOff: fc.boolean(),
      siemNone: fc.boolean(),
      mfaOff: fc.boolean(),
    }),
  },
);

/** The controls a set of weakenings weakens (WAF only counts when the public API is on). */
export function weakenedControls(weak: Weakenings, publicApi: boolean): ControlId[] {
  return [
    ...(weak.tls12 ? (["SAI-TLS-01"] as const) : []),
    ...(weak.wafOff && publicApi ? (["SAI-NET-05"] as const) : []),
    ...(weak.siemNone ? (["SAI-LOG-03"] as const) : []),
    ...(weak.mfaOff ? (["SAI-IAM-04"] as const) : []),
  ];
}

/** Waivers: one per weakened control, plus a few for controls that stay secure. */
export function waiversFor(weakened: readonly ControlId[]): fc.Arbitrary<WaiverArgs[] | undefined> {
  const required = weakened.length === 0 ? fc.constant([]) : fc.tuple(...weakened.map(waiverOf));
  return fc
    .tuple(required, extraWaivers(weakened))
    .chain(([needed, extra]) =>
      needed.length + extra.length === 0
        ? maybe(fc.constant([] as WaiverArgs[]))
        : fc.shuffledSubarray([...needed, ...extra], { minLength: needed.length + extra.length }),
    );
}
