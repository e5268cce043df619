import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

const FIREWALL = "gcp:compute/firewall:Firewall";
const FORWARDING_RULE = "gcp:compute/globalForwardingRule:GlobalForwardingRule";
const ADDRESS = "gcp:compute/globalAddress:GlobalAddress";
const ENDPOINT = "gcp:vertex/aiEndpoint:AiEndpoint";

/** Types that would put something of the platform on the internet. */
const PUBLIC_TYPES = [
  "gcp:compute/sSLPolicy:SSLPolicy",
  "gcp:compute/securityPolicy:SecurityPolicy",
  "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
  "gcp:compute/backendService:BackendService",
  "gcp:compute/routerNat:RouterNat",
  "gcp:compute/instance:Instance",
];

let built: BuiltPlatform;

beforeAll(async () => {
  await installGcpMocks();
  built = await buildGcp("net", gcpArgs({ network: { cidr: "10.50.0.0/20" } }));
});

describe("GCP network when the public API is off", () => {
  it("builds a custom-mode VPC without a default internet route", () => {
    expect(built.named("gcp:compute/network:Network", "net-vpc").inputs).toEqual({
      name: "net-vpc",
      project: "acme-ai-prod",
      autoCreateSubnetworks: false,
      deleteDefaultRoutesOnCreate: true,
      routingMode: "REGIONAL",
    });
    expect(built.outputs.networkId).toBe("projects/acme-ai-prod/global/networks/net-vpc");
  });

  it("puts workloads in a private subnet with Private Google Access and flow logs", () => {
    expect(built.named("gcp:compute/subnetwork:Subnetwork", "net-private").inputs).toEqual({
      name: "net-private",
      project: "acme-ai-prod",
      region: "europe-west4",
      network: "projects/acme-ai-prod/global/networks/net-vpc",
      ipCidrRange: "10.50.0.0/20",
      privateIpGoogleAccess: true,
      logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 1, metadata: "INCLUDE_ALL_METADATA" },
    });
  });

  it("denies all ingress and egress by default and allows only HTTPS to Google APIs and the subnet", () => {
    const rules = Object.fromEntries(built.ofType(FIREWALL).map((f) => [f.name, f.inputs]));
    expect(Object.keys(rules).sort()).toEqual([
      "net-allow-https-google-apis",
      "net-deny-all-egress",
      "net-deny-all-ingress",
    ]);
    expect(rules["net-deny-all-ingress"]).toMatchObject({
      direction: "INGRESS",
      priority: 65534,
      denies: [{ protocol: "all" }],
      sourceRanges: ["0.0.0.0/0"],
    });
    expect(rules["net-deny-all-egress"]).toMatchObject({
      direction: "EGRESS",
      priority: 65534,
      denies: [{ protocol: "all" }],
      destinationRanges: ["0.0.0.0/0"],
    });
    const pscAddress = built.named(ADDRESS, "net-google-apis").inputs.address as string;
    expect(rules["net-allow-https-google-apis"]).toMatchObject({
      direction: "EGRESS",
      priority: 1000,
      allows: [{ protocol: "tcp", ports: ["443"] }],
      destinationRanges: [`${pscAddress}/32`, "10.50.0.0/20"],
    });
    for (const rule of Object.values(rules)) {
      expect(rule.allows === undefined || rule.direction === "EGRESS").toBe(true);
      expect(rule.targetServiceAccounts).toBeUndefined();
    }
  });

  it("reaches Google APIs through a Private Service Connect endpoint with private DNS", () => {
    const address = built.named(ADDRESS, "net-google-apis").inputs;
    expect(address).toMatchObject({
      addressType: "INTERNAL",
      purpose: "PRIVATE_SERVICE_CONNECT",
      network: "projects/acme-ai-prod/global/networks/net-vpc",
    });
    const rule = built.named(FORWARDING_RULE, "net-google-apis").inputs;
    expect(rule).toMatchObject({
      target: "all-apis",
      loadBalancingScheme: "",
      ipAddress: "net-google-apis-id",
    });
    expect(rule.name).toMatch(/^[a-z][a-z0-9]{0,19}$/);
    expect(built.named("gcp:dns/managedZone:ManagedZone", "net-googleapis").inputs).toMatchObject({
      dnsName: "googleapis.com.",
      visibility: "private",
    });
    expect(built.named("gcp:dns/recordSet:RecordSet", "net-googleapis-a").inputs.rrdatas).toEqual([
      address.address,
    ]);
  });

  it("serves models only through Private Service Connect: no public IP, endpoint, load balancer or WAF", () => {
    for (const endpoint of built.ofType(ENDPOINT)) {
      expect(endpoint.inputs.privateServiceConnectConfig).toEqual({
        enablePrivateServiceConnect: true,
        projectAllowlists: ["acme-ai-prod"],
        pscAutomationConfigs: [
          { projectId: "acme-ai-prod", network: "projects/acme-ai-prod/global/networks/net-vpc" },
        ],
      });
      expect(endpoint.inputs.network).toBeUndefined();
      expect(endpoint.inputs.name).toMatch(/^[1-9]\d{9}$/);
    }
    expect(built.ofType(ADDRESS).map((a) => a.inputs.addressType)).toEqual(["INTERNAL"]);
    expect(built.ofType(FORWARDING_RULE).map((r) => r.inputs.loadBalancingScheme)).toEqual([""]);
    for (const type of PUBLIC_TYPES) expect(built.ofType(type)).toEqual([]);
    expect(built.outputs.publicEndpoint).toBeUndefined();
  });
});

describe("GCP network in an existing VPC", () => {
  it("creates no network and scopes its firewall rules to the platform's service accounts", async () => {
    const existing = await buildGcp(
      "shared",
      gcpArgs({
        network: {
          existing: {
            networkId: "projects/acme-net/global/networks/hub",
            subnetIds: ["projects/acme-net/regions/europe-west4/subnetworks/ai"],
          },
        },
      }),
    );
    expect(existing.ofType("gcp:compute/network:Network")).toEqual([]);
    expect(existing.ofType("gcp:compute/subnetwork:Subnetwork")).toEqual([]);
    expect(existing.ofType("gcp:dns/managedZone:ManagedZone")).toEqual([]);
    expect(existing.outputs.networkId).toBe("projects/acme-net/global/networks/hub");
    const accounts = Object.values(existing.outputs.workloadIdentities).sort();
    for (const rule of existing.ofType(FIREWALL)) {
      expect(rule.inputs.network).toBe("projects/acme-net/global/networks/hub");
      expect([...(rule.inputs.targetServiceAccounts as string[])].sort()).toEqual(accounts);
    }
    expect(existing.named(ENDPOINT, "shared-chat").inputs.privateServiceConnectConfig).toMatchObject({
      pscAutomationConfigs: [{ projectId: "acme-ai-prod", network: "projects/acme-net/global/networks/hub" }],
    });
  });
});
