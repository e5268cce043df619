import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

/** Inputs that hold a resource's physical name, by type (where the name is not `name`). */
const PHYSICAL_NAME_FIELD: Record<string, string> = {
  "gcp:serviceaccount/account:Account": "accountId",
  "gcp:logging/projectBucketConfig:ProjectBucketConfig": "bucketId",
  "gcp:securitycenter/v2ProjectNotificationConfig:V2ProjectNotificationConfig": "configId",
  "gcp:iam/workloadIdentityPool:WorkloadIdentityPool": "workloadIdentityPoolId",
  "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider": "workloadIdentityPoolProviderId",
};

/** Physical names that must be unique in a project; DNS records live inside each platform's own zone. */
function physicalNames(platform: BuiltPlatform): string[] {
  return platform.resources
    .filter((r) => r.type !== "gcp:dns/recordSet:RecordSet")
    .map((r) => {
      const value = r.inputs[PHYSICAL_NAME_FIELD[r.type] ?? "name"];
      return typeof value === "string" ? `${r.type}:${value}` : undefined;
    })
    .filter((name): name is string => name !== undefined);
}

let first: BuiltPlatform;
let second: BuiltPlatform;

beforeAll(async () => {
  await installGcpMocks();
  const federated = {
    federatedWorkloads: [
      {
        name: "ci",
        issuer: "https://token.actions.githubusercontent.com",
        subject: "repo:acme/ml:ref:refs/heads/main",
      },
    ],
  };
  first = await buildGcp("alpha", gcpArgs({ identity: federated }));
  second = await buildGcp("beta", gcpArgs({ identity: federated }));
});

describe("two GCP platforms in one project", () => {
  it("share no logical or physical name", () => {
    const urns = (p: BuiltPlatform) => p.resources.map((r) => `${r.type}::${r.name}`);
    expect(urns(first).filter((urn) => urns(second).includes(urn))).toEqual([]);
    const names = physicalNames(second);
    expect(physicalNames(first).filter((name) => names.includes(name))).toEqual([]);
  });

  it("give every resource of one platform a unique logical name per type", () => {
    const urns = first.resources.map((r) => `${r.type}::${r.name}`);
    expect(new Set(urns).size).toBe(urns.length);
  });

  it("take different Vertex AI endpoint IDs and Private Service Connect addresses", () => {
    const id = (p: BuiltPlatform) => p.ofType("gcp:vertex/aiEndpoint:AiEndpoint")[0].inputs.name;
    const address = (p: BuiltPlatform) =>
      p.ofType("gcp:compute/globalAddress:GlobalAddress")[0].inputs.address;
    expect(id(first)).not.toBe(id(second));
    expect(address(first)).not.toBe(address(second));
  });

  it("federate the external workload with a subject-bound provider and no service-account key", () => {
    expect(
      first.named("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "alpha-federation-ci")
        .inputs,
    ).toMatchObject({
      oidc: { issuerUri: "https://token.actions.githubusercontent.com" },
      attributeMapping: { "google.subject": "assertion.sub" },
      attributeCondition: 'assertion.sub == "repo:acme/ml:ref:refs/heads/main"',
    });
    expect(
      first.named("gcp:serviceaccount/iAMMember:IAMMember", "alpha-federation-ci-impersonates").inputs,
    ).toMatchObject({
      role: "roles/iam.workloadIdentityUser",
      member:
        "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/alpha-federation/subject/repo:acme/ml:ref:refs/heads/main",
    });
    expect(first.ofType("gcp:serviceaccount/key:Key")).toEqual([]);
    expect(Object.keys(first.outputs.workloadIdentities).sort()).toEqual([
      "fed-ci",
      "gateway",
      "serving",
      "training",
    ]);
  });
});

describe("the GCP backend's footprint", () => {
  it("adds a handful of resources per model", async () => {
    const one = await buildGcp("one", gcpArgs({ models: [{ name: "m0" }] }));
    const ten = await buildGcp(
      "ten",
      gcpArgs({ models: Array.from({ length: 10 }, (_, i) => ({ name: `m${i}` })) }),
    );
    const perModel = (ten.resources.length - one.resources.length) / 9;
    // Key, two key grants, artifacts bucket, two bucket grants, endpoint, Model Armor template.
    expect(perModel).toBe(8);
  });
});
