/**
 * Stand-ins for the declared properties a cloud's table does not know, chosen by the property's name and
 * declared shape: e-mails, links, endpoints, IDs and timestamps look like the cloud's, other strings name
 * the resource and property they stand for, and numbers, booleans, lists and maps get neutral values.
 */
import type { DeclaredProperty } from "./declared-properties";
import { hexOf, kebab, uuidOf } from "./names";

/** What the generic rules know about the resource. */
export interface PropertyContext {
  /** `aws`, `gcp`, `azure-native`, or another package name. */
  cloud: string;
  /** The resource's provider ID and physical name. */
  id: string;
  physicalName: string;
  /** The resource's inputs. */
  inputs: Record<string, unknown>;
  /** A fixed instant for timestamps (stable reports). */
  timestamp: string;
  /** Location the resource lives in. */
  region: string;
}

/** Labels/tags outputs that providers compute from the inputs' labels/tags. */
const EFFECTIVE_TAGS: Readonly<Record<string, string>> = {
  tagsAll: "tags",
  effectiveLabels: "labels",
  terraformLabels: "labels",
  pulumiLabels: "labels",
  effectiveAnnotations: "annotations",
};

/**
 * A stand-in for one declared property, or `undefined` to leave it unset.
 *
 * @param property - the declared property.
 * @param context - the resource it belongs to.
 */
export function standInFor(property: DeclaredProperty, context: PropertyContext): unknown {
  const { name, shape } = property;
  const source = EFFECTIVE_TAGS[name];
  if (source !== undefined) {
    const value = context.inputs[source];
    return typeof value === "object" && value !== null ? value : {};
  }
  switch (shape) {
    case "string":
      return stringStandIn(name, context);
    case "number":
      return 0;
    case "boolean":
      return false;
    case "string-list":
    case "list":
      return [];
    case "map":
    case "object":
      return {};
  }
}

function stringStandIn(name: string, context: PropertyContext): string {
  const seed = [context.id, name];
  const lower = name.toLowerCase();
  if (name === "id") {
    return context.id;
  }
  if (name === "name") {
    return context.physicalName;
  }
  if (/(time|timestamp|date)$/i.test(name) || /^(created|updated|modified)(at|on)?$/i.test(name)) {
    return context.timestamp;
  }
  if (lower === "etag" || lower.endsWith("fingerprint") || lower.endsWith("hash") || lower === "version") {
    return hexOf(16, ...seed);
  }
  if (name === "region" || name === "location") {
    return context.region;
  }
  if (
    context.cloud === "azure-native" &&
    /(principalid|clientid|objectid|tenantid|customerid|guid)$/i.test(name)
  ) {
    return uuidOf(...seed);
  }
  if (name === "azureApiVersion") {
    return "2024-01-01";
  }
  if (/(url|uri|endpoint|selflink)$/i.test(name)) {
    return `https://${context.physicalName.toLowerCase()}.${kebab(name)}.example.invalid/`;
  }
  if (/(dnsname|hostname|domainname|fqdn)$/i.test(name)) {
    return `${context.physicalName.toLowerCase()}.${kebab(name)}.example.invalid`;
  }
  return `${context.physicalName}-${kebab(name)}`;
}
