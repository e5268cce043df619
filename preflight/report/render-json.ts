import { buildFrameworkViews } from "./framework-view";
import type { ReportData } from "./report-data";

/**
 * Renders the JSON report of the public contract:
 * `{ stacks: [{ stack, resources: [{ urn, type, inputs }], findings: [{ policy, controls, severity,
 * enforcementLevel, urn, message }] }], summary: { mandatoryViolations } }`, plus extra fields (tool, packs,
 * each stack's control evidence; per finding every policy that reported it, its messages and related
 * resources; per resource its declaration in the program; the per-framework view and the waivers to review).
 * Inputs carry `"[unknown]"` and `"[secret]"` markers, never plaintext secrets.
 *
 * @param data - the report data.
 */
export function renderJson(data: ReportData): string {
  const document = {
    tool: data.tool,
    generatedAt: data.generatedAt,
    program: data.programDir,
    ...(data.stateFiles !== undefined ? { stateFiles: data.stateFiles } : {}),
    packs: data.packs.map((pack) => ({
      name: pack.name,
      version: pack.version,
      policies: pack.policies.map((policy) => ({
        name: policy.name,
        enforcementLevel: policy.enforcementLevel,
        severity: policy.severity,
        controls: policy.controls,
      })),
    })),
    stacks: data.stacks.map((stack) => ({
      stack: stack.stack,
      project: stack.project,
      resources: stack.resources.map((resource) => ({
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        ...(resource.parent !== undefined ? { parent: resource.parent } : {}),
        ...(resource.source !== undefined ? { source: resource.source } : {}),
        inputs: resource.inputs,
      })),
      findings: stack.findings.map((finding) => ({
        policy: finding.policy,
        policies: finding.policies,
        policyPack: finding.policyPack,
        controls: finding.controls,
        severity: finding.severity,
        enforcementLevel: finding.enforcementLevel,
        urn: finding.urn,
        message: finding.message,
        details: finding.details,
        related: finding.related,
        waived: finding.waived === true,
        passes: finding.passes ?? stack.passes,
      })),
      controls: stack.evidence.controls.map((control) => ({
        id: control.id,
        status: control.status,
        resources: control.resources,
        reasons: control.reasons,
        componentResources: control.componentResources,
        findings: control.findings.length,
        waivers: control.waivers,
        checkedBy: control.checkedBy,
        notes: control.notes,
      })),
      passes: stack.passes,
      unexamined: stack.evidence.unexamined,
      mandatoryViolations: stack.mandatoryViolations,
      responsibility: stack.responsibility ?? [],
    })),
    waiverProblems: data.waiverProblems,
    frameworks: buildFrameworkViews(data).map((view) => ({
      id: view.id,
      name: view.name,
      clauseCounts: view.clauseCounts,
      clauses: view.clauses,
    })),
    summary: data.summary,
    ...(data.drift !== undefined ? { drift: data.drift } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
