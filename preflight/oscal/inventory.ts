import type { ReportResource, ReportStack } from "../report/report-data";
import type { OscalInventoryItem, OscalSubjectReference } from "./oscal-types";
import { saiProp } from "./properties";
import { stableUuid } from "./uuid";

/**
 * The UUID of the inventory item that stands for a resource (its URN names the stack and project too).
 *
 * @param urn - the resource's URN.
 */
export function inventoryItemUuid(urn: string): string {
  return stableUuid("inventory-item", urn);
}

/**
 * A short label for a resource: its type and logical name (the last URN segment when the report does not
 * hold the resource).
 *
 * @param urn - the resource's URN.
 * @param resource - the resource, when the report holds it.
 */
export function resourceLabel(urn: string, resource: ReportResource | undefined): string {
  return resource !== undefined ? `${resource.type} ${resource.name}` : (urn.split("::").pop() ?? urn);
}

function inventoryItem(urn: string, resource: ReportResource | undefined): OscalInventoryItem {
  return {
    uuid: inventoryItemUuid(urn),
    description: `Pulumi resource ${resourceLabel(urn, resource)}.`,
    props: [
      ...saiProp("resource-urn", urn),
      ...(resource !== undefined
        ? [
            ...saiProp("resource-type", resource.type),
            ...saiProp("resource-name", resource.name),
            ...saiProp("resource-kind", resource.custom ? "custom" : "component"),
            ...(resource.parent !== undefined ? saiProp("parent-urn", resource.parent) : []),
          ]
        : []),
    ],
  };
}

/**
 * The inventory of a stack for its result's `local-definitions`: one item per resource the program
 * registered, in registration order, then one per other URN an observation names (the stack's URN when
 * the engine recorded no root resource).
 *
 * @param stack - the stack of the report.
 * @param referencedUrns - URNs observations point at.
 */
export function stackInventory(stack: ReportStack, referencedUrns: Iterable<string>): OscalInventoryItem[] {
  const known = new Set(stack.resources.map((resource) => resource.urn));
  const extra = [...new Set(referencedUrns)].filter((urn) => !known.has(urn));
  return [
    ...stack.resources.map((resource) => inventoryItem(resource.urn, resource)),
    ...extra.map((urn) => inventoryItem(urn, undefined)),
  ];
}

/**
 * The subject reference of an observation about a resource: its inventory item, titled with the type and
 * name, the URN as a prop.
 *
 * @param urn - the resource's URN.
 * @param resource - the resource, when the report holds it.
 */
export function resourceSubject(urn: string, resource: ReportResource | undefined): OscalSubjectReference {
  return {
    "subject-uuid": inventoryItemUuid(urn),
    type: "inventory-item",
    title: resourceLabel(urn, resource),
    props: saiProp("resource-urn", urn),
  };
}
