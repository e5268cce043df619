import * as pulumi from "@pulumi/pulumi";
import { SecureAiGuardrails, type SecureAiGuardrailsArgs } from "../../components";

/*
 * The organization's management stack: run it with the credentials of the AWS management account (or the
 * GCP organization policy administrator, or an Azure owner of the management group), not from a workload
 * stack. The IDs below are placeholders; replace them with your organization's.
 */
const config = new pulumi.Config();
const cloud = config.get("cloud") ?? "aws";

const byCloud: Record<string, SecureAiGuardrailsArgs> = {
  aws: {
    cloud: "aws",
    aws: {
      // The OU that holds the production AI accounts.
      targetIds: ["ou-ab12-cd34ef56"],
      // Assumed only through the break-glass procedure; exempt from key-deletion and logging guardrails.
      breakGlassRoleArns: ["arn:aws:iam::*:role/BreakGlass"],
      allowedRegions: ["eu-west-1", "eu-central-1"],
    },
  },
  gcp: {
    cloud: "gcp",
    gcp: {
      parent: "folders/345678901234",
      organization: "organizations/123456789012",
      cmekProjects: ["acme-kms-prod"],
    },
  },
  azure: {
    cloud: "azure",
    azure: { scope: "/providers/Microsoft.Management/managementGroups/acme-ai-prod", effect: "Deny" },
  },
};

const args = byCloud[cloud];
if (!args) throw new Error(`config "cloud" must be aws, gcp or azure, not ${JSON.stringify(cloud)}`);

const guardrails = new SecureAiGuardrails("org", args);

/** Which controls the organization now enforces preventively, and what is still left to the workloads. */
export const controls = guardrails.controls;
