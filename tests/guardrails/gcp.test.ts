import { beforeAll, describe, expect, it } from "vitest";
import * as gcpGuardrails from "../../components/guardrails/gcp";
import { KMS_ROTATION_CONSTRAINT, KNOWN_GCP_CONSTRAINTS } from "../../components/guardrails/known-ids";
import { CONTROL_IDS } from "../../components/controls/ids";
import {
  type BuiltGuardrails,
  buildGuardrails,
  installGuardrailsMocks,
  linkGuardrailsBuilder,
} from "./mocks";

const POLICY = "gcp:orgpolicy/policy:Policy";
const CUSTOM = "gcp:orgpolicy/customConstraint:CustomConstraint";
const FOLDER = "folders/345678901234";
const ORG = "organizations/123456789012";

let built: BuiltGuardrails;

beforeAll(async () => {
  linkGuardrailsBuilder("gcp", gcpGuardrails);
  await installGuardrailsMocks();
  built = await buildGuardrails("org", {
    cloud: "gcp",
    gcp: { parent: FOLDER, organization: ORG, cmekProjects: ["acme-kms-prod"] },
  });
});

function constraintOf(policyName: unknown): string {
  const match = /^(organizations|folders)\/\d+\/policies\/(.+)$/.exec(String(policyName));
  if (!match?.[2]) throw new Error(`not a policy name: ${String(policyName)}`);
  return match[2];
}

describe("SecureAiGuardrails on GCP", () => {
  it("sets exactly the recorded constraints on the parent, plus the KMS rotation custom constraint", () => {
    const policies = built.ofType(POLICY);
    expect(policies.every((p) => p.inputs.parent === FOLDER)).toBe(true);
    expect(policies.map((p) => constraintOf(p.inputs.name)).sort()).toEqual(
      [...KNOWN_GCP_CONSTRAINTS.map((c) => c.name), KMS_ROTATION_CONSTRAINT.name].sort(),
    );
    expect(built.resources.filter((r) => r.type !== POLICY).map((r) => r.type)).toEqual([CUSTOM]);
  });

  it("shapes each rule by the constraint's kind", () => {
    for (const known of KNOWN_GCP_CONSTRAINTS) {
      const policy = built.ofType(POLICY).find((p) => constraintOf(p.inputs.name) === known.name);
      const rules = (policy?.inputs.spec as { rules: Record<string, unknown>[] }).rules;
      expect(rules, known.name).toHaveLength(1);
      if (known.kind === "boolean") expect(rules[0], known.name).toEqual({ enforce: "TRUE" });
      else
        expect(
          Object.keys(rules[0] ?? {}).some((k) => k === "values" || k === "denyAll"),
          known.name,
        ).toBe(true);
      expect(known.source.where.length, known.name).toBeGreaterThan(10);
    }
  });

  it("requires CMEK on the platform's services with keys from the named projects", () => {
    expect(built.named(POLICY, "org-non-cmek-services").inputs.spec).toEqual({
      rules: [
        {
          values: {
            deniedValues: [
              "aiplatform.googleapis.com",
              "bigquery.googleapis.com",
              "logging.googleapis.com",
              "notebooks.googleapis.com",
              "pubsub.googleapis.com",
              "secretmanager.googleapis.com",
              "storage.googleapis.com",
            ],
          },
        },
      ],
    });
    expect(built.named(POLICY, "org-cmek-key-projects").inputs.spec).toEqual({
      rules: [{ values: { allowedValues: ["under:projects/acme-kms-prod"] } }],
    });
  });

  it("refuses TLS 1.0 and 1.1 and limits cipher suites", () => {
    expect(built.named(POLICY, "org-tls-versions").inputs.spec).toEqual({
      rules: [{ values: { deniedValues: ["TLS_VERSION_1", "TLS_VERSION_1_1"] } }],
    });
    expect(built.named(POLICY, "org-tls-ciphers").inputs.spec).toEqual({
      rules: [{ values: { allowedValues: ["in:NIST-800-52-recommended-ciphers"] } }],
    });
    expect(built.named(POLICY, "org-no-vm-external-ip").inputs.spec).toEqual({
      rules: [{ denyAll: "TRUE" }],
    });
  });

  it("defines the rotation constraint on the organization and enforces it on the parent", () => {
    expect(built.named(CUSTOM, "org-kms-rotation-constraint").inputs).toEqual({
      name: "custom.secureAiKmsRotationPeriod",
      parent: ORG,
      displayName: "Cloud KMS keys rotate at least every 90 days",
      description:
        "Denies creating or updating a Cloud KMS key whose rotation period is longer than 90 days.",
      actionType: "DENY",
      methodTypes: ["CREATE", "UPDATE"],
      resourceTypes: ["cloudkms.googleapis.com/CryptoKey"],
      condition: 'has(resource.rotationPeriod) && resource.rotationPeriod > duration("7776000s")',
    });
    expect(built.named(POLICY, "org-kms-rotation").inputs).toEqual({
      name: `${FOLDER}/policies/custom.secureAiKmsRotationPeriod`,
      parent: FOLDER,
      spec: { rules: [{ enforce: "TRUE" }] },
    });
  });

  it("reports one evidence entry per control, with the rotation and account gaps stated", () => {
    expect(built.controls.map((c) => c.id)).toEqual([...CONTROL_IDS]);
    expect(built.control("SAI-ENC-01").status).toBe("implemented");
    expect(built.control("SAI-TLS-02").status).toBe("implemented");
    expect(built.control("SAI-TLS-02").note).toContain("TLS 1.2 stays allowed");
    expect(built.control("SAI-IAM-03").status).toBe("implemented");
    expect(built.control("SAI-NET-01").status).toBe("implemented");
    expect(built.control("SAI-GOV-03").status).toBe("implemented");
    expect(built.control("SAI-ENC-03")).toMatchObject({ status: "gap" });
    expect(built.control("SAI-IAM-05")).toMatchObject({ status: "gap" });
    expect(built.control("SAI-LOG-01").status).toBe("not-applicable");
  });
});
