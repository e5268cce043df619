import { booleanOption, defineStackPolicy } from "../lib";
import { AWS } from "./types";
import { scopeAdvisory } from "../service-scope";

/** The stack's account has an audit trail: one in the stack, or one declared adopted. */
export const awsCloudtrailAccountRequireTrail = defineStackPolicy({
  name: "aws-cloudtrail-account-require-trail",
  cloud: "aws",
  controls: ["SAI-LOG-01"],
  description:
    "A stack that creates AWS resources also creates a CloudTrail trail, unless the policy's config declares an existing (organization) trail adopted.",
  enforcementLevel: "advisory",
  resourceTypes: [AWS.cloudtrailTrail],
  tags: ["cloudtrail", "logging"],
  config: {
    adopted: booleanOption({
      default: false,
      description:
        "Set to true when a trail managed elsewhere (e.g. an organization trail) covers this account.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "aws-cloudtrail-account-require-trail");
    if (stack.ofType(AWS.cloudtrailTrail).length > 0) {
      return;
    }
    report(
      "the stack creates AWS resources but no CloudTrail trail; add one or set adopted: true in this policy's config",
    );
  },
});
