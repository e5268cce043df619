import { beforeAll, describe, expect, it } from "vitest";
import * as awsGuardrails from "../../components/guardrails/aws";
import { SecureAiGuardrails } from "../../components/guardrails/guardrails";
import { SCP_MAX_CHARACTERS } from "../../components/guardrails/aws-scp-documents";
import { CONTROL_IDS } from "../../components/controls/ids";
import { SecureAiConfigError } from "../../components/errors";
import {
  type BuiltGuardrails,
  buildGuardrails,
  installGuardrailsMocks,
  linkGuardrailsBuilder,
} from "./mocks";
import { denyingStatements } from "./scp-evaluator";

const POLICY = "aws:organizations/policy:Policy";
const ATTACHMENT = "aws:organizations/policyAttachment:PolicyAttachment";
const ACCOUNT = "aws:organizations/account:Account";
const AWS = {
  targetIds: ["ou-ab12-cd34ef56", "111122223333"],
  breakGlassRoleArns: ["arn:aws:iam::*:role/BreakGlass"],
};

let defaults: BuiltGuardrails;
let withAccounts: BuiltGuardrails;

beforeAll(async () => {
  linkGuardrailsBuilder("aws", awsGuardrails);
  await installGuardrailsMocks();
  defaults = await buildGuardrails("org", { cloud: "aws", aws: AWS });
  withAccounts = await buildGuardrails("org2", {
    cloud: "aws",
    aws: {
      ...AWS,
      environmentAccounts: [{ name: "prod", email: "aws-prod@example.com", parentId: "ou-ab12-cd34ef56" }],
    },
  });
});

describe("SecureAiGuardrails on AWS", () => {
  it("creates one service control policy, within the size limit, attached to every target", () => {
    expect(defaults.resources.map((r) => r.type).sort()).toEqual([POLICY, ATTACHMENT, ATTACHMENT]);
    const policy = defaults.named(POLICY, "org-guardrails-1");
    expect(policy.inputs).toMatchObject({
      name: "org-secure-ai-guardrails-1",
      type: "SERVICE_CONTROL_POLICY",
      tags: { "secure-ai-guardrails": "org" },
    });
    const content = policy.inputs.content as string;
    expect(content.length).toBeLessThanOrEqual(SCP_MAX_CHARACTERS);
    expect(defaults.named(ATTACHMENT, "org-guardrails-1-ou-ab12-cd34ef56").inputs).toEqual({
      policyId: "org-guardrails-1-id",
      targetId: "ou-ab12-cd34ef56",
    });
    expect(defaults.named(ATTACHMENT, "org-guardrails-1-111122223333").inputs).toEqual({
      policyId: "org-guardrails-1-id",
      targetId: "111122223333",
    });
  });

  it("sends a policy that denies key deletion to the deployer and not to the break-glass role", () => {
    const content = defaults.named(POLICY, "org-guardrails-1").inputs.content as string;
    const request = {
      action: "kms:ScheduleKeyDeletion",
      principalArn: "arn:aws:iam::111122223333:role/deployer",
    };
    expect(denyingStatements([content], request)).toEqual(["ProtectKmsKeys"]);
    expect(
      denyingStatements([content], { ...request, principalArn: "arn:aws:iam::111122223333:role/BreakGlass" }),
    ).toEqual([]);
  });

  it("creates no account by default, and reports SAI-IAM-05 as a gap that says what is enforced", () => {
    expect(defaults.ofType(ACCOUNT)).toEqual([]);
    const control = defaults.control("SAI-IAM-05");
    expect(control.status).toBe("gap");
    expect(control.note).toContain("no account is created");
    expect(control.note).toContain("ou-ab12-cd34ef56, 111122223333");
    expect(control.resources.length).toBe(3);
  });

  it("creates a protected account per environment when asked", () => {
    const account = withAccounts.named(ACCOUNT, "org2-account-prod");
    expect(account.inputs).toEqual({
      name: "org2-prod",
      email: "aws-prod@example.com",
      parentId: "ou-ab12-cd34ef56",
      iamUserAccessToBilling: "DENY",
      closeOnDeletion: false,
      tags: { "secure-ai-guardrails": "org2", environment: "prod" },
    });
    expect(account.protect).toBe(true);
    expect(withAccounts.control("SAI-IAM-05")).toMatchObject({ status: "implemented" });
    expect(withAccounts.control("SAI-IAM-05").note).toContain("dedicated accounts per environment (prod)");
  });

  it("reports one evidence entry per control, honestly", () => {
    expect(defaults.controls.map((c) => c.id)).toEqual([...CONTROL_IDS]);
    const status = Object.fromEntries(defaults.controls.map((c) => [c.id, c.status]));
    expect(status).toMatchObject({
      "SAI-ENC-01": "implemented",
      "SAI-ENC-03": "gap",
      "SAI-ENC-05": "implemented",
      "SAI-ENC-07": "implemented",
      "SAI-NET-01": "implemented",
      "SAI-MOD-02": "implemented",
      "SAI-LOG-01": "implemented",
      "SAI-DET-01": "implemented",
      "SAI-DET-02": "implemented",
      "SAI-GOV-03": "implemented",
      "SAI-TLS-01": "not-applicable",
    });
    expect(defaults.control("SAI-ENC-03").note).toContain("kms:DisableKeyRotation");
    for (const control of defaults.controls.filter((c) => c.status === "implemented")) {
      expect(control.resources.length, control.id).toBeGreaterThan(0);
    }
  });

  it("validates before registering anything", () => {
    expect(
      () => new SecureAiGuardrails("bad", { cloud: "aws", aws: { ...AWS, targetIds: ["ou-bad"] } }),
    ).toThrow(SecureAiConfigError);
    expect(() => new SecureAiGuardrails("Bad Name", { cloud: "aws", aws: AWS })).toThrow(SecureAiConfigError);
  });
});
