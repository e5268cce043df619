import type { PolicyResource } from "@pulumi/policy";
import { booleanOption, defineStackPolicy, get, isUnknown, knownString, refersTo } from "../lib";
import { AWS } from "./types";
import { scopeAdvisory } from "../service-scope";

const FINDING_SOURCES = ["aws.guardduty", "aws.securityhub"];

/** Whether a rule's event pattern matches GuardDuty or Security Hub findings (unknown patterns count). */
function matchesFindings(rule: PolicyResource): boolean {
  const pattern = get(rule.props, "eventPattern");
  if (isUnknown(pattern)) {
    return true;
  }
  const text = knownString(pattern);
  return text !== undefined && FINDING_SOURCES.some((source) => text.includes(`"${source}"`));
}

/** Whether a target's ARN points at an SNS topic of the stack or at any SNS ARN. */
function targetsSns(target: PolicyResource, topics: readonly PolicyResource[]): boolean {
  if (topics.some((topic) => refersTo(target, "arn", topic, ["arn"]))) {
    return true;
  }
  return (
    knownString(get(target.props, "arn"))?.startsWith("arn:aws:sns:") === true ||
    (isUnknown(get(target.props, "arn")) && topics.length > 0)
  );
}

/** Threat findings are routed to the response team through EventBridge and SNS. */
export const awsCloudwatchEventruleRequireFindingsRoute = defineStackPolicy({
  name: "aws-cloudwatch-eventrule-require-findings-route",
  cloud: "aws",
  controls: ["SAI-IR-01"],
  description:
    "When the stack enables GuardDuty or Security Hub, an EventBridge rule matching their findings has a target that is an SNS topic, unless the policy's config declares routing handled elsewhere.",
  enforcementLevel: "advisory",
  resourceTypes: [AWS.eventRule],
  tags: ["eventbridge", "response"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when findings are routed outside this stack.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "aws-cloudwatch-eventrule-require-findings-route");
    const detectors = [...stack.ofType(AWS.guarddutyDetector), ...stack.ofType(AWS.securityhubAccount)];
    const topics = stack.ofType(AWS.snsTopic);
    const targets = stack.ofType(AWS.eventTarget);
    const routed = stack
      .ofType(AWS.eventRule)
      .filter(matchesFindings)
      .some((rule) =>
        targets.some(
          (target) => refersTo(target, "rule", rule, ["name", "id"]) && targetsSns(target, topics),
        ),
      );
    if (!routed) {
      report(
        "GuardDuty/Security Hub findings are not routed: add an EventBridge rule on aws.guardduty/aws.securityhub findings with an SNS topic target",
        detectors[0],
      );
    }
  },
});
