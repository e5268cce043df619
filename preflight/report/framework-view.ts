import type { ControlDefinition, FrameworkId } from "../../components/controls/types";
import { FRAMEWORK_IDS, FRAMEWORK_NAMES } from "../../components/controls/types";
import type { ControlStatus } from "../model";
import type { ReportData } from "./report-data";

/** Short framework names for headings and compact lines (the full name is in `FRAMEWORK_NAMES`). */
export const FRAMEWORK_SHORT_NAMES: Readonly<Record<FrameworkId, string>> = {
  soc2: "SOC 2",
  iso27001: "ISO 27001",
  hipaa: "HIPAA",
  gdpr: "GDPR",
  nist80053: "NIST 800-53",
  saif: "SAIF",
  scopingMatrix: "AWS Scoping Matrix",
  owaspLlm: "OWASP LLM",
  nistAi600: "NIST AI 600-1",
  iso42001: "ISO 42001",
  mitreAtlas: "MITRE ATLAS",
};

/**
 * Which status a clause takes from its controls' statuses (over every stack), worst first: one violated
 * control makes the clause violated; a clause is satisfied only when every control that applies is.
 */
export const CLAUSE_STATUS_ORDER: readonly ControlStatus[] = [
  "violated",
  "unverified",
  "gap",
  "waived",
  "satisfied",
  "not-applicable",
];

/** One control under a clause, with its status and the resources its evidence names, per stack. */
export interface FrameworkControl {
  id: string;
  title: string;
  stacks: { stack: string; status: ControlStatus; resources: string[] }[];
}

/** One clause of a framework and the catalog controls mapped to it. */
export interface FrameworkClause {
  clause: string;
  /** The worst status of its controls over every stack (see {@link CLAUSE_STATUS_ORDER}). */
  status: ControlStatus;
  controls: FrameworkControl[];
}

/** An auditor's view of one framework: clause, controls, status, resources. */
export interface FrameworkView {
  id: FrameworkId;
  name: string;
  shortName: string;
  clauses: FrameworkClause[];
  /** Number of clauses per status. */
  clauseCounts: Record<ControlStatus, number>;
}

/**
 * Builds the per-framework view from the catalog's clause mappings and each stack's evidence: for every
 * framework the catalog maps (the compliance frameworks, then the generative-AI ones), every clause a control
 * maps to, in natural order, with its controls, their status per stack and the resources their evidence
 * names. Frameworks no control maps are left out.
 *
 * @param data - the report data.
 */
export function buildFrameworkViews(data: Pick<ReportData, "catalog" | "stacks">): FrameworkView[] {
  return FRAMEWORK_IDS.map((id) => frameworkView(id, data)).filter((view) => view.clauses.length > 0);
}

function frameworkView(id: FrameworkId, data: Pick<ReportData, "catalog" | "stacks">): FrameworkView {
  const byClause = new Map<string, ControlDefinition[]>();
  for (const control of data.catalog) {
    for (const clause of control.frameworks[id]) {
      byClause.set(clause, [...(byClause.get(clause) ?? []), control]);
    }
  }
  const clauses = [...byClause.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
    .map(([clause, controls]): FrameworkClause => {
      const rows = controls.map(
        (control): FrameworkControl => ({
          id: control.id,
          title: control.title,
          stacks: data.stacks.map((stack) => {
            const evidence = stack.evidence.controls.find((entry) => entry.id === control.id);
            return {
              stack: stack.stack,
              status: evidence?.status ?? "not-applicable",
              resources: evidence?.resources ?? [],
            };
          }),
        }),
      );
      const statuses = new Set(rows.flatMap((row) => row.stacks.map((entry) => entry.status)));
      const status = CLAUSE_STATUS_ORDER.find((candidate) => statuses.has(candidate)) ?? "not-applicable";
      return { clause, status, controls: rows };
    });
  const clauseCounts = Object.fromEntries(CLAUSE_STATUS_ORDER.map((status) => [status, 0])) as Record<ControlStatus, number>;
  for (const clause of clauses) {
    clauseCounts[clause.status] += 1;
  }
  return { id, name: FRAMEWORK_NAMES[id], shortName: FRAMEWORK_SHORT_NAMES[id], clauses, clauseCounts };
}
