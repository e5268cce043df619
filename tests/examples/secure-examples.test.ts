/**
 * The secure examples pass the preflight: each runs under Pulumi's mock runtime through `secure-ai check`,
 * the secure-ai pack analyses what it registered, and no mandatory policy fails. Each describe also checks
 * the property the example is about, so an example that silently stopped showing it fails here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  CHECK_TIMEOUT_MS,
  type CheckRun,
  checkExample,
  nameOf,
  type JsonReport,
  resourcesOfType,
} from "./run-check";

const PLATFORM = "secure-ai-platform:index:SecureAiPlatform";

function mandatoryFindings(report: JsonReport): string[] {
  return report.stacks.flatMap((stack) =>
    stack.findings
      .filter((finding) => finding.enforcementLevel === "mandatory")
      .map((finding) => `${finding.policy} on ${nameOf(finding.urn)}: ${finding.message}`),
  );
}

/** Runs the example once for its describe block and checks the verdict every secure example shares. */
function describeSecureExample(example: string, specifics: (run: () => CheckRun) => void): void {
  describe(`example ${example}`, () => {
    let run: CheckRun | undefined;
    const current = (): CheckRun => {
      if (run === undefined) throw new Error(`the check of ${example} did not run`);
      return run;
    };
    beforeAll(() => {
      run = checkExample(example);
    }, CHECK_TIMEOUT_MS);

    it("passes secure-ai check with exit 0 and no mandatory violation", () => {
      expect(mandatoryFindings(current().report)).toEqual([]);
      expect(current().report.summary.mandatoryViolations).toBe(0);
      expect(current().code, current().stderr).toBe(0);
    });

    specifics(current);
  });
}

describeSecureExample("aws-bedrock-chatbot", (run) => {
  it("serves the public API on an HTTPS listener with a TLS 1.3-only policy, behind a WAF web ACL", () => {
    const listeners = resourcesOfType(run().report, "aws:lb/listener:Listener");
    expect(listeners).toHaveLength(1);
    expect(listeners[0]!.inputs).toMatchObject({ port: 443, protocol: "HTTPS" });
    expect(listeners[0]!.inputs["sslPolicy"]).toMatch(/^ELBSecurityPolicy-TLS13-1-3-/);
    expect(resourcesOfType(run().report, "aws:wafv2/webAcl:WebAcl")).toHaveLength(1);
    expect(resourcesOfType(run().report, "aws:wafv2/webAclAssociation:WebAclAssociation")).toHaveLength(1);
  });
});

describeSecureExample("aws-sagemaker-high-sensitivity", (run) => {
  it("serves the model from SageMaker with the volume under a customer-managed key and no public listener", () => {
    const configs = resourcesOfType(
      run().report,
      "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    );
    expect(configs).toHaveLength(1);
    expect(configs[0]!.inputs["kmsKeyArn"]).toBeDefined();
    expect(resourcesOfType(run().report, "aws:lb/listener:Listener")).toEqual([]);
  });
});

describeSecureExample("gcp-vertex-rag", (run) => {
  it("puts both models on Vertex AI endpoints with Private Service Connect and a CMEK", () => {
    const endpoints = resourcesOfType(run().report, "gcp:vertex/aiEndpoint:AiEndpoint");
    expect(endpoints.map((endpoint) => nameOf(endpoint.urn)).sort()).toEqual([
      "rag-answer-generator",
      "rag-embedder",
    ]);
    for (const endpoint of endpoints) {
      expect(endpoint.inputs).toMatchObject({
        privateServiceConnectConfig: { enablePrivateServiceConnect: true },
      });
      expect(endpoint.inputs["encryptionSpec"]).toHaveProperty("kmsKeyName");
    }
  });
});

describeSecureExample("azure-openai-assistant", (run) => {
  it("builds an Azure OpenAI account reached through a private endpoint", () => {
    const accounts = resourcesOfType(run().report, "azure-native:cognitiveservices:Account");
    expect(accounts.map((account) => account.inputs["kind"])).toEqual(["OpenAI"]);
    expect(resourcesOfType(run().report, "azure-native:network:PrivateEndpoint").length).toBeGreaterThan(0);
  });
});

describeSecureExample("multi-cloud", (run) => {
  it("registers one platform per cloud, each with its explicit provider and its children under it", () => {
    const report = run().report;
    expect(
      resourcesOfType(report, PLATFORM)
        .map((platform) => nameOf(platform.urn))
        .sort(),
    ).toEqual(["primary", "secondary"]);
    expect(resourcesOfType(report, "pulumi:providers:aws").map((p) => nameOf(p.urn))).toEqual([
      "aws-primary",
    ]);
    expect(resourcesOfType(report, "pulumi:providers:gcp").map((p) => nameOf(p.urn))).toEqual([
      "gcp-secondary",
    ]);
    const cloudResources = report.stacks[0]!.resources.filter((resource) =>
      /^(aws|gcp):/.test(resource.type),
    );
    for (const resource of cloudResources) {
      const cloud = resource.type.startsWith("aws:") ? "primary" : "secondary";
      expect(resource.urn, "every cloud resource is a descendant of its cloud's platform").toContain(
        `${PLATFORM}$`,
      );
      expect(nameOf(resource.urn).startsWith(cloud)).toBe(true);
    }
  });
});

describeSecureExample("adopt-existing-singletons", (run) => {
  const adoptedPolicies = [
    "aws-guardduty-account-require-detector",
    "aws-securityhub-account-require-enabled",
    "azure-security-pricing-require-defender-plans",
    "azure-securityinsights-onboarding-require-sentinel",
  ];

  it("creates none of the adopted singletons", () => {
    for (const type of [
      "aws:guardduty/detector:Detector",
      "aws:securityhub/account:Account",
      "azure-native:security:Pricing",
      "azure-native:securityinsights:SentinelOnboardingState",
    ]) {
      expect(resourcesOfType(run().report, type), type).toEqual([]);
    }
  });

  it("gets no finding from the singleton policies, which its policy config declares adopted", () => {
    const findings = run().report.stacks.flatMap((stack) => stack.findings);
    expect(findings.filter((finding) => adoptedPolicies.includes(finding.policy))).toEqual([]);
  });
});
