import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import type * as pulumi from "@pulumi/pulumi";
import { type AzureContext, dependingOn } from "./context";

/** Private DNS zones of the services the platform reaches privately, by the key this backend uses. */
export const PRIVATE_DNS_ZONES = {
  vault: "privatelink.vaultcore.azure.net",
  blob: "privatelink.blob.core.windows.net",
  openai: "privatelink.openai.azure.com",
  azuremlApi: "privatelink.api.azureml.ms",
  azuremlNotebooks: "privatelink.notebooks.azure.net",
} as const;

/** One of the private DNS zones above. */
export type PrivateZoneKey = keyof typeof PRIVATE_DNS_ZONES;

/** The private-link target of an endpoint. */
export interface PrivateLinkTarget {
  /** Logical name of the endpoint, unique in the platform (`key-vault`, `model-chat`). */
  name: string;
  /** Resource ID of the service. */
  resourceId: pulumi.Input<string>;
  /** Sub-resource (group ID) of the private link: `vault`, `blob`, `account`, `amlworkspace`. */
  groupId: string;
  /** Zones the endpoint's records are written to. */
  zones: readonly PrivateZoneKey[];
  /** Resources that must exist before the endpoint (the service itself is implied by its ID). */
  dependsOn?: readonly pulumi.Resource[];
}

/**
 * Creates private endpoints in the endpoint subnet and the private DNS zones they register in. A zone and
 * its VNet link are created once, on first use, so a platform only pays for the zones it needs.
 */
export class PrivateEndpoints {
  private readonly zones = new Map<PrivateZoneKey, privatedns.PrivateZone>();
  /** Every zone, link, endpoint and zone group created, for the evidence. */
  public readonly resources: pulumi.Resource[] = [];

  constructor(
    private readonly context: AzureContext,
    private readonly networkId: pulumi.Input<string>,
    private readonly subnetId: pulumi.Input<string>,
  ) {}

  private zone(key: PrivateZoneKey): privatedns.PrivateZone {
    const existing = this.zones.get(key);
    if (existing) return existing;
    const { name, resourceGroupName, tags, opts } = this.context;
    const zone = new privatedns.PrivateZone(
      `${name}-dns-${key}`,
      { resourceGroupName, privateZoneName: PRIVATE_DNS_ZONES[key], location: "global", tags },
      opts,
    );
    const link = new privatedns.VirtualNetworkLink(
      `${name}-dns-${key}-link`,
      {
        resourceGroupName,
        privateZoneName: zone.name,
        location: "global",
        registrationEnabled: false,
        virtualNetwork: { id: this.networkId },
        tags,
      },
      opts,
    );
    this.zones.set(key, zone);
    this.resources.push(zone, link);
    return zone;
  }

  /** A private endpoint to `target` with its DNS zone group. */
  add(target: PrivateLinkTarget): network.PrivateEndpoint {
    const { name, resourceGroupName, location, tags } = this.context;
    const endpoint = new network.PrivateEndpoint(
      `${name}-pe-${target.name}`,
      {
        resourceGroupName,
        location,
        subnet: { id: this.subnetId },
        privateLinkServiceConnections: [
          { name: target.name, privateLinkServiceId: target.resourceId, groupIds: [target.groupId] },
        ],
        tags,
      },
      dependingOn(this.context, target.dependsOn ?? []),
    );
    const group = new network.PrivateDnsZoneGroup(
      `${name}-pe-${target.name}-dns`,
      {
        resourceGroupName,
        privateEndpointName: endpoint.name,
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: target.zones.map((key) => ({
          name: key,
          privateDnsZoneId: this.zone(key).id,
        })),
      },
      this.context.opts,
    );
    this.resources.push(endpoint, group);
    return endpoint;
  }
}
