import type * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/gcp/compute";
import * as dns from "@pulumi/gcp/dns";
import { fitName, googleApisEndpointAddress, googleApisEndpointName } from "./names";
import type { GcpScope } from "./scope";

/** Priority of the deny-all rules: the lowest a user rule can take, so every explicit allow wins over them. */
export const DENY_ALL_PRIORITY = 65534;
/** Priority of the platform's allow rules. */
export const ALLOW_PRIORITY = 1000;
/** Google API bundle served through Private Service Connect. */
export const GOOGLE_APIS_BUNDLE = "all-apis";

/** RFC 1918 ranges. */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/** The network the platform runs in. */
export interface PlatformNetwork {
  /** Network ID (`projects/<p>/global/networks/<n>`). */
  networkId: pulumi.Input<string>;
  /** Private subnet IDs. */
  subnetIds: pulumi.Input<string>[];
  /** Address range workloads use (the platform's CIDR, or undefined for an existing network). */
  cidr?: string;
  /** Resources for evidence. */
  network?: compute.Network;
  subnet?: compute.Subnetwork;
  firewalls: compute.Firewall[];
  googleApis: compute.GlobalForwardingRule;
  resources: pulumi.Resource[];
}

/**
 * Builds a custom-mode VPC with one private regional subnet (GCP subnets span every zone of their region),
 * Private Google Access, flow logs, no route to the internet, deny-by-default firewall rules, and a Private
 * Service Connect endpoint for Google APIs with private DNS. With `network.existing`, only the firewall rules
 * and the Private Service Connect endpoint are added to the given network, and the rules apply only to the
 * platform's workload service accounts (`workloadAccounts`, emails) so that other tenants are not affected.
 */
export function buildNetwork(scope: GcpScope, workloadAccounts: pulumi.Input<string>[]): PlatformNetwork {
  const { name, spec } = scope;
  const opts = { parent: scope.parent };
  const existing = spec.network.existing;

  let network: compute.Network | undefined;
  let subnet: compute.Subnetwork | undefined;
  let networkId: pulumi.Input<string>;
  let subnetIds: pulumi.Input<string>[];
  if (existing) {
    networkId = existing.networkId;
    subnetIds = existing.subnetIds;
  } else {
    network = new compute.Network(
      `${name}-vpc`,
      {
        name: fitName([name, "vpc"], 63),
        project: scope.project,
        autoCreateSubnetworks: false,
        // No default route to the internet gateway: Google APIs are reached through Private Service Connect.
        deleteDefaultRoutesOnCreate: true,
        routingMode: "REGIONAL",
      },
      opts,
    );
    subnet = new compute.Subnetwork(
      `${name}-private`,
      {
        name: fitName([name, "private"], 63),
        project: scope.project,
        region: scope.region,
        network: network.id,
        ipCidrRange: spec.network.cidr,
        privateIpGoogleAccess: true,
        logConfig: {
          aggregationInterval: "INTERVAL_5_SEC",
          flowSampling: 1,
          metadata: "INCLUDE_ALL_METADATA",
        },
      },
      opts,
    );
    networkId = network.id;
    subnetIds = [subnet.id];
  }

  const firewalls = existing
    ? buildFirewalls(scope, networkId, undefined, workloadAccounts)
    : buildFirewalls(scope, networkId, spec.network.cidr, undefined);
  const pscAddress = new compute.GlobalAddress(
    `${name}-google-apis`,
    {
      name: fitName([name, "google-apis"], 63),
      project: scope.project,
      addressType: "INTERNAL",
      purpose: "PRIVATE_SERVICE_CONNECT",
      network: networkId,
      address: googleApisEndpointAddress(name),
    },
    opts,
  );
  const googleApis = new compute.GlobalForwardingRule(
    `${name}-google-apis`,
    {
      name: googleApisEndpointName(name),
      project: scope.project,
      target: GOOGLE_APIS_BUNDLE,
      network: networkId,
      ipAddress: pscAddress.id,
      loadBalancingScheme: "",
    },
    opts,
  );
  const dnsResources = existing ? [] : buildGoogleApisDns(scope, networkId, pscAddress);

  const resources = [network, subnet, ...firewalls, pscAddress, googleApis, ...dnsResources].filter(
    (r): r is NonNullable<typeof r> => r !== undefined,
  );
  recordNetworkEvidence(scope, { network, subnet, firewalls, googleApis, resources });
  return {
    networkId,
    subnetIds,
    cidr: existing ? undefined : spec.network.cidr,
    network,
    subnet,
    firewalls,
    googleApis,
    resources,
  };
}

/**
 * Deny-all ingress and egress at the lowest priority, plus the only egress the platform needs: HTTPS to the
 * Private Service Connect endpoint for Google APIs and to the Vertex AI endpoints inside the subnet.
 */
function buildFirewalls(
  scope: GcpScope,
  network: pulumi.Input<string>,
  cidr: string | undefined,
  targetServiceAccounts: pulumi.Input<string>[] | undefined,
): compute.Firewall[] {
  const { name } = scope;
  const opts = { parent: scope.parent };
  const logConfig = { metadata: "INCLUDE_ALL_METADATA" };
  const targets = targetServiceAccounts ? { targetServiceAccounts } : {};
  const rule = (suffix: string, args: Omit<compute.FirewallArgs, "network" | "project" | "name">) =>
    new compute.Firewall(
      `${name}-${suffix}`,
      { name: fitName([name, suffix], 63), project: scope.project, network, logConfig, ...targets, ...args },
      opts,
    );
  // Vertex AI endpoints get their Private Service Connect addresses inside the platform's subnet; in an existing
  // network the subnet ranges are not known here, so HTTPS to private (RFC 1918) ranges is allowed instead.
  const allowedDestinations = [`${googleApisEndpointAddress(name)}/32`, ...(cidr ? [cidr] : PRIVATE_RANGES)];
  return [
    rule("deny-all-ingress", {
      direction: "INGRESS",
      priority: DENY_ALL_PRIORITY,
      denies: [{ protocol: "all" }],
      sourceRanges: ["0.0.0.0/0"],
    }),
    rule("deny-all-egress", {
      direction: "EGRESS",
      priority: DENY_ALL_PRIORITY,
      denies: [{ protocol: "all" }],
      destinationRanges: ["0.0.0.0/0"],
    }),
    rule("allow-https-google-apis", {
      direction: "EGRESS",
      priority: ALLOW_PRIORITY,
      allows: [{ protocol: "tcp", ports: ["443"] }],
      destinationRanges: allowedDestinations,
    }),
  ];
}

/** Private DNS that sends `*.googleapis.com` to the Private Service Connect endpoint. */
function buildGoogleApisDns(
  scope: GcpScope,
  network: pulumi.Input<string>,
  address: compute.GlobalAddress,
): pulumi.Resource[] {
  const { name } = scope;
  const opts = { parent: scope.parent };
  const zone = new dns.ManagedZone(
    `${name}-googleapis`,
    {
      name: fitName([name, "googleapis"], 63),
      project: scope.project,
      dnsName: "googleapis.com.",
      visibility: "private",
      privateVisibilityConfig: { networks: [{ networkUrl: network }] },
      labels: scope.labels,
    },
    opts,
  );
  const apex = new dns.RecordSet(
    `${name}-googleapis-a`,
    {
      project: scope.project,
      managedZone: zone.name,
      name: "googleapis.com.",
      type: "A",
      ttl: 300,
      rrdatas: [address.address],
    },
    opts,
  );
  const wildcard = new dns.RecordSet(
    `${name}-googleapis-cname`,
    {
      project: scope.project,
      managedZone: zone.name,
      name: "*.googleapis.com.",
      type: "CNAME",
      ttl: 300,
      rrdatas: ["googleapis.com."],
    },
    opts,
  );
  return [zone, apex, wildcard];
}

function recordNetworkEvidence(
  scope: GcpScope,
  parts: Pick<PlatformNetwork, "network" | "subnet" | "firewalls" | "googleApis" | "resources">,
): void {
  const { evidence, spec } = scope;
  const existingNote = spec.network.existing
    ? "existing network: its subnets' Private Google Access, flow logs and routes are the owner's; the platform adds deny-all firewall rules and Private Service Connect"
    : undefined;
  evidence.implemented(
    "SAI-NET-01",
    [parts.network, parts.subnet, ...parts.firewalls],
    existingNote ??
      "custom-mode VPC without a default internet route, a private subnet with Private Google Access and flow logs; the platform creates no VM and no external IP",
  );
  evidence.implemented(
    "SAI-NET-02",
    [parts.googleApis],
    "Google APIs (Cloud KMS, Storage, Vertex AI) reached through a Private Service Connect endpoint",
  );
  evidence.gap(
    "SAI-NET-02",
    "no VPC Service Controls perimeter (it needs an organisation-level access policy): the Google APIs for Cloud Storage and Cloud KMS stay reachable from the internet by callers with valid credentials",
    [parts.googleApis],
  );
  evidence.implemented(
    "SAI-NET-03",
    parts.firewalls,
    `deny-all ingress and egress at priority ${DENY_ALL_PRIORITY}; only HTTPS egress to Google APIs and the subnet is allowed`,
  );
  evidence.gap(
    "SAI-NET-04",
    "Google Cloud has no subnet-level filter (network ACL or subnet NSG): the VPC firewall, enforced at every VM interface, is the one layer a project can set; add a hierarchical firewall policy at folder or organisation level for a second layer",
    parts.firewalls,
  );
}
