/**
 * The Azure subnet policies (SAI-NET-04 an NSG on every subnet, SAI-NET-01 no default outbound access) as stack
 * policies: the per-subnet checks and exemptions (platform names, delegations) as before, and subnets that
 * hold only private endpoints of the stack, correlated through property dependencies (preview) or known ARM
 * IDs (update). Anything the correlation cannot decide is unknown-inputs at preview and a violation in the
 * update pass, never a pass. Inputs use @pulumi/azure-native 3.28 property names.
 */
import { describe, expect, it } from "vitest";
import { azureNetworkSubnetDisallowDefaultOutboundAccess as outbound } from "../../../policy-packs/secure-ai/policies/azure/network-subnet-disallow-default-outbound-access";
import { azureNetworkSubnetRequireNsg as nsg } from "../../../policy-packs/secure-ai/policies/azure/network-subnet-require-nsg";
import { FUZZ_VALUES, UNKNOWN, runStackPolicy, withValue, type Fixture } from "../gcp/harness";
import { duringUpdate } from "../passes";

const SUBNET = "azure-native:network:Subnet";
const VNET = "azure-native:network:VirtualNetwork";
const PE = "azure-native:network:PrivateEndpoint";
const NIC = "azure-native:network:NetworkInterface";
const urn = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const RG = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg";
const SUBNET_ID = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints`;
const NSG_ID = `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg`;

/** A compliant workload subnet. */
const compliant: Record<string, unknown> = {
  resourceGroupName: "rg",
  virtualNetworkName: "vnet",
  subnetName: "workloads",
  addressPrefix: "10.0.0.0/24",
  defaultOutboundAccess: false,
  networkSecurityGroup: { id: NSG_ID },
};
/** A subnet with neither an NSG nor defaultOutboundAccess false: both policies flag it wherever they apply. */
const bare: Record<string, unknown> = {
  resourceGroupName: "rg",
  virtualNetworkName: UNKNOWN,
  subnetName: "endpoints",
  addressPrefix: "10.0.1.0/24",
};
const subnet = (props: Record<string, unknown>, name = "endpoints"): Fixture => ({
  type: SUBNET,
  name,
  props,
});
/** A private endpoint in the subnet `name`, linked as a preview links it (the ID computed from the subnet). */
const endpoint = (name: string, subnetName = "endpoints"): Fixture => ({
  type: PE,
  name,
  props: {
    resourceGroupName: "rg",
    subnet: { id: UNKNOWN },
    privateLinkServiceConnections: [{ name, privateLinkServiceId: UNKNOWN, groupIds: ["vault"] }],
  },
  propertyDependencies: { subnet: [urn(SUBNET, subnetName)] },
});
const nic: Fixture = {
  type: NIC,
  name: "vm-nic",
  props: { resourceGroupName: "rg", ipConfigurations: [{ name: "ip", subnet: { id: UNKNOWN } }] },
  propertyDependencies: { ipConfigurations: [urn(SUBNET, "endpoints")] },
};

const run = (policy: typeof nsg | typeof outbound, stack: Fixture[], config = {}) =>
  runStackPolicy(policy, stack, config);

describe.each([
  [nsg, "networkSecurityGroup", "networkSecurityGroup.id is not set"],
  [outbound, "defaultOutboundAccess", "defaultOutboundAccess is not set"],
] as const)("%s", (policy, property, finding) => {
  it("passes a compliant subnet and flags one without the property, against the subnet", async () => {
    expect((await run(policy, [subnet(compliant, "workloads")])).violations).toEqual([]);
    const result = await run(policy, [subnet(withValue(compliant, property, undefined), "workloads")]);
    expect(result.violations).toEqual([expect.stringContaining(finding)]);
    expect(result.urns).toEqual([urn(SUBNET, "workloads")]);
  });

  it("is unknown-inputs at preview, never a pass, when the property is unknown", async () => {
    const result = await run(policy, [subnet(withValue(compliant, property, UNKNOWN), "workloads")]);
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toMatch(new RegExp(`^unknown-inputs: .*workloads\\.${property}`));
  });

  it("checks the subnets inside a virtual network, reporting the failing entry", async () => {
    const vnet: Fixture = {
      type: VNET,
      name: "vnet",
      props: {
        resourceGroupName: "rg",
        subnets: [
          { name: "a", defaultOutboundAccess: false, networkSecurityGroup: { id: NSG_ID } },
          { name: "GatewaySubnet" },
          { name: "b" },
        ],
      },
    };
    const result = await run(policy, [vnet]);
    expect(result.violations).toEqual([expect.stringContaining(`subnets[2].${finding}`)]);
    expect(result.urns).toEqual([urn(VNET, "vnet")]);
  });

  it("skips platform subnets by name, and honours exemptSubnetNames", async () => {
    expect((await run(policy, [subnet({ ...bare, subnetName: "GatewaySubnet" })])).violations).toEqual([]);
    const legacy = subnet({ ...bare, subnetName: "legacy" });
    expect((await run(policy, [legacy])).violations).toHaveLength(1);
    expect((await run(policy, [legacy], { exemptSubnetNames: ["legacy"] })).violations).toEqual([]);
  });

  it("skips a subnet delegated to a service, and checks the same subnet without the delegation", async () => {
    const delegations = [{ name: "web", serviceName: "Microsoft.Web/serverFarms" }];
    expect((await run(policy, [subnet({ ...bare, delegations })])).violations).toEqual([]);
    expect((await run(policy, [subnet(bare)])).violations).toHaveLength(1);
  });

  it("still flags a subnet that holds a private endpoint and a virtual machine's NIC", async () => {
    const result = await run(policy, [subnet(bare), endpoint("kv"), nic]);
    expect(result.violations).toEqual([expect.stringContaining(finding)]);
  });

  it("still flags a subnet when the stack's private endpoints are in another subnet", async () => {
    const result = await run(policy, [
      subnet(bare),
      subnet(compliant, "workloads"),
      endpoint("kv", "workloads"),
    ]);
    expect(result.violations).toEqual([expect.stringContaining(finding)]);
  });

  it("does not let a private endpoint it cannot place make the subnet pass (unknown-inputs, then a violation)", async () => {
    const unplaced: Fixture = { ...endpoint("kv"), propertyDependencies: {} };
    const preview = await run(policy, [subnet(bare), unplaced]);
    expect(preview.violations).toEqual([]);
    expect(preview.notApplicable).toMatch(/^unknown-inputs: .*subnet\.id/);
    const update = await duringUpdate(() => run(policy, [subnet(bare), unplaced]));
    expect(update.violations.join("\n")).toContain("could not be read during the update");
  });

  it("does not let an occupant it cannot place make the subnet pass", async () => {
    const unplaced: Fixture = { ...nic, propertyDependencies: {} };
    const preview = await run(policy, [subnet(bare), endpoint("kv"), unplaced]);
    expect(preview.violations).toEqual([]);
    expect(preview.notApplicable).toMatch(/^unknown-inputs: .*ipConfigurations\.0\.subnet\.id/);
  });

  it("ignores service firewall rules that name the subnet (they place nothing in it)", async () => {
    const account: Fixture = {
      type: "azure-native:storage:StorageAccount",
      name: "data",
      props: { networkRuleSet: { virtualNetworkRules: [{ virtualNetworkResourceId: UNKNOWN }] } },
      propertyDependencies: { networkRuleSet: [urn(SUBNET, "endpoints")] },
    };
    expect((await run(policy, [subnet(bare), endpoint("kv"), account])).violations).toEqual([]);
  });

  it("never crashes on fuzzed inputs", async () => {
    for (const path of [...Object.keys(compliant), "delegations", "privateEndpointNetworkPolicies"]) {
      for (const value of FUZZ_VALUES) {
        const stack = [subnet(withValue(compliant, path, value)), endpoint("kv"), nic];
        const result = await run(policy, stack);
        expect(result.violations.join("\n"), `${path} = ${String(value)}`).not.toContain(
          "could not evaluate",
        );
      }
    }
  });
});

describe("subnets that hold only private endpoints", () => {
  it("are not asked for defaultOutboundAccess false (nothing there gets default outbound access)", async () => {
    expect((await run(outbound, [subnet(bare), endpoint("kv"), endpoint("ai")])).violations).toEqual([]);
  });

  it("are not asked for an NSG while their network policies leave NSGs off the endpoints (the default)", async () => {
    for (const setting of [undefined, "Disabled", "RouteTableEnabled"]) {
      const props = setting === undefined ? bare : { ...bare, privateEndpointNetworkPolicies: setting };
      expect((await run(nsg, [subnet(props), endpoint("kv")])).violations, String(setting)).toEqual([]);
    }
  });

  it("need an NSG when privateEndpointNetworkPolicies applies NSGs to the endpoints", async () => {
    for (const setting of ["Enabled", "NetworkSecurityGroupEnabled"]) {
      const result = await run(nsg, [
        subnet({ ...bare, privateEndpointNetworkPolicies: setting }),
        endpoint("kv"),
      ]);
      expect(result.violations, setting).toEqual([expect.stringContaining(`"${setting}" applies NSGs`)]);
    }
  });

  it("an unknown privateEndpointNetworkPolicies is unknown-inputs at preview and a violation in the update", async () => {
    const stack = [subnet({ ...bare, privateEndpointNetworkPolicies: UNKNOWN }), endpoint("kv")];
    const preview = await run(nsg, stack);
    expect(preview.violations).toEqual([]);
    expect(preview.notApplicable).toMatch(/^unknown-inputs: .*privateEndpointNetworkPolicies/);
    const update = await duringUpdate(() => run(nsg, stack));
    expect(update.violations.join("\n")).toContain("privateEndpointNetworkPolicies could not be read");
  });

  it("are recognised in the update pass by known ARM IDs, without property dependencies", async () => {
    const known = subnet({ ...bare, virtualNetworkName: "vnet", id: SUBNET_ID });
    const placed: Fixture = {
      ...endpoint("kv"),
      props: {
        ...endpoint("kv").props,
        subnet: { id: SUBNET_ID.toUpperCase() },
        privateLinkServiceConnections: [],
      },
      propertyDependencies: {},
    };
    for (const policy of [nsg, outbound]) {
      const result = await duringUpdate(() => run(policy, [known, placed]));
      expect(result, policy.name).toEqual({ violations: [], waived: [], urns: [] });
      const elsewhere = { ...placed, props: { ...placed.props, subnet: { id: `${SUBNET_ID}-other` } } };
      expect((await duringUpdate(() => run(policy, [known, elsewhere]))).violations).toHaveLength(1);
    }
  });

  it("in a virtual network, are recognised by a literal ID naming the network and the subnet", async () => {
    const vnet: Fixture = {
      type: VNET,
      name: "vnet",
      props: { resourceGroupName: "rg", virtualNetworkName: "vnet", subnets: [{ name: "endpoints" }] },
    };
    const placed: Fixture = {
      ...endpoint("kv"),
      props: { resourceGroupName: "rg", subnet: { id: SUBNET_ID } },
      propertyDependencies: {},
    };
    for (const policy of [nsg, outbound]) {
      expect((await run(policy, [vnet, placed])).violations, policy.name).toEqual([]);
      expect((await run(policy, [vnet])).violations, policy.name).toHaveLength(1);
    }
  });

  it("in a virtual network, an endpoint computed from the network is unknown-inputs (which subnet is not known)", async () => {
    const vnet: Fixture = {
      type: VNET,
      name: "vnet",
      props: { resourceGroupName: "rg", subnets: [{ name: "endpoints" }] },
    };
    const fromNetwork: Fixture = { ...endpoint("kv"), propertyDependencies: { subnet: [urn(VNET, "vnet")] } };
    const result = await run(outbound, [vnet, fromNetwork]);
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toMatch(/^unknown-inputs: /);
  });
});
