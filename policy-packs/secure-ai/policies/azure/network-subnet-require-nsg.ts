import { defineResourcePolicy, get, knownArray, knownString, requireSet, stringListOption } from "../lib";
import { AZURE } from "./types";

/** Every subnet has a network security group, so traffic is filtered at the subnet. */
export const azureNetworkSubnetRequireNsg = defineResourcePolicy({
  name: "azure-network-subnet-require-nsg",
  cloud: "azure",
  controls: ["SAI-NET-04"],
  description:
    "Subnets (Subnet resources and VirtualNetwork subnets) set networkSecurityGroup.id, so traffic is filtered at the subnet; the subnets in exemptSubnetNames, where Azure does not support an NSG, are not checked, nor are subnets delegated to a service.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.subnet, AZURE.virtualNetwork],
  tags: ["network"],
  config: {
    exemptSubnetNames: stringListOption({
      // An NSG on these subnets is unsupported or breaks the service: the built-in Azure Policy "Gateway
      // subnets should not be configured with a network security group" (35f9c03a-cc27-418e-9c0c-539ff999d010);
      // https://learn.microsoft.com/azure/firewall/firewall-faq (AzureFirewallSubnet, AzureFirewallManagementSubnet);
      // https://learn.microsoft.com/azure/route-server/route-server-faq (RouteServerSubnet).
      default: ["GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet"],
      description: "Subnet names (as Azure sees them) that cannot take a network security group.",
    }),
  },
  validate: ({ type, props }, { config, report }) => {
    const subnets =
      type === AZURE.subnet
        ? [
            {
              where: "",
              subnet: props,
              name: knownString(get(props, "subnetName")) ?? knownString(get(props, "name")),
            },
          ]
        : knownArray(get(props, "subnets")).map((subnet, index) => ({
            where: `subnets[${index}].`,
            subnet,
            name: knownString(get(subnet, "name")),
          }));
    for (const { where, subnet, name } of subnets) {
      if (name !== undefined && config.exemptSubnetNames.includes(name)) {
        continue;
      }
      // A delegated subnet hosts only the service it is delegated to (App Service integration, a flexible
      // server...), which manages its own traffic: https://learn.microsoft.com/azure/virtual-network/subnet-delegation-overview
      if (knownArray(get(subnet, "delegations")).length > 0) {
        continue;
      }
      requireSet(
        subnet,
        ["networkSecurityGroup", "id"],
        (message) => report(`${where}${message}`),
        "the subnet has no network security group, so nothing filters traffic at the subnet",
      );
    }
  },
});
