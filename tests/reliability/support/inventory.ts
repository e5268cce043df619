/**
 * A built platform as the engine recorded it, with lookups for the nothing-lost tests: resources by type
 * token, by logical name, and the resources whose inputs were computed from another one.
 */
import type { RecordedResource } from "../../../preflight/model";
import type { ControlEvidenceOutput } from "../../../components/evidence";
import { PLATFORM_TYPE } from "../../../components/platform";
import type { SecureAiPlatformArgs } from "../../../components/spec/args";
import { capturePlatform } from "./capture";

/** Lookups over one recorded build. */
export interface Inventory {
  resources: RecordedResource[];
  ofType(type: string): RecordedResource[];
  /** The one resource with this logical name (throws otherwise). */
  named(name: string): RecordedResource;
  /** Resources whose `property` input came from `target` (engine property dependencies). */
  pointingAt(target: RecordedResource, property: string, type: string): RecordedResource[];
  /** The platform's control evidence (its registered `controls` output). */
  controls: ControlEvidenceOutput[];
}

/** Builds `args` under the preview mock engine and indexes what it registered. */
export async function inventoryOf(name: string, args: SecureAiPlatformArgs): Promise<Inventory> {
  const { resources, componentOutputs } = await capturePlatform(name, args);
  const platformUrn = resources.find((resource) => resource.type === PLATFORM_TYPE)?.urn ?? "";
  return {
    controls: (componentOutputs[platformUrn]?.controls ?? []) as unknown as ControlEvidenceOutput[],
    resources,
    ofType: (type) => resources.filter((resource) => resource.type === type),
    named: (logical) => {
      const found = resources.filter((resource) => resource.name === logical);
      if (found.length !== 1)
        throw new Error(`expected one resource named ${logical}, found ${found.length}`);
      return found[0] as RecordedResource;
    },
    pointingAt: (target, property, type) =>
      resources.filter(
        (resource) =>
          resource.type === type && (resource.propertyDependencies[property] ?? []).includes(target.urn),
      ),
  };
}

/** The datasets every nothing-lost build carries: one with personal data, one without. */
export const NOTHING_LOST_WORKLOADS = {
  models: [{ name: "chat", sensitivity: "high" }, { name: "summarize" }],
  datasets: [{ name: "people", personalData: true, retentionDays: 30 }, { name: "docs" }],
  logging: { retentionDays: 400, auditLockDays: 500 },
} satisfies Partial<SecureAiPlatformArgs>;
