import { defineResourcePolicy, get, requireOneOf } from "../lib";
import { AWS } from "./types";

/** SageMaker notebook users do not get root on the instance. */
export const awsSagemakerNotebookinstanceDisallowRootAccess = defineResourcePolicy({
  name: "aws-sagemaker-notebookinstance-disallow-root-access",
  cloud: "aws",
  controls: ["SAI-IAM-01"],
  description:
    "SageMaker notebook instances set rootAccess to Disabled, so notebook users cannot change the instance's software or security settings (advisory: some workflows need root).",
  enforcementLevel: "advisory",
  resourceTypes: [AWS.sagemakerNotebookInstance],
  tags: ["sagemaker", "iam", "ai"],
  validate: ({ props }, { report }) => {
    requireOneOf(props, ["rootAccess"], ["Disabled"], "Enabled", report);
  },
  remediate: ({ props }) =>
    get(props, "rootAccess") === "Disabled" ? undefined : { rootAccess: "Disabled" },
});
