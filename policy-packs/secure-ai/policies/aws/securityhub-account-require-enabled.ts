import { booleanOption, defineStackPolicy } from "../lib";
import { AWS } from "./types";
import { scopeAdvisory } from "../service-scope";

/** Security Hub is on: enabled in the stack, or declared adopted. */
export const awsSecurityhubAccountRequireEnabled = defineStackPolicy({
  name: "aws-securityhub-account-require-enabled",
  cloud: "aws",
  controls: ["SAI-DET-02"],
  description:
    "A stack that creates AWS resources also enables Security Hub (aws.securityhub.Account), unless the policy's config declares it enabled elsewhere.",
  enforcementLevel: "advisory",
  resourceTypes: [AWS.securityhubAccount],
  tags: ["securityhub", "detection"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when Security Hub is enabled outside this stack.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "aws-securityhub-account-require-enabled");
    if (stack.ofType(AWS.securityhubAccount).length === 0) {
      report(
        "Security Hub is not enabled in the stack; add aws.securityhub.Account or set adopted: true in this policy's config",
      );
    }
  },
});
