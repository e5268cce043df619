import * as pulumi from "@pulumi/pulumi";
import { CONTROL_IDS, type ControlId } from "./controls/ids";
import type { ResolvedWaiver } from "./spec/resolved";

/** Status of a control in the component's evidence (the public contract). */
export type EvidenceStatus = "implemented" | "gap" | "waived" | "not-applicable";

/** Evidence for one control, before resources are turned into URNs. */
export interface ControlEvidence {
  id: ControlId;
  status: EvidenceStatus;
  resources: pulumi.Resource[];
  note?: string;
}

/**
 * The `controls` output entry: one per control ID. `status` is one of `implemented`, `gap`, `waived` or
 * `not-applicable` (typed as a plain string so the component's schema stays usable from other languages).
 */
export interface ControlEvidenceOutput {
  /** Control ID, e.g. `SAI-ENC-01`. */
  id: string;
  /** `implemented`, `gap`, `waived` or `not-applicable`. */
  status: string;
  /** URNs of the resources that implement the control. */
  resources: string[];
  /** How the control is met, or why it is not: the gap's reason or the waiver's. */
  note?: string;
}

interface Entry {
  implemented: boolean;
  gaps: string[];
  notApplicable?: string;
  notes: string[];
  resources: pulumi.Resource[];
}

/**
 * Collects, while a backend builds, which resources implement which control and where the cloud falls
 * short. A gap always wins over implemented: a control is only reported as implemented when nothing
 * about it is missing.
 */
export class EvidenceRecorder {
  private readonly entries = new Map<ControlId, Entry>();

  private entry(id: ControlId): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { implemented: false, gaps: [], notes: [], resources: [] };
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Records resources that implement a control, with an optional note on how. */
  implemented(id: ControlId, resources: readonly (pulumi.Resource | undefined)[], note?: string): void {
    const entry = this.entry(id);
    entry.implemented = true;
    for (const resource of resources) {
      if (resource && !entry.resources.includes(resource)) entry.resources.push(resource);
    }
    if (note && !entry.notes.includes(note)) entry.notes.push(note);
  }

  /** Records that the control is not (fully) met, with the honest reason. */
  gap(id: ControlId, reason: string, resources: readonly (pulumi.Resource | undefined)[] = []): void {
    const entry = this.entry(id);
    if (!entry.gaps.includes(reason)) entry.gaps.push(reason);
    for (const resource of resources) {
      if (resource && !entry.resources.includes(resource)) entry.resources.push(resource);
    }
  }

  /** Records that the control does not apply to this platform, and why. */
  notApplicable(id: ControlId, reason: string): void {
    this.entry(id).notApplicable = reason;
  }

  /**
   * One evidence entry per control of the catalog, in catalog order. Waived controls are reported as
   * `waived` with the waiver's reason; controls no backend touched are reported as gaps.
   */
  finish(waivers: readonly ResolvedWaiver[]): ControlEvidence[] {
    return CONTROL_IDS.map((id): ControlEvidence => {
      const entry = this.entries.get(id);
      const waiver = waivers.find((w) => w.control === id);
      const resources = entry?.resources ?? [];
      const backendNote = entry ? [...entry.gaps, ...entry.notes].join("; ") : "";
      if (waiver) {
        const expiry = waiver.expires ? ` (expires ${waiver.expires})` : "";
        const note = `waived: ${waiver.reason}${expiry}${backendNote ? `; ${backendNote}` : ""}`;
        return { id, status: "waived", resources, note };
      }
      if (!entry) return { id, status: "gap", resources, note: "not built by this backend" };
      if (entry.gaps.length > 0) return { id, status: "gap", resources, note: backendNote };
      if (entry.implemented) return { id, status: "implemented", resources, note: backendNote || undefined };
      if (entry.notApplicable) return { id, status: "not-applicable", resources, note: entry.notApplicable };
      return { id, status: "gap", resources, note: "no resource implements this control" };
    });
  }
}

/** Turns recorded evidence into the `controls` output: resources become their URNs. */
export function evidenceOutput(evidence: readonly ControlEvidence[]): pulumi.Output<ControlEvidenceOutput[]> {
  return pulumi.all(
    evidence.map((entry) =>
      pulumi.all(entry.resources.map((resource) => resource.urn)).apply((urns): ControlEvidenceOutput => ({
        id: entry.id,
        status: entry.status,
        resources: urns,
        ...(entry.note ? { note: entry.note } : {}),
      })),
    ),
  );
}
