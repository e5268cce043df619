import { defineResourcePolicy, get, knownArray, knownString, requireBoolean, stringListOption } from "../lib";
import { AZURE } from "./types";

/** Subnets of a virtual network get no implicit outbound internet address. */
export const azureNetworkSubnetDisallowDefaultOutboundAccess = defineResourcePolicy({
  name: "azure-network-subnet-disallow-default-outbound-access",
  cloud: "azure",
  controls: ["SAI-NET-01"],
  description:
    "Subnets (Subnet resources and VirtualNetwork subnets) set defaultOutboundAccess false, so VMs get no implicit public outbound IP; it can only be chosen when the subnet is created. Platform subnets in exemptSubnetNames are not checked, nor are subnets delegated to a service.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.subnet, AZURE.virtualNetwork],
  tags: ["network"],
  config: {
    exemptSubnetNames: stringListOption({
      default: [
        "GatewaySubnet",
        "AzureFirewallSubnet",
        "AzureFirewallManagementSubnet",
        "AzureBastionSubnet",
        "RouteServerSubnet",
      ],
      description:
        "Subnet names (as Azure sees them) that Azure platform services manage and that are not checked.",
    }),
  },
  validate: ({ type, props }, { config, report }) => {
    const subnets =
      type === AZURE.subnet
        ? [
            {
              where: [] as string[],
              subnet: props,
              name: knownString(get(props, "subnetName")) ?? knownString(get(props, "name")),
            },
          ]
        : knownArray(get(props, "subnets")).map((subnet, index) => ({
            where: [`subnets[${index}]`],
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
      requireBoolean(subnet, ["defaultOutboundAccess"], false, true, (message) =>
        report(where.length === 0 ? message : `${where[0]}.${message}`),
      );
    }
  },
});
