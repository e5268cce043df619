/**
 * The service-scoped stack advisories (policies/service-scope.ts): each answers not-applicable, never a
 * finding, for a stack that holds none of the resources it protects, and asks only for the requirements
 * (audit-logged services, Defender plans) of what the stack holds.
 */
import { describe, expect, it } from "vitest";
import { ADVISORY_SCOPES } from "../../policy-packs/secure-ai/policies/service-scope";
import { runStackPolicy, type Fixture } from "./gcp/harness";
import { stackPolicy } from "./pack";
import { policies } from "../../policy-packs/secure-ai/policies";
import type { SecureAiStackPolicy } from "../../policy-packs/secure-ai/policies/lib";

const byName = (name: string) => stackPolicy(name) as SecureAiStackPolicy;
const one = (type: string, name = "r"): Fixture => ({ type, name, props: {} });
/** A resource of each cloud that no scoped advisory is about. */
const UNRELATED = [
  one("random:index/randomPet:RandomPet"),
  one("gcp:compute/firewall:Firewall"),
  one("azure-native:network:NetworkSecurityGroup"),
];
/** One resource that triggers the advisory: its first listed type, or a resource of its provider. */
function triggerOf(name: string): Fixture {
  const { applies } = ADVISORY_SCOPES[name];
  return one(applies.types?.[0] ?? `${applies.prefix ?? ""}s3/bucket:Bucket`, "trigger");
}

describe("ADVISORY_SCOPES", () => {
  it("names only advisory stack policies of the pack", () => {
    for (const name of Object.keys(ADVISORY_SCOPES)) {
      const policy = policies.find((candidate) => candidate.name === name);
      expect(policy, name).toBeDefined();
      expect("validateStack" in (policy ?? {}), name).toBe(true);
      expect(policy?.enforcementLevel, name).toBe("advisory");
    }
  });

  describe.each(Object.keys(ADVISORY_SCOPES))("%s", (name) => {
    it("is not applicable, with no finding, to a stack that holds nothing it protects", async () => {
      const result = await runStackPolicy(byName(name), UNRELATED);
      expect(result.violations).toEqual([]);
      expect(result.notApplicable).toBe(`the stack holds no ${ADVISORY_SCOPES[name].applies.what}`);
    });

    it("applies to a stack that holds what it protects", async () => {
      const result = await runStackPolicy(byName(name), [...UNRELATED, triggerOf(name)]);
      expect(result.notApplicable ?? "").not.toMatch(/holds no/);
    });

    it("stays quiet and applicable when declared adopted", async () => {
      const result = await runStackPolicy(byName(name), [triggerOf(name)], { adopted: true });
      expect(result).toEqual({ violations: [], waived: [], urns: [] });
    });
  });
});

describe("requirements follow the services the stack holds", () => {
  const audit = byName("gcp-projects-auditconfig-require-data-access-logs");
  const defender = byName("azure-security-pricing-require-defender-plans");

  it("GCP: Vertex AI and KMS audit logs are asked only of stacks with Vertex AI resources and KMS keys", async () => {
    const topic = one("gcp:pubsub/topic:Topic");
    const onlyTopic = await runStackPolicy(audit, [topic]);
    expect(onlyTopic.violations).toEqual([]);
    expect(onlyTopic.notApplicable).toBe(
      "the stack holds no Cloud KMS keys, Vertex AI resources, Cloud Storage buckets",
    );
    const vertex = await runStackPolicy(audit, [one("gcp:vertex/aiEndpoint:AiEndpoint")]);
    expect(vertex.violations).toEqual([expect.stringContaining("aiplatform.googleapis.com")]);
    const key = await runStackPolicy(audit, [one("gcp:kms/cryptoKey:CryptoKey")]);
    expect(key.violations).toEqual([expect.stringContaining("cloudkms.googleapis.com")]);
  });

  it("GCP: a service the table does not know is asked whenever the policy applies", async () => {
    const config = { requiredServices: ["bigquery.googleapis.com"] };
    const result = await runStackPolicy(audit, [one("gcp:bigquery/dataset:Dataset")], config);
    expect(result.violations).toEqual([expect.stringContaining("bigquery.googleapis.com")]);
  });

  it("Azure: the AI plan is asked only of stacks with AI services accounts", async () => {
    const vault = await runStackPolicy(defender, [one("azure-native:keyvault:Vault")]);
    expect(vault.violations).toEqual([expect.stringMatching(/for KeyVaults, CloudPosture;/)]);
    const account = await runStackPolicy(defender, [one("azure-native:cognitiveservices:Account")]);
    expect(account.violations).toEqual([expect.stringMatching(/for AI, CloudPosture;/)]);
    const workspace = await runStackPolicy(defender, [one("azure-native:machinelearningservices:Workspace")]);
    expect(workspace.violations).toEqual([expect.stringMatching(/for CloudPosture;/)]);
  });

  it("Azure: with only plans the stack does not need, the policy is not applicable", async () => {
    const result = await runStackPolicy(defender, [one("azure-native:storage:StorageAccount")], {
      requiredPlans: ["AI"],
    });
    expect(result).toEqual({
      violations: [],
      waived: [],
      urns: [],
      notApplicable: "the stack holds no Azure AI services accounts",
    });
  });
});
