import * as guardduty from "@pulumi/aws/guardduty";
import { SecureAiConfigError } from "../errors";
import type { AwsContext } from "./context";

/**
 * The tag that marks what a platform created (components/platform.ts adds it to every child's tags): a detector
 * that carries it with this platform's name is the platform's own, created by an earlier `pulumi up`.
 */
export const PLATFORM_TAG = "secure-ai-platform";

/** What the region's GuardDuty lookup found. */
export type DetectorLookup =
  { kind: "none" } | { kind: "platform"; id: string } | { kind: "foreign"; id: string; owner?: string };

/** The GuardDuty fields the lookup reads (a subset of `getDetector`'s result). */
interface FoundDetector {
  id?: unknown;
  tags?: unknown;
}

/**
 * True when `getDetector` failed because the region has no detector. Without an `id`, the provider lists the
 * account's detectors and requires exactly one (terraform-provider-aws
 * internal/service/guardduty/detector_data_source.go): current releases wrap `FindDetector`'s "empty result"
 * in "reading this account's single GuardDuty Detector: …"; releases before the AWS SDK v2 move said
 * "no GuardDuty Detectors found". Both wordings mean none.
 *
 * @param error - what the invoke rejected with.
 */
export function isNoDetector(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /empty result|no GuardDuty Detectors found/i.test(message);
}

/**
 * Classifies a detector `getDetector` returned: the platform's own when its {@link PLATFORM_TAG} names this
 * platform, someone else's otherwise. A result without an ID is no detector (the provider always sets one).
 *
 * @param found - the invoke's result.
 * @param platformName - the component's name.
 */
export function classifyDetector(found: FoundDetector, platformName: string): DetectorLookup {
  if (typeof found.id !== "string" || found.id === "") return { kind: "none" };
  const tags =
    typeof found.tags === "object" && found.tags !== null ? (found.tags as Record<string, unknown>) : {};
  const owner = tags[PLATFORM_TAG];
  if (owner === platformName) return { kind: "platform", id: found.id };
  return typeof owner === "string"
    ? { kind: "foreign", id: found.id, owner }
    : { kind: "foreign", id: found.id };
}

/**
 * Looks up the region's GuardDuty detector at deploy time (the invoke runs in `pulumi preview` too).
 *
 * @param ctx - the AWS context (region, platform name, parent for the provider).
 */
export async function lookUpDetector(ctx: AwsContext): Promise<DetectorLookup> {
  try {
    const found = await guardduty.getDetector({ region: ctx.region }, { parent: ctx.parent });
    return classifyDetector(found, ctx.name);
  } catch (error) {
    if (isNoDetector(error)) return { kind: "none" };
    const reason = (error instanceof Error ? error.message : String(error)).split("\n").join(" ");
    throw new Error(
      `detection.singletons.threatDetection: could not look up the GuardDuty detector of ${ctx.region} (the deploying identity needs guardduty:ListDetectors and guardduty:GetDetector): ${reason}`,
    );
  }
}

/**
 * Throws when `create` would fail: GuardDuty allows one detector per account and Region, and CreateDetector
 * rejects a second (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html).
 * The platform's own detector (an earlier run) and no detector at all pass.
 *
 * @param found - what {@link lookUpDetector} found.
 * @param region - the platform's region, for the message.
 */
export function assertDetectorCreatable(found: DetectorLookup, region: string): void {
  if (found.kind !== "foreign") return;
  const by = found.owner ? `the platform "${found.owner}"` : "someone outside this platform";
  throw new SecureAiConfigError(
    "detection.singletons.threatDetection",
    "create",
    `${region} already has GuardDuty detector ${found.id}, created by ${by}, and GuardDuty allows one per account and Region: set detection.singletons.threatDetection to "adopt" to rely on it, or "skip" (allowed: "create", "adopt", "skip")`,
  );
}
