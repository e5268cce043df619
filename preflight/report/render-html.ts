import type { ControlDefinition } from "../../components/controls/types";
import { FRAMEWORK_IDS, FRAMEWORK_NAMES } from "../../components/controls/types";
import type { ControlEvidence } from "../evidence/types";
import { escapeHtml as h } from "./escape";
import { renderDiagram, renderDiagramLegend } from "./html-diagram";
import { HTML_STYLES } from "./html-styles";
import type { ReportData, ReportStack } from "./report-data";
import { responsibilityHtml } from "./render-responsibility";
import { unexaminedSentence } from "../evidence/unexamined";
import { driftHtml } from "./render-drift";
import { reportSubject } from "./subject";
import { CONTROL_STATUSES, STATUS_LABELS } from "./status-labels";
import { frameworkHtml } from "./framework-render";
import { buildFrameworkViews, FRAMEWORK_SHORT_NAMES } from "./framework-view";
import { waiverProblemHtml } from "./waiver-render";

/**
 * Content-Security-Policy of the report: no script, no network, only the inline stylesheet. Escaping keeps
 * untrusted text inert; the policy is the second line of defence should anything slip through.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Renders the self-contained HTML evidence report: the verdict, a summary per stack, every control of the
 * catalog with its status per stack and its framework clauses, a view per framework (clause, status,
 * controls, resources), the evidence per control (implementing resources, findings, waivers, notes), the
 * waivers with reasons and expiries and the waivers to review, the findings, a diagram of
 * each stack's platform and its resources with masked inputs. Inline CSS only, no script, no external
 * fetch; every value from the program is escaped. Printed, every collapsed section is expanded.
 *
 * @param data - the report data.
 */
export function renderHtml(data: ReportData): string {
  const count = data.summary.mandatoryViolations;
  const verdict =
    count > 0
      ? `<p class="verdict fail">FAIL: ${count} mandatory violation${count === 1 ? "" : "s"}</p>`
      : `<p class="verdict pass">PASS: no mandatory violations (${data.summary.advisoryViolations} advisory)</p>`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(data.tool.name)}: compliance evidence</title>`,
    `<style>${HTML_STYLES}</style>`,
    "</head>",
    "<body>",
    `<h1>${h(data.tool.name)}: compliance evidence</h1>`,
    ...data.stacks.flatMap((stack) => {
      const sentence = unexaminedSentence(stack.evidence.unexamined);
      return sentence === undefined
        ? []
        : [`<p class="unexamined"><strong>Not examined in ${h(stack.stack)}:</strong> ${h(sentence)}</p>`];
    }),
    verdict,
    `<p class="meta">${reportSubject(data).label}: <code>${h(reportSubject(data).value)}</code></p>`,
    `<p class="meta">Policy packs: ${data.packs.map((pack) => h(`${pack.name} ${pack.version}`)).join(", ") || "none"}</p>`,
    `<p class="meta">Generated ${h(data.generatedAt)} by ${h(`${data.tool.name} ${data.tool.version}`)}</p>`,
    summarySection(data),
    driftHtml(data.drift),
    controlsSection(data),
    frameworkHtml(buildFrameworkViews(data)),
    evidenceSection(data),
    waiversSection(data),
    waiverProblemHtml(data.waiverProblems),
    ...data.stacks.flatMap((stack) => [stackSection(stack), responsibilityHtml(stack)]),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function statusBadge(status: ControlEvidence["status"] | undefined): string {
  return status ? `<span class="status status-${status}">${STATUS_LABELS[status]}</span>` : "";
}

function summarySection(data: ReportData): string {
  const rows = data.stacks.map(
    (stack) =>
      `<tr><td>${h(stack.stack)}</td><td class="num">${stack.resources.length}</td>${CONTROL_STATUSES.map(
        (status) => `<td class="num">${stack.evidence.controls.filter((control) => control.status === status).length}</td>`,
      ).join("")}<td class="num">${stack.mandatoryViolations}</td><td class="num">${
        stack.findings.filter((finding) => finding.enforcementLevel !== "mandatory" && !finding.waived).length
      }</td></tr>`,
  );
  return [
    "<h2>Summary</h2>",
    '<table id="summary">',
    `<thead><tr><th>Stack</th><th>Resources</th>${CONTROL_STATUSES.map((status) => `<th>${STATUS_LABELS[status]}</th>`).join("")}<th>Mandatory violations</th><th>Advisory</th></tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}

function frameworkClauses(control: ControlDefinition): string {
  const lines = FRAMEWORK_IDS.filter((framework) => control.frameworks[framework].length > 0).map(
    (framework) =>
      `<div><abbr title="${h(FRAMEWORK_NAMES[framework])}">${h(FRAMEWORK_SHORT_NAMES[framework])}</abbr> ${h(control.frameworks[framework].join(", "))}</div>`,
  );
  return lines.length > 0 ? `<div class="clauses">${lines.join("")}</div>` : '<span class="muted">none</span>';
}

function controlsSection(data: ReportData): string {
  const rows = data.catalog.map(
    (control) =>
      `<tr id="row-${h(control.id)}"><td class="id"><a href="#control-${h(control.id)}"><code>${h(control.id)}</code></a></td><td>${h(control.domain)}</td><td>${h(control.title)}</td>${data.stacks
        .map((stack) => `<td>${statusBadge(stack.evidence.controls.find((entry) => entry.id === control.id)?.status)}</td>`)
        .join("")}<td>${frameworkClauses(control)}</td></tr>`,
  );
  return [
    "<h2>Controls</h2>",
    '<table id="controls">',
    `<thead><tr><th>Control</th><th>Domain</th><th>Title</th>${data.stacks.map((stack) => `<th>${h(stack.stack)}</th>`).join("")}<th>Framework clauses</th></tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}

function evidenceSection(data: ReportData): string {
  const blocks = data.catalog.map((control) => {
    const perStack = data.stacks.map((stack) => {
      const evidence = stack.evidence.controls.find((entry) => entry.id === control.id);
      return evidence ? stackEvidence(stack, evidence) : "";
    });
    return [
      `<details id="control-${h(control.id)}">`,
      `<summary><code>${h(control.id)}</code> ${h(control.title)}</summary>`,
      `<p class="muted">Remediation: ${h(control.remediation)}</p>`,
      ...perStack,
      "</details>",
    ].join("\n");
  });
  return ["<h2>Evidence per control</h2>", ...blocks].join("\n");
}

function stackEvidence(stack: ReportStack, evidence: ControlEvidence): string {
  const resourceName = (urn: string): string => stack.resources.find((resource) => resource.urn === urn)?.type ?? "";
  const parts = [`<h3>${h(stack.stack)}: ${statusBadge(evidence.status)}</h3>`];
  if (evidence.resources.length > 0) {
    parts.push(
      `<p>Examined:</p><ul>${evidence.resources.map((urn) => `<li><span class="urn">${h(urn)}</span> <span class="muted">${h(resourceName(urn))}</span></li>`).join("")}</ul>`,
    );
  }
  if (evidence.reasons.length > 0) {
    parts.push(`<p>Why:</p><ul>${evidence.reasons.map((reason) => `<li>${h(reason)}</li>`).join("")}</ul>`);
  }
  const claimedOnly = evidence.componentResources.filter((urn) => !evidence.resources.includes(urn));
  if (claimedOnly.length > 0) {
    parts.push(
      `<p class="muted">Also listed by SecureAiPlatform, not examined by a policy of this control: ${claimedOnly.length} resource${claimedOnly.length === 1 ? "" : "s"}.</p>`,
    );
  }
  if (evidence.checkedBy.length > 0) {
    parts.push(`<p>Checked by: ${evidence.checkedBy.map((policy) => `<code>${h(policy)}</code>`).join(", ")}</p>`);
  }
  if (evidence.findings.length > 0) {
    parts.push(
      `<p>Findings:</p><ul>${evidence.findings.map((finding) => `<li><span class="level-${h(finding.enforcementLevel)}">${h(finding.enforcementLevel)}</span> <code>${h(finding.policy)}</code> <span class="urn">${h(finding.urn ?? stack.stackUrn)}</span>: ${h(finding.message)}</li>`).join("")}</ul>`,
    );
  }
  if (evidence.waivers.length > 0) {
    parts.push(
      `<p>Waivers:</p><ul>${evidence.waivers.map((waiver) => `<li>${h(waiver.reason)} <span class="muted">(${waiver.expires ? `expires ${h(waiver.expires)}` : "no expiry"})</span></li>`).join("")}</ul>`,
    );
  }
  if (evidence.notes.length > 0) {
    parts.push(`<ul>${evidence.notes.map((note) => `<li class="muted">${h(note)}</li>`).join("")}</ul>`);
  }
  return parts.join("\n");
}

function unexaminedTable(stack: ReportStack): string {
  if (stack.evidence.unexamined.length === 0) {
    return "";
  }
  const rows = stack.evidence.unexamined
    .map(
      (entry) =>
        `<tr><td class="urn">${h(entry.urn)}</td><td><code>${h(entry.type)}</code></td><td>${h(entry.reason)}</td><td>${h(entry.detail ?? "")}</td></tr>`,
    )
    .join("\n");
  return [
    `<h3>Not examined (${stack.evidence.unexamined.length})</h3>`,
    `<table class="unexamined-list"><thead><tr><th>URN</th><th>Type</th><th>Reason</th><th>Detail</th></tr></thead><tbody>${rows}</tbody></table>`,
  ].join("\n");
}

function waiversSection(data: ReportData): string {
  const rows = data.stacks.flatMap((stack) =>
    stack.evidence.controls.flatMap((control) =>
      control.waivers.map(
        (waiver) =>
          `<tr><td>${h(stack.stack)}</td><td><code>${h(waiver.control)}</code></td><td>${h(waiver.reason)}</td><td>${h(waiver.expires ?? "no expiry")}</td><td>${waiver.source === "component" ? "component waivers" : "policy config"}</td><td class="urn">${h(waiver.urn ?? "")}</td></tr>`,
      ),
    ),
  );
  return [
    "<h2>Waivers</h2>",
    rows.length === 0
      ? '<p class="muted">No waivers.</p>'
      : `<table id="waivers"><thead><tr><th>Stack</th><th>Control</th><th>Reason</th><th>Expires</th><th>Declared in</th><th>Resource</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`,
  ].join("\n");
}

function stackSection(stack: ReportStack): string {
  const findings =
    stack.findings.length === 0
      ? '<p class="muted">No findings.</p>'
      : `<table class="findings"><thead><tr><th>Level</th><th>Severity</th><th>Policy</th><th>Controls</th><th>Resource</th><th>Message</th></tr></thead><tbody>${stack.findings
          .map(
            (finding) =>
              `<tr><td class="level-${h(finding.enforcementLevel)}">${finding.waived ? "waived" : h(finding.enforcementLevel)}</td><td>${h(finding.severity)}</td><td>${finding.policies.map((policy) => `<code>${h(policy)}</code>`).join("<br>")}</td><td>${h(finding.controls.join(", "))}</td><td class="urn">${[finding.urn, ...finding.related].map(h).join("<br>")}</td><td>${finding.details.length > 1 ? `<ul>${finding.details.map((detail) => `<li>${h(detail)}</li>`).join("")}</ul>` : h(finding.details[0] ?? finding.message)}</td></tr>`,
          )
          .join("\n")}</tbody></table>`;
  const resources = stack.resources
    .map(
      (resource) =>
        `<tr><td class="urn">${h(resource.urn)}</td><td><code>${h(resource.type)}</code></td><td><pre>${h(JSON.stringify(resource.inputs, null, 2))}</pre></td></tr>`,
    )
    .join("\n");
  return [
    `<h2>Stack ${h(stack.stack)}</h2>`,
    "<h3>Platform</h3>",
    renderDiagramLegend(),
    renderDiagram(stack),
    "<h3>Findings</h3>",
    findings,
    unexaminedTable(stack),
    `<details><summary>Resources (${stack.resources.length}) with their inputs</summary>`,
    `<table class="resources"><thead><tr><th>URN</th><th>Type</th><th>Inputs</th></tr></thead><tbody>${resources}</tbody></table>`,
    "</details>",
  ].join("\n");
}
