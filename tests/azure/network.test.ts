import { beforeAll, describe, expect, it } from "vitest";
import { subnetCidr } from "../../components/azure/names";
import {
  type BuiltPlatform,
  buildAzure,
  installAzureMocks,
  type RecordedResource,
} from "../helpers/azure-mocks";
import { bankArgs } from "./fixtures";

const SUBNET = "azure-native:network:Subnet";
const NSG = "azure-native:network:NetworkSecurityGroup";
const PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";
const ZONE = "azure-native:privatedns:PrivateZone";
const LINK = "azure-native:privatedns:VirtualNetworkLink";
const ZONE_GROUP = "azure-native:network:PrivateDnsZoneGroup";

let bank: BuiltPlatform;

beforeAll(async () => {
  await installAzureMocks();
  bank = await buildAzure("bank", bankArgs({ network: { cidr: "10.50.0.0/20" } }));
});

/** Every `publicNetworkAccess*` value found anywhere in a resource's inputs. */
function publicAccessValues(resource: RecordedResource): unknown[] {
  const found: unknown[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key.startsWith("publicNetworkAccess") && key !== "publicNetworkAccessForQuery") found.push(inner);
        walk(inner);
      }
    }
  };
  walk(resource.inputs);
  return found;
}

describe("Azure network", () => {
  it("splits the VNet into subnets without default outbound access, each with its NSG", () => {
    const subnets = bank.ofType(SUBNET);
    expect(subnets.map((s) => [s.inputs.subnetName, s.inputs.addressPrefix])).toEqual([
      ["endpoints", "10.50.0.0/22"],
      ["workloads", "10.50.4.0/22"],
    ]);
    for (const subnet of subnets) {
      expect(subnet.inputs.defaultOutboundAccess).toBe(false);
      expect((subnet.inputs.networkSecurityGroup as { id: string }).id).toMatch(/bank-nsg-/);
    }
    expect(subnets[0].inputs.privateEndpointNetworkPolicies).toBe("Enabled");
    expect(subnets[1].dependsOn).toEqual(["bank-subnet-endpoints"]);
  });

  it("ends every NSG in explicit deny-all rules", () => {
    for (const nsg of bank.ofType(NSG)) {
      const rules = nsg.inputs.securityRules as {
        direction: string;
        access: string;
        priority: number;
        sourceAddressPrefix: string;
        destinationAddressPrefix: string;
      }[];
      const denyIn = rules.find((r) => r.direction === "Inbound" && r.priority === 4096);
      expect(denyIn).toMatchObject({
        access: "Deny",
        sourceAddressPrefix: "*",
        destinationAddressPrefix: "*",
      });
      expect(rules.filter((r) => r.access === "Allow" && r.sourceAddressPrefix === "Internet")).toEqual([]);
    }
    const endpointRules = bank.named(NSG, "bank-nsg-endpoints").inputs.securityRules as {
      direction: string;
      access: string;
    }[];
    expect(endpointRules.filter((r) => r.direction === "Outbound")).toEqual([
      expect.objectContaining({ access: "Deny", priority: 4096 }),
    ]);
  });

  it("reaches Key Vault, storage and the model services through private endpoints with DNS", () => {
    const groups = Object.fromEntries(
      bank
        .ofType(PRIVATE_ENDPOINT)
        .map((pe) => [
          pe.name,
          (pe.inputs.privateLinkServiceConnections as { groupIds: string[] }[])[0].groupIds[0],
        ]),
    );
    expect(groups).toEqual({
      "bank-pe-key-vault": "vault",
      "bank-pe-storage-datasets": "blob",
      "bank-pe-storage-artifacts": "blob",
      "bank-pe-storage-audit-logs": "blob",
      "bank-pe-model-advisor": "account",
      "bank-pe-model-forecaster": "amlworkspace",
      "bank-pe-openai-key-vault": "vault",
      "bank-pe-ml-forecaster-store": "blob",
      "bank-pe-ml-forecaster-secrets": "vault",
    });
    expect(
      bank
        .ofType(ZONE)
        .map((z) => z.inputs.privateZoneName)
        .sort(),
    ).toEqual([
      "privatelink.api.azureml.ms",
      "privatelink.blob.core.windows.net",
      "privatelink.notebooks.azure.net",
      "privatelink.openai.azure.com",
      "privatelink.vaultcore.azure.net",
    ]);
    expect(bank.ofType(LINK)).toHaveLength(5);
    for (const link of bank.ofType(LINK)) {
      expect(link.inputs).toMatchObject({
        registrationEnabled: false,
        virtualNetwork: { id: bank.outputs.networkId },
      });
    }
    expect(bank.ofType(ZONE_GROUP)).toHaveLength(9);
  });

  it("has no public endpoint anywhere when the public API is off", () => {
    for (const resource of bank.resources) {
      for (const value of publicAccessValues(resource))
        expect([resource.name, value]).toEqual([resource.name, "Disabled"]);
    }
    expect(bank.ofType("azure-native:network:PublicIPAddress")).toEqual([]);
    expect(bank.ofType("azure-native:network:ApplicationGateway")).toEqual([]);
    expect(bank.outputs.publicEndpoint).toBeUndefined();
    expect(bank.control("SAI-NET-05").status).toBe("not-applicable");
  });

  it("adopts an existing network without creating one, and reports its NSGs as not managed", async () => {
    const existing = await buildAzure(
      "byo",
      bankArgs({
        network: {
          existing: {
            networkId:
              "/subscriptions/x/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/spoke",
            subnetIds: [
              "/subscriptions/x/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/spoke/subnets/pe",
            ],
          },
        },
      }),
    );
    expect(existing.ofType("azure-native:network:VirtualNetwork")).toEqual([]);
    expect(existing.ofType(SUBNET)).toEqual([]);
    expect((existing.ofType(PRIVATE_ENDPOINT)[0].inputs.subnet as { id: string }).id).toMatch(/subnets\/pe$/);
    expect(existing.control("SAI-NET-04").status).toBe("gap");
  });
});

describe("subnetCidr", () => {
  it("takes equal slices of the range", () => {
    expect(subnetCidr("10.40.0.0/16", 0, 2)).toBe("10.40.0.0/18");
    expect(subnetCidr("10.40.0.0/16", 2, 2)).toBe("10.40.128.0/18");
    expect(subnetCidr("192.168.10.0/24", 3, 2)).toBe("192.168.10.192/26");
    expect(() => subnetCidr("10.0.0.0/28", 0, 2)).toThrow(RangeError);
    expect(() => subnetCidr("10.0.0.0/16", 4, 2)).toThrow(RangeError);
  });
});
