import { describe, expect, it } from "vitest";
import { SecureAiConfigError } from "../../components/errors";
import { DEFAULT_CMEK_SERVICES, resolveGuardrails } from "../../components/guardrails/resolve";

const AWS = { targetIds: ["ou-ab12-cd34ef56"], breakGlassRoleArns: ["arn:aws:iam::*:role/BreakGlass"] };
const GCP = { parent: "organizations/123456789012", cmekProjects: ["acme-kms-prod"] };
const AZURE = { scope: "/providers/Microsoft.Management/managementGroups/acme-prod" };

function rejection(args: unknown): SecureAiConfigError {
  try {
    resolveGuardrails(args);
  } catch (error) {
    if (error instanceof SecureAiConfigError) return error;
    throw error;
  }
  throw new Error("expected a SecureAiConfigError");
}

describe("resolveGuardrails: known-good input", () => {
  it("applies the AWS defaults", () => {
    expect(resolveGuardrails({ cloud: "aws", aws: AWS })).toEqual({
      cloud: "aws",
      aws: { ...AWS, denyKeyDeletion: true, environmentAccounts: [] },
      tags: {},
    });
  });

  it("accepts the root, OUs, accounts, regions and environment accounts", () => {
    const resolved = resolveGuardrails({
      cloud: "aws",
      aws: {
        ...AWS,
        targetIds: ["r-ab12", "ou-ab12-cd34ef56", "111122223333"],
        allowedRegions: ["eu-west-1", "eu-central-1"],
        environmentAccounts: [{ name: "prod", email: "aws-prod@example.com", parentId: "ou-ab12-cd34ef56" }],
      },
    });
    expect(resolved.aws?.allowedRegions).toEqual(["eu-west-1", "eu-central-1"]);
    expect(resolved.aws?.environmentAccounts).toEqual([
      { name: "prod", email: "aws-prod@example.com", parentId: "ou-ab12-cd34ef56" },
    ]);
  });

  it("allows an empty break-glass list only when key deletion is not denied", () => {
    expect(
      resolveGuardrails({ cloud: "aws", aws: { targetIds: ["r-ab12"], denyKeyDeletion: false } }).aws,
    ).toMatchObject({ breakGlassRoleArns: [], denyKeyDeletion: false });
  });

  it("applies the GCP defaults and takes the organization from an organization parent", () => {
    expect(resolveGuardrails({ cloud: "gcp", gcp: GCP })).toEqual({
      cloud: "gcp",
      gcp: {
        ...GCP,
        organization: "organizations/123456789012",
        cmekServices: [...DEFAULT_CMEK_SERVICES],
        tlsCiphers: ["in:NIST-800-52-recommended-ciphers"],
      },
      tags: {},
    });
    expect(DEFAULT_CMEK_SERVICES).toEqual(
      expect.arrayContaining([
        "aiplatform.googleapis.com",
        "storage.googleapis.com",
        "pubsub.googleapis.com",
        "logging.googleapis.com",
        "bigquery.googleapis.com",
      ]),
    );
  });

  it("applies the Azure defaults, for a management group or a subscription", () => {
    expect(resolveGuardrails({ cloud: "azure", azure: AZURE }).azure).toEqual({
      ...AZURE,
      effect: "Deny",
      keyRotationDays: 90,
    });
    const subscription = "/subscriptions/00000000-1111-2222-3333-444444444444";
    expect(
      resolveGuardrails({ cloud: "azure", azure: { scope: subscription, effect: "Audit" } }).azure,
    ).toMatchObject({
      scope: subscription,
      effect: "Audit",
    });
  });
});

describe("resolveGuardrails: known-bad input names the argument", () => {
  const cases: [string, unknown, string][] = [
    ["unknown cloud", { cloud: "oci" }, "cloud"],
    ["missing cloud block", { cloud: "aws" }, "aws"],
    ["unknown top-level key", { cloud: "aws", aws: AWS, regions: [] }, "regions"],
    ["bad OU format", { cloud: "aws", aws: { ...AWS, targetIds: ["ou-12"] } }, "aws.targetIds[0]"],
    [
      "OU given by name",
      { cloud: "aws", aws: { ...AWS, targetIds: ["r-ab12", "Production"] } },
      "aws.targetIds[1]",
    ],
    ["no targets", { cloud: "aws", aws: { ...AWS, targetIds: [] } }, "aws.targetIds"],
    [
      "empty break-glass list",
      { cloud: "aws", aws: { ...AWS, breakGlassRoleArns: [] } },
      "aws.breakGlassRoleArns",
    ],
    ["break-glass list left out", { cloud: "aws", aws: { targetIds: ["r-ab12"] } }, "aws.breakGlassRoleArns"],
    [
      "break-glass user instead of role",
      { cloud: "aws", aws: { ...AWS, breakGlassRoleArns: ["arn:aws:iam::111122223333:user/admin"] } },
      "aws.breakGlassRoleArns[0]",
    ],
    [
      "region typo",
      { cloud: "aws", aws: { ...AWS, allowedRegions: ["eu-west-1", "eu-wset-1"] } },
      "aws.allowedRegions[1]",
    ],
    [
      "region without number",
      { cloud: "aws", aws: { ...AWS, allowedRegions: ["eu-west"] } },
      "aws.allowedRegions[0]",
    ],
    ["empty region list", { cloud: "aws", aws: { ...AWS, allowedRegions: [] } }, "aws.allowedRegions"],
    [
      "account with bad email",
      { cloud: "aws", aws: { ...AWS, environmentAccounts: [{ name: "prod", email: "nope" }] } },
      "aws.environmentAccounts[0].email",
    ],
    [
      "account parent that is an account",
      {
        cloud: "aws",
        aws: { ...AWS, environmentAccounts: [{ name: "prod", email: "a@b.co", parentId: "111122223333" }] },
      },
      "aws.environmentAccounts[0].parentId",
    ],
    ["bad folder format", { cloud: "gcp", gcp: { ...GCP, parent: "folders/engineering" } }, "gcp.parent"],
    ["project as parent", { cloud: "gcp", gcp: { ...GCP, parent: "projects/acme" } }, "gcp.parent"],
    [
      "folder without organization",
      { cloud: "gcp", gcp: { ...GCP, parent: "folders/345678901234" } },
      "gcp.organization",
    ],
    ["no CMEK projects", { cloud: "gcp", gcp: { ...GCP, cmekProjects: [] } }, "gcp.cmekProjects"],
    ["bad CMEK service", { cloud: "gcp", gcp: { ...GCP, cmekServices: ["storage"] } }, "gcp.cmekServices[0]"],
    ["bad cipher", { cloud: "gcp", gcp: { ...GCP, tlsCiphers: ["aes128"] } }, "gcp.tlsCiphers[0]"],
    [
      "resource group as scope",
      { cloud: "azure", azure: { scope: "/subscriptions/x/resourceGroups/rg" } },
      "azure.scope",
    ],
    ["effect Disabled", { cloud: "azure", azure: { ...AZURE, effect: "Disabled" } }, "azure.effect"],
    [
      "rotation over 90 days",
      { cloud: "azure", azure: { ...AZURE, keyRotationDays: 365 } },
      "azure.keyRotationDays",
    ],
  ];

  it.each(cases)("%s", (_, args, path) => {
    const error = rejection(args);
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: received `)).toBe(true);
  });

  it("say what is allowed", () => {
    expect(rejection({ cloud: "aws", aws: { ...AWS, allowedRegions: ["eu-wset-1"] } }).allowed).toContain(
      "eu-west-1",
    );
    expect(rejection({ cloud: "aws", aws: { ...AWS, breakGlassRoleArns: [] } }).allowed).toContain(
      "denyKeyDeletion",
    );
    expect(rejection({ cloud: "gcp", gcp: { ...GCP, parent: "folders/engineering" } }).allowed).toContain(
      "folders/",
    );
  });
});
