import { defineStackPolicy, get, knownArray, knownString, requireSet, stringListOption } from "../lib";
import { occupancyOf, subnetsOf, type SlotCache } from "./subnet-occupants";
import { AZURE } from "./types";

/**
 * The `privateEndpointNetworkPolicies` values under which a subnet's network security group applies to its
 * private endpoints. Microsoft: "By default, network policies are disabled for a subnet in a virtual
 * network. To use network policies like user-defined routes and network security group support, network
 * policy support must be enabled for the subnet. This setting only applies to private endpoints in the
 * subnet" (https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy); values
 * Enabled, Disabled, NetworkSecurityGroupEnabled, RouteTableEnabled (enum
 * VirtualNetworkPrivateEndpointNetworkPolicies of @pulumi/azure-native 3.28, types/enums/network).
 */
const NSG_APPLIES_TO_ENDPOINTS = new Set(["enabled", "networksecuritygroupenabled"]);

/**
 * Every subnet has a network security group, so traffic is filtered at the subnet; a subnet that holds only
 * private endpoints needs one only when its network policies apply NSGs to them (otherwise an NSG there
 * filters nothing).
 */
export const azureNetworkSubnetRequireNsg = defineStackPolicy({
  name: "azure-network-subnet-require-nsg",
  cloud: "azure",
  controls: ["SAI-NET-04"],
  description:
    'Subnets (Subnet resources and VirtualNetwork subnets) set networkSecurityGroup.id, so traffic is filtered at the subnet; the subnets in exemptSubnetNames, where Azure does not support an NSG, are not checked, nor are subnets delegated to a service, nor subnets that hold only private endpoints of the stack unless their privateEndpointNetworkPolicies ("Enabled" or "NetworkSecurityGroupEnabled") applies NSGs to those endpoints.',
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
      requireSet(
        subnet,
        ["networkSecurityGroup", "id"],
        (message) => findings.push(`${where}${message}`),
        "the subnet has no network security group, so nothing filters traffic at the subnet",
      );
      if (findings.length === 0) {
        continue;
      }
      const occupancy = occupancyOf(ref, stack, cache);
      if (occupancy === "other") {
        findings.forEach((message) => report(message, resource));
        continue;
      }
      const policies = get(subnet, "privateEndpointNetworkPolicies");
      const applies = NSG_APPLIES_TO_ENDPOINTS.has(knownString(policies)?.toLowerCase() ?? "");
      if (applies) {
        report(
          `${findings[0]}; its privateEndpointNetworkPolicies "${knownString(policies) ?? ""}" applies NSGs to its private endpoints, but none is attached`,
          resource,
        );
      }
      // Otherwise exempt (only private endpoints, where an NSG filters nothing), or resting on an unknown
      // value (the occupants or the setting), which `get` / occupancyOf noted: unknown-inputs in preview, a
      // violation in the update pass.
    }
  },
});
