import * as network from "@pulumi/azure-native/network";
import type * as input from "@pulumi/azure-native/types/input";
import type * as pulumi from "@pulumi/pulumi";
import type { AzureContext } from "./context";
import { subnetCidr } from "./names";
import { PrivateEndpoints } from "./private-endpoints";

/** The platform's network: where private endpoints, workloads and the optional gateway live. */
export interface AzureNetwork {
  /** VNet resource ID. */
  networkId: pulumi.Input<string>;
  /** Subnet of the private endpoints. */
  endpointSubnetId: pulumi.Input<string>;
  /** Subnet dedicated to the Application Gateway, when the public API is on. */
  gatewaySubnetId?: pulumi.Input<string>;
  /** Creates private endpoints and their DNS records. */
  privateEndpoints: PrivateEndpoints;
  /** The VNet, when the platform created it. */
  virtualNetwork?: network.VirtualNetwork;
  /** Subnets the platform created. */
  subnets: network.Subnet[];
  /** Network security groups the platform created, one per subnet. */
  securityGroups: network.NetworkSecurityGroup[];
}

function rule(
  name: string,
  priority: number,
  direction: "Inbound" | "Outbound",
  access: "Allow" | "Deny",
  source: string,
  destination: string,
  ports: string,
): input.network.SecurityRuleArgs {
  return {
    name,
    priority,
    direction,
    access,
    protocol: ports === "*" ? "*" : "Tcp",
    sourceAddressPrefix: source,
    sourcePortRange: "*",
    destinationAddressPrefix: destination,
    destinationPortRange: ports,
  };
}

/**
 * NSG rules per subnet role. Each ends in an explicit deny-all at priority 4096, which overrides Azure's
 * default AllowVnetInBound and AllowInternetOutBound rules (priority 65000+).
 */
export const SUBNET_RULES = {
  /** Private endpoints only accept HTTPS from inside the VNet and never initiate connections. */
  endpoints: [
    rule("allow-vnet-https-in", 100, "Inbound", "Allow", "VirtualNetwork", "VirtualNetwork", "443"),
    rule("deny-all-in", 4096, "Inbound", "Deny", "*", "*", "*"),
    rule("deny-all-out", 4096, "Outbound", "Deny", "*", "*", "*"),
  ],
  /** Workloads reach private endpoints, Entra ID and Azure Monitor over HTTPS, nothing else. */
  workloads: [
    rule("deny-all-in", 4096, "Inbound", "Deny", "*", "*", "*"),
    rule("allow-vnet-https-out", 100, "Outbound", "Allow", "VirtualNetwork", "VirtualNetwork", "443"),
    rule("allow-entra-out", 110, "Outbound", "Allow", "VirtualNetwork", "AzureActiveDirectory", "443"),
    rule("allow-monitor-out", 120, "Outbound", "Allow", "VirtualNetwork", "AzureMonitor", "443"),
    rule("deny-all-out", 4096, "Outbound", "Deny", "*", "*", "*"),
  ],
  /**
   * Application Gateway v2: HTTPS from the internet, the platform's management ports from GatewayManager,
   * health probes from AzureLoadBalancer. Outbound stays open as the gateway requires it.
   */
  gateway: [
    rule("allow-https-in", 100, "Inbound", "Allow", "Internet", "*", "443"),
    rule("allow-gateway-manager-in", 110, "Inbound", "Allow", "GatewayManager", "*", "65200-65535"),
    rule("allow-load-balancer-in", 120, "Inbound", "Allow", "AzureLoadBalancer", "*", "*"),
    rule("deny-all-in", 4096, "Inbound", "Deny", "*", "*", "*"),
  ],
} as const;

/** Subnet roles, in address order: each takes a quarter of the VNet's range. */
const SUBNET_ROLES = ["endpoints", "workloads", "gateway"] as const;

/**
 * Builds the VNet (or adopts `network.existing`): subnets without default outbound access, each with a
 * deny-by-default NSG, and the private-endpoint factory with its private DNS zones.
 */
export function buildNetwork(context: AzureContext): AzureNetwork {
  const { spec, evidence, name, resourceGroupName, location, tags, opts } = context;
  const existing = spec.network.existing;
  if (existing) {
    const [endpointSubnetId, gatewaySubnetId] = existing.subnetIds;
    const privateEndpoints = new PrivateEndpoints(context, existing.networkId, endpointSubnetId);
    const why = "network.existing: the subnets' NSGs and outbound access are managed outside the platform";
    evidence.gap("SAI-NET-01", why);
    evidence.gap("SAI-NET-03", why);
    evidence.gap("SAI-NET-04", why);
    return {
      networkId: existing.networkId,
      endpointSubnetId,
      gatewaySubnetId: spec.publicApi.enabled ? gatewaySubnetId : undefined,
      privateEndpoints,
      subnets: [],
      securityGroups: [],
    };
  }

  const virtualNetwork = new network.VirtualNetwork(
    `${name}-vnet`,
    { resourceGroupName, location, addressSpace: { addressPrefixes: [spec.network.cidr] }, tags },
    // Subnets are separate resources below; inline `subnets` would fight them.
    { ...opts, ignoreChanges: ["subnets"] },
  );
  const roles = SUBNET_ROLES.filter((role) => role !== "gateway" || spec.publicApi.enabled);
  const subnets: network.Subnet[] = [];
  const securityGroups: network.NetworkSecurityGroup[] = [];
  const subnetIds: Partial<Record<(typeof SUBNET_ROLES)[number], pulumi.Output<string>>> = {};
  for (const role of roles) {
    const securityGroup = new network.NetworkSecurityGroup(
      `${name}-nsg-${role}`,
      { resourceGroupName, location, securityRules: [...SUBNET_RULES[role]], tags },
      opts,
    );
    const previous = subnets[subnets.length - 1];
    const subnet = new network.Subnet(
      `${name}-subnet-${role}`,
      {
        resourceGroupName,
        virtualNetworkName: virtualNetwork.name,
        subnetName: role,
        addressPrefix: subnetCidr(spec.network.cidr, SUBNET_ROLES.indexOf(role), 2),
        defaultOutboundAccess: false,
        networkSecurityGroup: { id: securityGroup.id },
        privateEndpointNetworkPolicies: role === "endpoints" ? "Enabled" : undefined,
      },
      // Azure rejects concurrent writes to subnets of one VNet: create them one after another.
      { ...opts, dependsOn: previous ? [previous] : [] },
    );
    subnets.push(subnet);
    securityGroups.push(securityGroup);
    subnetIds[role] = subnet.id;
  }

  const endpointSubnetId = subnetIds.endpoints as pulumi.Output<string>;
  const privateEndpoints = new PrivateEndpoints(context, virtualNetwork.id, endpointSubnetId);
  evidence.implemented(
    "SAI-NET-01",
    [virtualNetwork, ...subnets],
    "subnets have no default outbound access and no resource of the platform has a public IP except the optional Application Gateway",
  );
  evidence.implemented(
    "SAI-NET-03",
    securityGroups,
    "each NSG ends in explicit deny-all rules (priority 4096)",
  );
  evidence.implemented("SAI-NET-04", [...securityGroups, ...subnets], "an NSG is attached to every subnet");
  return {
    networkId: virtualNetwork.id,
    endpointSubnetId,
    gatewaySubnetId: subnetIds.gateway,
    privateEndpoints,
    virtualNetwork,
    subnets,
    securityGroups,
  };
}
