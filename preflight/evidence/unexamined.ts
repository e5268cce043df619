/**
 * What the preflight could not examine in a stack, and why:
 * - `remote-component`: a component a provider plugin builds (`remote: true` in its registration, e.g.
 *   awsx, eks); its children exist only where the plugin runs, so an offline run never sees them;
 * - `no-policy`: a cloud resource of a type no policy of any pack looked at;
 * - `unknown-inputs`: a policy looked at the resource but could not read values it needed (unknown during
 *   preview), and no pass examined it with them known.
 */
import type { Examination, RecordedResource } from "../model";

/** Why a resource was not examined. */
export type UnexaminedReason = "remote-component" | "no-policy" | "unknown-inputs";

/** One resource the preflight could not examine. */
export interface UnexaminedResource {
  urn: string;
  type: string;
  reason: UnexaminedReason;
  /** For `unknown-inputs`: which policies could not read what. */
  detail?: string;
}

/** Type tokens that are never examined by design: the stack itself and provider resources. */
function isInfrastructure(resource: RecordedResource): boolean {
  return resource.type === "pulumi:pulumi:Stack" || resource.type.startsWith("pulumi:providers:");
}

/**
 * Lists the resources of a stack that were not examined, in registration order.
 *
 * @param resources - the stack's resources (of the pass whose inputs the report shows).
 * @param examinations - every examination of every pass.
 */
export function findUnexamined(
  resources: readonly RecordedResource[],
  examinations: readonly Examination[],
): UnexaminedResource[] {
  const examinedTypes = new Set(examinations.map((examination) => examination.type));
  const knownPairs = new Set(
    examinations
      .filter((examination) => examination.outcome === "examined")
      .map((examination) => `${examination.urn}\u0000${examination.policy}`),
  );
  const unknownByUrn = new Map<string, string[]>();
  for (const examination of examinations) {
    if (examination.outcome !== "unknown-inputs") {
      continue;
    }
    if (knownPairs.has(`${examination.urn}\u0000${examination.policy}`)) {
      continue;
    }
    const details = unknownByUrn.get(examination.urn) ?? [];
    const detail = `${examination.policy} could not read ${examination.detail || "its inputs"}`;
    if (!details.includes(detail)) {
      details.push(detail);
    }
    unknownByUrn.set(examination.urn, details);
  }
  const unexamined: UnexaminedResource[] = [];
  for (const resource of resources) {
    if (resource.remote === true) {
      unexamined.push({ urn: resource.urn, type: resource.type, reason: "remote-component" });
    } else if (!resource.custom || isInfrastructure(resource)) {
      continue;
    } else if (!examinedTypes.has(resource.type)) {
      unexamined.push({ urn: resource.urn, type: resource.type, reason: "no-policy" });
    } else if (unknownByUrn.has(resource.urn)) {
      unexamined.push({
        urn: resource.urn,
        type: resource.type,
        reason: "unknown-inputs",
        detail: unknownByUrn.get(resource.urn)!.join("; "),
      });
    }
  }
  return unexamined;
}

/**
 * The plain sentence the text, Markdown and HTML reports print above the verdict, or undefined when every
 * resource was examined: `3 resources were not examined: 1 remote component awsx:ec2:Vpc whose children an
 * offline run cannot see, 2 aws:rds/instance:Instance that no policy covers.`
 *
 * @param unexamined - the stack's unexamined resources.
 * @param maxGroups - how many (reason, type) groups to name before summing up the rest. @default 6
 */
export function unexaminedSentence(
  unexamined: readonly UnexaminedResource[],
  maxGroups = 6,
): string | undefined {
  if (unexamined.length === 0) {
    return undefined;
  }
  const groups = new Map<string, { reason: UnexaminedReason; type: string; count: number }>();
  for (const entry of unexamined) {
    const key = `${entry.reason}\u0000${entry.type}`;
    const group = groups.get(key) ?? { reason: entry.reason, type: entry.type, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  const order: UnexaminedReason[] = ["remote-component", "unknown-inputs", "no-policy"];
  const parts = [...groups.values()]
    .sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason) || a.type.localeCompare(b.type))
    .map(({ reason, type, count }) => {
      switch (reason) {
        case "remote-component":
          return `${count} remote component${count === 1 ? "" : "s"} ${type} whose children an offline run cannot see`;
        case "unknown-inputs":
          return `${count} ${type} whose inputs a policy needed were unknown`;
        case "no-policy":
          return `${count} ${type} that no policy covers`;
      }
    });
  const total = unexamined.length;
  const shown = parts.slice(0, maxGroups);
  if (parts.length > maxGroups) {
    const rest = [...groups.values()]
      .sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason) || a.type.localeCompare(b.type))
      .slice(maxGroups)
      .reduce((sum, group) => sum + group.count, 0);
    shown.push(`${rest} more of ${parts.length - maxGroups} other types (listed in the JSON report)`);
  }
  return `${total} resource${total === 1 ? " was" : "s were"} not examined: ${shown.join(", ")}.`;
}
