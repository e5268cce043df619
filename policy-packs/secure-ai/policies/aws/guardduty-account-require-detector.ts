import { booleanOption, defineStackPolicy, get } from "../lib";
import { AWS } from "./types";
import { scopeAdvisory } from "../service-scope";

/** GuardDuty is on: a detector in the stack, or one declared adopted. */
export const awsGuarddutyAccountRequireDetector = defineStackPolicy({
  name: "aws-guardduty-account-require-detector",
  cloud: "aws",
  controls: ["SAI-DET-01"],
  description:
    "A stack that creates AWS resources also creates an enabled GuardDuty detector, unless the policy's config declares a detector managed elsewhere adopted.",
  enforcementLevel: "advisory",
  resourceTypes: [AWS.guarddutyDetector],
  tags: ["guardduty", "detection"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when GuardDuty is enabled outside this stack.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "aws-guardduty-account-require-detector");
    const detectors = stack.ofType(AWS.guarddutyDetector);
    if (detectors.length === 0) {
      report("no GuardDuty detector in the stack; add one or set adopted: true in this policy's config");
      return;
    }
    for (const detector of detectors) {
      if (get(detector.props, "enable") === false) {
        report(`GuardDuty detector "${detector.name}" has enable: false`, detector);
      }
    }
  },
});
