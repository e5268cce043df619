/**
 * What each footprint check of sdk-footprint.test.ts builds, in a Node process of its own (see
 * fresh-process.ts): a platform or guardrails of one cloud under Pulumi's mocks, or the pack's policies. Each
 * loads its helpers when it runs, so that the process holds only what that build loads.
 */
import type * as AwsMocks from "../helpers/aws-mocks";
import type * as AzureMocks from "../helpers/azure-mocks";
import type * as AzureFixtures from "../azure/fixtures";
import type * as GcpMocks from "../helpers/gcp-mocks";
import type * as GuardrailsMocks from "../guardrails/mocks";
import type { SecureAiGuardrailsArgs } from "../../components/guardrails/args";
import type * as PackPolicies from "../../policy-packs/secure-ai/policies";

/* eslint-disable @typescript-eslint/no-require-imports -- each build loads its own modules, nothing more */

/** SecureAiGuardrails of one cloud under the guardrails tests' mocks. */
async function guardrails(args: SecureAiGuardrailsArgs): Promise<void> {
  const { buildGuardrails, installGuardrailsMocks } =
    require("../guardrails/mocks") as typeof GuardrailsMocks;
  await installGuardrailsMocks();
  await buildGuardrails("org", args);
}

/** The builds, by name. */
export const builds: Record<string, () => Promise<void>> = {
  "aws-platform": async () => {
    const { awsArgs, buildAws, installAwsMocks } = require("../helpers/aws-mocks") as typeof AwsMocks;
    await installAwsMocks();
    await buildAws("sdk", awsArgs());
  },
  "azure-platform": async () => {
    const { buildAzure, installAzureMocks } = require("../helpers/azure-mocks") as typeof AzureMocks;
    const { bankArgs } = require("../azure/fixtures") as typeof AzureFixtures;
    await installAzureMocks();
    await buildAzure("alpha", bankArgs());
  },
  "gcp-platform": async () => {
    const { buildGcp, gcpArgs, installGcpMocks } = require("../helpers/gcp-mocks") as typeof GcpMocks;
    await installGcpMocks();
    await buildGcp("alpha", gcpArgs());
  },
  "aws-guardrails": () =>
    guardrails({
      cloud: "aws",
      aws: { targetIds: ["ou-ab12-cd34ef56"], breakGlassRoleArns: ["arn:aws:iam::*:role/BreakGlass"] },
    }),
  "azure-guardrails": () =>
    guardrails({
      cloud: "azure",
      azure: { scope: "/providers/Microsoft.Management/managementGroups/acme-prod" },
    }),
  "gcp-guardrails": () =>
    guardrails({
      cloud: "gcp",
      gcp: {
        parent: "folders/345678901234",
        organization: "organizations/123456789012",
        cmekProjects: ["acme-kms-prod"],
      },
    }),
  "policy-pack": async () => {
    const { policies } = require("../../policy-packs/secure-ai/policies") as typeof PackPolicies;
    if (policies.length === 0) throw new Error("the pack holds no policy");
  },
};
