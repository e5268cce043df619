import { isControlId, type ControlId } from "../../components/controls/ids";
import type { RecordedValue, StackRun } from "../model";
import type { EvidenceWaiver } from "./types";

/** Type token of the SecureAiPlatform component (public contract). */
export const PLATFORM_COMPONENT_TYPE = "secure-ai-platform:index:SecureAiPlatform";

/** Status values of the component's `controls` output (public contract). */
export type ComponentControlStatus = "implemented" | "gap" | "waived" | "not-applicable";

/** One entry of a SecureAiPlatform's `controls` output, as the preflight read it. */
export interface ComponentControlEntry {
  id: ControlId;
  status: ComponentControlStatus;
  resources: string[];
  note?: string;
  /** Waiver parsed from the entry (structured `waiver` field, or the `waived: <reason> (expires <date>)` note). */
  waiver?: EvidenceWaiver;
  /** URN of the component that reported the entry. */
  componentUrn: string;
}

const COMPONENT_STATUSES: readonly string[] = ["implemented", "gap", "waived", "not-applicable"];

/**
 * Reads the `controls` output of every SecureAiPlatform component in a stack run. Returns an empty list
 * when the program uses no such component, or when the engine did not record component outputs.
 *
 * @param run - the engine's record of one stack.
 */
export function readComponentEvidence(run: StackRun): ComponentControlEntry[] {
  const outputs = run.resourceOutputs;
  if (outputs === undefined) {
    return [];
  }
  const entries: ComponentControlEntry[] = [];
  for (const resource of run.resources) {
    if (resource.type !== PLATFORM_COMPONENT_TYPE) {
      continue;
    }
    const controls = unwrap(outputs[resource.urn]?.["controls"]);
    if (!Array.isArray(controls)) {
      continue;
    }
    for (const item of controls) {
      const entry = readEntry(unwrap(item), resource.urn);
      if (entry !== undefined) {
        entries.push(entry);
      }
    }
  }
  return entries;
}

/** Strips secret wrappers (the controls output is not secret, but a parent's secrecy can propagate). */
function unwrap(value: RecordedValue | undefined): RecordedValue | undefined {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "$secret" in value) {
    return unwrap(value.$secret as RecordedValue);
  }
  return value;
}

function readEntry(
  value: RecordedValue | undefined,
  componentUrn: string,
): ComponentControlEntry | undefined {
  if (value === null || value === undefined || typeof value !== "object" || Array.isArray(value)) {
    return undefined;
  }
  const record = value as Record<string, RecordedValue>;
  const id = unwrap(record["id"]);
  const status = unwrap(record["status"]);
  if (
    typeof id !== "string" ||
    !isControlId(id) ||
    typeof status !== "string" ||
    !COMPONENT_STATUSES.includes(status)
  ) {
    return undefined;
  }
  const resources = unwrap(record["resources"]);
  const note = unwrap(record["note"]);
  const entry: ComponentControlEntry = {
    id,
    status: status as ComponentControlStatus,
    resources: Array.isArray(resources)
      ? resources.map(unwrap).filter((urn): urn is string => typeof urn === "string")
      : [],
    componentUrn,
  };
  if (typeof note === "string" && note.length > 0) {
    entry.note = note;
  }
  if (entry.status === "waived") {
    entry.waiver = readWaiver(unwrap(record["waiver"]), entry.note, id, componentUrn);
  }
  return entry;
}

/** `waived: <reason> (expires <YYYY-MM-DD>)`, optionally followed by `; <backend note>`. */
const WAIVED_NOTE = /^waived: (.*?)(?: \(expires (\d{4}-\d{2}-\d{2})\))?(?:; .*)?$/s;

function readWaiver(
  structured: RecordedValue | undefined,
  note: string | undefined,
  control: string,
  urn: string,
): EvidenceWaiver {
  if (structured !== null && typeof structured === "object" && !Array.isArray(structured)) {
    const fields = structured as Record<string, RecordedValue>;
    const reason = unwrap(fields["reason"]);
    const expires = unwrap(fields["expires"]);
    if (typeof reason === "string") {
      return {
        control,
        reason,
        ...(typeof expires === "string" ? { expires } : {}),
        source: "component",
        urn,
      };
    }
  }
  const match = note === undefined ? null : WAIVED_NOTE.exec(note);
  const reason = match?.[1] ?? note ?? "waived by the component's waivers argument";
  const expires = match?.[2];
  return { control, reason, ...(expires !== undefined ? { expires } : {}), source: "component", urn };
}
