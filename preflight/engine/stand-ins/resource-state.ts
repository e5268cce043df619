/**
 * The state the update pass answers for a created resource: the program's inputs, the identifying outputs
 * of the cloud's table (IDs, ARNs, self links, e-mails, principal IDs, endpoints), and a stand-in for every
 * other property the provider SDK declares as always returned, so that nothing a program reads back is
 * unknown or missing.
 */
import { awsIdentity } from "./aws";
import { azureIdentity } from "./azure";
import type { DeclaredProperties } from "./declared-properties";
import { standInFor } from "./by-property";
import { gcpIdentity } from "./gcp";
import { hexOf } from "./names";
import type { StandInIdentity, StandInSubject } from "./types";

/** The instant every stand-in timestamp carries. */
export const STAND_IN_TIMESTAMP = "2026-01-01T00:00:00Z";

/** The table's identity for a resource of any package (components and unknown packages get a generic one). */
export function identityOf(subject: StandInSubject): StandInIdentity {
  const cloud = subject.type.split(":")[0];
  switch (cloud) {
    case "aws":
      return awsIdentity(subject);
    case "gcp":
      return gcpIdentity(subject);
    case "azure-native":
      return azureIdentity(subject);
    default: {
      const physicalName = `${subject.name}-${hexOf(7, subject.type, subject.name)}`;
      return { id: physicalName, physicalName, outputs: {} };
    }
  }
}

/** Merges `extra` under `base`: `base` wins, except that plain objects present in both are merged. */
export function mergeUnder(
  base: Record<string, unknown>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...extra };
  for (const [key, value] of Object.entries(base)) {
    const other = extra[key];
    merged[key] = isPlainObject(value) && isPlainObject(other) ? mergeUnder(value, other) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The ID and state of a created resource in the update pass.
 *
 * @param subject - the resource.
 * @param declared - the provider SDKs' declared properties.
 */
export function createdResourceState(
  subject: StandInSubject,
  declared: DeclaredProperties,
): { id: string; state: Record<string, unknown> } {
  const identity = identityOf(subject);
  const cloud = subject.type.split(":")[0] ?? "";
  const region =
    cloud === "aws"
      ? subject.ids.awsRegion
      : cloud === "gcp"
        ? subject.ids.gcpRegion
        : subject.ids.azureLocation;
  const context = {
    cloud,
    id: identity.id,
    physicalName: identity.physicalName,
    inputs: subject.inputs,
    timestamp: STAND_IN_TIMESTAMP,
    region: typeof subject.inputs["location"] === "string" ? subject.inputs["location"] : region,
  };
  const generic: Record<string, unknown> = {};
  for (const property of declared.ofResource(subject.type)) {
    if (!property.optional && !(property.name in subject.inputs)) {
      generic[property.name] = standInFor(property, context);
    }
  }
  // Inputs win over the table, the table over the generic stand-ins; objects merge (an Azure account's
  // `properties` keeps the program's settings and gains the `endpoint` the service returns).
  const state = {
    ...mergeUnder(subject.inputs, mergeUnder(identity.outputs, generic)),
    ...identity.replaces,
  };
  return { id: identity.id, state };
}
