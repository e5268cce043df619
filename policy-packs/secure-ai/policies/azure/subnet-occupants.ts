/**
 * What an Azure subnet of the stack holds, correlated in the stack: only private endpoints, something else,
 * or undetermined (a reference the policy cannot resolve yet). The subnet policies use it to spare subnets
 * that hold only private endpoints the findings that only make sense where workloads run (see
 * `network-subnet-require-nsg.ts` and `network-subnet-disallow-default-outbound-access.ts` for the rules and
 * their sources).
 *
 * A resource refers to a subnet through a "subnet slot": a value at a path with a key that names a subnet
 * (`subnet.id` of a private endpoint or an IP configuration, `vnetSubnetID`, `virtualNetworkSubnetId`, ...).
 * Paths under service firewall rules (`virtualNetworkRules`, `networkAcls`, `networkRuleSet`) only allow a
 * subnet's traffic in, and `subnets` lists are back-references (an NSG's or route table's output): they
 * place nothing in the subnet, so they are not slots. A slot refers to the subnet when its value came from
 * the subnet (property dependencies, preview) or equals the subnet's known ID or ends in its
 * `/virtualNetworks/<network>/subnets/<name>` (update, or literal IDs); anything that could still be the
 * subnet is "maybe", and every "maybe" is noted as an unknown value in the open observation, so a verdict
 * resting on it becomes `unknown-inputs` in preview and a violation in the update pass, never a pass.
 * Resources the program does not declare (created outside the stack) are not seen.
 */
import type { PolicyResource } from "@pulumi/policy";
import { get, knownArray, knownString, type StackView } from "../lib";
import { noteUnknown } from "../lib/observe";
import { UNKNOWN_SENTINELS } from "../lib/sdk-internals";
import { AZURE } from "./types";

/** One subnet of the stack: a Subnet resource, or an entry of a VirtualNetwork's `subnets`. */
export interface SubnetRef {
  /** The resource findings are reported against. */
  resource: PolicyResource;
  /** The subnet's properties (the resource's props, or its entry in `subnets`). */
  subnet: unknown;
  /** Prefix of the subnet's paths in messages (`""` or `subnets[2].`). */
  where: string;
  /** The subnet's name as Azure sees it, when known. */
  name: string | undefined;
  /** Whether the subnet is inline in a VirtualNetwork (dependencies on the network do not single it out). */
  inline: boolean;
}

/** Every subnet the stack declares. */
export function subnetsOf(stack: StackView): SubnetRef[] {
  const refs: SubnetRef[] = stack.ofType(AZURE.subnet).map((resource) => ({
    resource,
    subnet: resource.props,
    where: "",
    name: knownString(get(resource.props, "subnetName")) ?? knownString(get(resource.props, "name")),
    inline: false,
  }));
  for (const resource of stack.ofType(AZURE.virtualNetwork)) {
    knownArray(get(resource.props, "subnets")).forEach((subnet, index) =>
      refs.push({
        resource,
        subnet,
        where: `subnets[${index}].`,
        name: knownString(get(subnet, "name")),
        inline: true,
      }),
    );
  }
  return refs;
}

/** What a subnet holds, as far as the stack shows. */
export type Occupancy = "private-endpoints-only" | "other" | "undetermined";

type Link = "yes" | "no" | "maybe";

const SUBNET_KEY = /subnet/i;
// Service firewall rules allow a subnet's traffic in; `subnets` lists are back-references of what a subnet
// is associated with (a network security group's, route table's or NAT gateway's `subnets` output).
const NOT_A_PLACEMENT = new Set(["virtualNetworkRules", "networkAcls", "networkRuleSet", "subnets"]);
/** Resource types whose subnet-named properties declare subnets rather than place something in one. */
const DECLARING_TYPES = new Set<string>([AZURE.subnet, AZURE.virtualNetwork]);

/** A raw own property (no proxy trap, no observation): the walker below only looks for slots. */
function rawChild(container: unknown, key: string | number): unknown {
  if (typeof container !== "object" || container === null) {
    return undefined;
  }
  return Object.getOwnPropertyDescriptor(container, key)?.value;
}

/** Paths of the string (or unknown) values under a key naming a subnet, outside firewall rules. */
function slotsOf(props: unknown): (string | number)[][] {
  const slots: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[], named: boolean, depth: number) => {
    if (depth > 10 || value === null || value === undefined) {
      return;
    }
    if (typeof value === "string") {
      if (named) {
        slots.push(path);
      }
      return;
    }
    if (typeof value !== "object") {
      return;
    }
    const keys: (string | number)[] = Array.isArray(value)
      ? value.map((_item, index) => index)
      : Object.keys(value);
    for (const key of keys) {
      if (typeof key === "string" && NOT_A_PLACEMENT.has(key)) {
        continue;
      }
      const nowNamed = named || (typeof key === "string" && SUBNET_KEY.test(key));
      walk(rawChild(value, key), [...path, key], nowNamed, depth + 1);
    }
  };
  walk(props, [], false, 0);
  return slots;
}

/** The raw value at `path` (no observation). */
function rawAt(props: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((value, key) => (isUnknownRaw(value) ? value : rawChild(value, key)), props);
}

function isUnknownRaw(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** Ways to recognise the subnet's ID: the ID itself, or `/virtualnetworks/<network>/subnets/<name>`. */
function identityOf(ref: SubnetRef): { id?: string; suffix?: string } {
  const id = rawChild(ref.subnet, "id");
  if (typeof id === "string" && !isUnknownRaw(id)) {
    return { id: id.toLowerCase() };
  }
  const networkRaw = ref.inline
    ? (rawChild(ref.resource.props, "virtualNetworkName") ?? rawChild(ref.resource.props, "name"))
    : rawChild(ref.subnet, "virtualNetworkName");
  const network = typeof networkRaw === "string" && !isUnknownRaw(networkRaw) ? networkRaw : undefined;
  return network === undefined || ref.name === undefined
    ? {}
    : { suffix: `/virtualnetworks/${network.toLowerCase()}/subnets/${ref.name.toLowerCase()}` };
}

/** Notes the value a "maybe" rests on as unknown, so a verdict resting on it cannot pass silently. */
function maybe(container: unknown, path: (string | number)[]): Link {
  noteUnknown(container, path);
  return "maybe";
}

/** Whether the value at `path` of `resource` refers to the subnet. */
function linkOf(resource: PolicyResource, path: (string | number)[], ref: SubnetRef): Link {
  const sources = resource.propertyDependencies?.[String(path[0])];
  const fromSubnet = Array.isArray(sources) && sources.some((source) => source.urn === ref.resource.urn);
  const fromElsewhere = Array.isArray(sources) && sources.length > 0 && !fromSubnet;
  const raw = rawAt(resource.props, path);
  if (typeof raw !== "string" || fromElsewhere) {
    return "no";
  }
  if (isUnknownRaw(raw)) {
    // Computed from the subnet (a Subnet resource: it is that subnet), from nothing the engine can name,
    // or from the network that holds several inline subnets.
    return fromSubnet && !ref.inline ? "yes" : maybe(resource.props, path);
  }
  const { id, suffix } = identityOf(ref);
  if (id !== undefined) {
    return id === raw.toLowerCase() ? "yes" : "no";
  }
  if (suffix !== undefined) {
    return raw.toLowerCase().endsWith(suffix) ? "yes" : "no";
  }
  // A known value and a subnet whose ID and names are computed: a literal cannot name it, a value computed
  // from it can (a Subnet resource: it is that subnet; a network: one of its subnets).
  if (!fromSubnet) {
    return "no";
  }
  return ref.inline ? maybe(ref.subnet, ["id"]) : "yes";
}

const rank: Record<Link, number> = { no: 0, maybe: 1, yes: 2 };
const strongest = (links: readonly Link[]): Link =>
  links.reduce<Link>((best, link) => (rank[link] > rank[best] ? link : best), "no");

/** Slots per resource, computed once per validation. */
export type SlotCache = Map<string, (string | number)[][]>;

/**
 * What the subnet holds: only private endpoints when at least one private endpoint of the stack is in it
 * and no other resource is; "other" when something else is in it or no private endpoint is; otherwise
 * "undetermined".
 */
export function occupancyOf(ref: SubnetRef, stack: StackView, cache: SlotCache): Occupancy {
  const endpoints = stack.ofType(AZURE.privateEndpoint);
  if (endpoints.length === 0) {
    return "other";
  }
  const others: Link[] = [];
  for (const resource of stack.resources) {
    if (resource.type === AZURE.privateEndpoint || DECLARING_TYPES.has(resource.type)) {
      continue;
    }
    let slots = cache.get(resource.urn);
    if (slots === undefined) {
      slots = slotsOf(resource.props);
      cache.set(resource.urn, slots);
    }
    for (const slot of slots) {
      const link = linkOf(resource, slot, ref);
      if (link === "yes") {
        return "other";
      }
      others.push(link);
    }
  }
  const inside = strongest(endpoints.map((endpoint) => linkOf(endpoint, ["subnet", "id"], ref)));
  if (inside === "no") {
    return "other";
  }
  return inside === "yes" && strongest(others) === "no" ? "private-endpoints-only" : "undetermined";
}
