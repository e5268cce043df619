import * as pulumi from "@pulumi/pulumi";
import * as guardduty from "@pulumi/aws/guardduty";
import * as securityhub from "@pulumi/aws/securityhub";
import type { AwsContext } from "./context";
import { GUARDDUTY_FEATURES } from "./defaults";
import { assertDetectorCreatable, lookUpDetector } from "./detector-lookup";
import { childName } from "./naming";

/** Managed detection built by the platform (absent when adopted or skipped). */
export interface AwsDetection {
  detector?: guardduty.Detector;
  detectorFeatures: guardduty.DetectorFeature[];
  securityHub?: securityhub.Account;
  standards: securityhub.StandardsSubscription[];
}

/** Security Hub standards the platform subscribes to, by the frameworks the evidence reports on. */
export function standardsPaths(frameworks: readonly string[]): string[] {
  return [
    "aws-foundational-security-best-practices/v/1.0.0",
    "cis-aws-foundations-benchmark/v/3.0.0",
    ...(frameworks.includes("nist80053") ? ["nist-800-53/v/5.0.0"] : []),
  ];
}

/**
 * GuardDuty (S3 protection and AI protection) and Security Hub with standards, each per the user's
 * `create | adopt | skip` choice: these are account-and-region singletons that platform teams often own.
 *
 * `create` looks the region's detector up first: someone else's detector fails the preview with a one-line
 * error naming `detection.singletons.threatDetection` (CreateDetector would reject a second one), while no
 * detector, or the platform's own from an earlier run, lets the detector be created (or kept). The detector's
 * `enable` input waits for that check, so nothing is sent to GuardDuty when it fails.
 */
export function createDetection(ctx: AwsContext): AwsDetection {
  const { name, region, tags, spec } = ctx;
  const singletons = spec.detection.singletons;
  const detection: AwsDetection = { detectorFeatures: [], standards: [] };
  if (singletons.threatDetection === "create") {
    const detector = new guardduty.Detector(
      childName(name, "guardduty"),
      {
        enable: lookUpDetector(ctx).then((found) => {
          assertDetectorCreatable(found, region);
          return true;
        }),
        findingPublishingFrequency: "FIFTEEN_MINUTES",
        region,
        tags,
      },
      ctx.opts(),
    );
    detection.detector = detector;
    detection.detectorFeatures = GUARDDUTY_FEATURES.map(
      (feature) =>
        new guardduty.DetectorFeature(
          childName(name, "guardduty", feature.toLowerCase().replace(/_/g, "-")),
          { detectorId: detector.id, name: feature, status: "ENABLED", region },
          ctx.opts(),
        ),
    );
  }
  if (singletons.postureManagement === "create") {
    const account = new securityhub.Account(
      childName(name, "security-hub"),
      {
        enableDefaultStandards: false,
        controlFindingGenerator: "SECURITY_CONTROL",
        autoEnableControls: true,
        region,
      },
      ctx.opts(),
    );
    detection.securityHub = account;
    detection.standards = standardsPaths(spec.compliance.frameworks).map(
      (path) =>
        new securityhub.StandardsSubscription(
          childName(name, "security-hub", path.split("/")[0] ?? path),
          {
            standardsArn: pulumi.interpolate`arn:${ctx.partition}:securityhub:${region}::standards/${path}`,
            region,
          },
          ctx.opts({ dependsOn: [account] }),
        ),
    );
  }
  return detection;
}

/** Records SAI-DET-01 and SAI-DET-02 per singleton mode. */
export function recordDetectionEvidence(ctx: AwsContext, detection: AwsDetection): void {
  const { evidence, spec } = ctx;
  const singletons = spec.detection.singletons;
  switch (singletons.threatDetection) {
    case "create":
      evidence.implemented(
        "SAI-DET-01",
        [detection.detector, ...detection.detectorFeatures],
        `GuardDuty detector with ${GUARDDUTY_FEATURES.join(" and ")}; runtime monitoring is not enabled because the platform runs no EC2, ECS or EKS compute`,
      );
      break;
    case "adopt":
      evidence.implemented(
        "SAI-DET-01",
        [],
        "adopted: the account's existing GuardDuty detector is relied on (its S3 and AI protection features are not verified here)",
      );
      break;
    case "skip":
      evidence.gap("SAI-DET-01", 'GuardDuty skipped (detection.singletons.threatDetection = "skip")');
      break;
  }
  switch (singletons.postureManagement) {
    case "create":
      evidence.implemented(
        "SAI-DET-02",
        [detection.securityHub, ...detection.standards],
        `Security Hub CSPM with standards: ${standardsPaths(spec.compliance.frameworks).join(", ")}`,
      );
      break;
    case "adopt":
      evidence.implemented(
        "SAI-DET-02",
        [],
        "adopted: the platform relies on the account's Security Hub, outside this stack (which standards are enabled is not verified here)",
      );
      break;
    case "skip":
      evidence.gap("SAI-DET-02", 'Security Hub skipped (detection.singletons.postureManagement = "skip")');
      break;
  }
}
