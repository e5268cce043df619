import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { controlCatalog } from "../../components/controls";
import { policies } from "../../policy-packs/secure-ai/policies";
import { POLICY_NAME_PATTERN } from "../../policy-packs/secure-ai/policies/lib/naming";
import { awsFactPolicies } from "../../policy-packs/secure-ai/policies/aws/facts";
import { azureFactPolicies } from "../../policy-packs/secure-ai/policies/azure/facts";
import { gcpFactPolicies } from "../../policy-packs/secure-ai/policies/gcp/facts";
import { renderReadme } from "../../policy-packs/secure-ai/scripts/policy-table";
import { buildPublishFolder } from "../../policy-packs/secure-ai/scripts/build-publish";

const catalogIds = new Set(controlCatalog.map((control) => control.id));

describe("pack inventory", () => {
  it.each(policies.map((policy) => [policy.name, policy] as const))("%s is complete", (name, policy) => {
    expect(name).toMatch(POLICY_NAME_PATTERN);
    const controls = (policy.tags ?? []).filter((tag) => tag.startsWith("SAI-"));
    expect(controls.length).toBeGreaterThan(0);
    expect(controls.every((id) => catalogIds.has(id as never))).toBe(true);
    expect(policy.tags?.slice(0, controls.length)).toEqual(controls);
    expect(policy.description.length).toBeGreaterThan(20);
    expect(policy.severity).toMatch(/^(low|medium|high|critical)$/);
    expect(policy.remediationSteps?.length ?? 0).toBeGreaterThan(20);
    expect(policy.url).toContain(`#${name}`);
    expect(policy.framework?.name).toBe("NIST SP 800-53");
    expect(policy.configSchema?.properties.waivers).toBeDefined();
    expect(["mandatory", "advisory"]).toContain(policy.enforcementLevel);
  });

  it("has unique names", () => {
    const names = policies.map((policy) => policy.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps the AWS mandatory/advisory split", () => {
    const table = new Set(awsFactPolicies.map((policy) => policy.name));
    const aws = policies.filter((policy) => policy.name.startsWith("aws-") && !table.has(policy.name));
    expect(
      aws
        .filter((policy) => policy.enforcementLevel === "advisory")
        .map((policy) => policy.name)
        .sort(),
    ).toEqual([
      "aws-bedrock-agentknowledgebase-require-guardrail",
      "aws-cloudtrail-account-require-trail",
      "aws-cloudwatch-eventrule-require-findings-route",
      "aws-cloudwatch-logmetricfilter-require-alarm",
      "aws-guardduty-account-require-detector",
      "aws-iam-accesskey-disallow-active-keys",
      "aws-iam-rolepolicy-disallow-wildcard-actions",
      "aws-kms-key-limit-to-one-model",
      "aws-kms-key-require-access-alarm",
      "aws-s3-bucket-disallow-force-destroy",
      "aws-s3-bucket-require-versioning",
      "aws-sagemaker-notebookinstance-disallow-root-access",
      "aws-securityhub-account-require-enabled",
    ]);
    expect(aws.filter((policy) => policy.enforcementLevel === "mandatory").length).toBeGreaterThanOrEqual(30);
  });

  it("makes fact-table policies advisory only for judgement calls (logging, deletion, IMDSv2, or a row's own level)", () => {
    for (const policy of [...awsFactPolicies, ...gcpFactPolicies, ...azureFactPolicies]) {
      const judgement = ["logging", "deletion", "imds"].some((concern) => policy.tags?.includes(concern));
      if (judgement) {
        expect(policy.enforcementLevel, policy.name).toBe("advisory");
      }
    }
  });

  it("makes the AWS CMEK, TLS and private-endpoint policies mandatory", () => {
    const strict = policies
      .filter((policy) => policy.name.startsWith("aws-"))
      .filter((policy) =>
        (policy.tags ?? []).some((tag) => ["SAI-ENC-01", "SAI-TLS-01", "SAI-NET-02"].includes(tag)),
      );
    const advisory = strict
      .filter((policy) => policy.enforcementLevel !== "mandatory")
      .map((policy) => policy.name);
    expect(advisory).toEqual([]);
  });
});

describe("README", () => {
  it("has the policy table generated from the code (run scripts/generate-readme.ts after changes)", async () => {
    const readmePath = path.join(__dirname, "../../policy-packs/secure-ai/README.md");
    const readme = fs.readFileSync(readmePath, "utf8");
    expect(await renderReadme(readme, readmePath, policies)).toBe(readme);
  });
});

describe("publish build", () => {
  it("produces a self-contained folder: every relative require stays inside, only SDK dependencies", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-publish-"));
    try {
      const written = buildPublishFolder(out);
      const manifest = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")) as {
        main: string;
        version: string;
        dependencies: Record<string, string>;
      };
      expect(fs.existsSync(path.join(out, manifest.main))).toBe(true);
      expect(fs.existsSync(path.join(out, "PulumiPolicy.yaml"))).toBe(true);
      expect(manifest.version).toMatch(/^\d+\.\d+\.\d+/);
      const bare = new Set<string>();
      for (const file of written.filter((name) => name.endsWith(".js"))) {
        for (const match of fs.readFileSync(file, "utf8").matchAll(/require\("([^"]+)"\)/g)) {
          const target = match[1];
          if (target.startsWith(".")) {
            const resolved = path.resolve(path.dirname(file), target);
            expect(resolved.startsWith(out)).toBe(true);
            expect(fs.existsSync(`${resolved}.js`) || fs.existsSync(path.join(resolved, "index.js"))).toBe(
              true,
            );
          } else if (!target.startsWith("node:")) {
            bare.add(target.startsWith("@") ? target.split("/").slice(0, 2).join("/") : target.split("/")[0]);
          }
        }
      }
      const allowed = new Set([...Object.keys(manifest.dependencies), "ts-node"]);
      expect([...bare].filter((name) => !allowed.has(name))).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
