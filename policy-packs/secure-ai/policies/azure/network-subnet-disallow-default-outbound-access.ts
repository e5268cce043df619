import { defineStackPolicy, get, knownArray, requireBoolean, stringListOption } from "../lib";
import { occupancyOf, subnetsOf, type SlotCache } from "./subnet-occupants";
import { AZURE } from "./types";

/**
 * Subnets of a virtual network get no implicit outbound internet address. Default outbound access is what
 * Azure gives a virtual machine deployed without an explicit outbound method
 * (https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access); a private
 * endpoint is a network interface that brings a service into the network and that clients connect to
 * (https://learn.microsoft.com/azure/private-link/private-endpoint-overview), so a subnet holding only
 * private endpoints has nothing the setting applies to.
 */
export const azureNetworkSubnetDisallowDefaultOutboundAccess = defineStackPolicy({
  name: "azure-network-subnet-disallow-default-outbound-access",
  cloud: "azure",
  controls: ["SAI-NET-01"],
  description:
    "Subnets (Subnet resources and VirtualNetwork subnets) set defaultOutboundAccess false, so VMs get no implicit public outbound IP; it can only be chosen when the subnet is created. Platform subnets in exemptSubnetNames are not checked, nor are subnets delegated to a service, nor subnets that hold only private endpoints of the stack.",
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
  validate: (stack, { config, report }) => {
    const cache: SlotCache = new Map();
    for (const ref of subnetsOf(stack)) {
      const { subnet, where, name, resource } = ref;
      if (name !== undefined && config.exemptSubnetNames.includes(name)) {
        continue;
      }
      // A delegated subnet hosts only the service it is delegated to (App Service integration, a flexible
      // server...), which manages its own traffic: https://learn.microsoft.com/azure/virtual-network/subnet-delegation-overview
      if (knownArray(get(subnet, "delegations")).length > 0) {
        continue;
      }
      const findings: string[] = [];
      requireBoolean(subnet, ["defaultOutboundAccess"], false, true, (message) =>
        findings.push(`${where}${message}`),
      );
      // Only private endpoints: exempt; undetermined: resting on values occupancyOf noted as unknown.
      if (findings.length > 0 && occupancyOf(ref, stack, cache) === "other") {
        findings.forEach((message) => report(message, resource));
      }
    }
  },
});
