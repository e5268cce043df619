import type { ReportData, ReportStack } from "./report-data";
import { responsibilityMarkdown } from "./render-responsibility";
import { escapeMarkdown as md } from "./escape";
import { unexaminedSentence } from "../evidence/unexamined";
import { driftMarkdown } from "./render-drift";
import { reportSubject } from "./subject";
import { CONTROL_STATUSES, STATUS_LABELS } from "./status-labels";
import { frameworkMarkdown } from "./framework-render";
import { buildFrameworkViews } from "./framework-view";
import { waiverProblemMarkdown } from "./waiver-render";

/**
 * Renders the Markdown report (for pull-request comments and CI summaries): verdict, a summary table per
 * stack, every catalog control with its status per stack, a table per framework (clause, status, controls,
 * resources), the waivers to review, and per stack the findings, the waivers and the gaps. Every
 * value from the program is escaped, so a name with `|`, backticks or HTML cannot break a table or inject
 * markup.
 *
 * @param data - the report data.
 */
export function renderMarkdown(data: ReportData): string {
  const count = data.summary.mandatoryViolations;
  const lines = [
    "# secure-ai check report",
    "",
    ...data.stacks.flatMap((stack) => {
      const sentence = unexaminedSentence(stack.evidence.unexamined);
      return sentence === undefined ? [] : [`> **Not examined in ${md(stack.stack)}**: ${md(sentence)}`, ""];
    }),
    count > 0
      ? `**FAIL**: ${count} mandatory violation${count === 1 ? "" : "s"}.`
      : `**PASS**: no mandatory violations (${data.summary.advisoryViolations} advisory).`,
    "",
    `- ${reportSubject(data).label}: ${md(reportSubject(data).value)}`,
    `- Policy packs: ${data.packs.map((pack) => md(`${pack.name} ${pack.version}`)).join(", ") || "none"}`,
    `- Generated: ${md(data.generatedAt)} by ${md(`${data.tool.name} ${data.tool.version}`)}`,
    "",
    "## Summary",
    "",
    ...table(
      ["Stack", "Resources", ...CONTROL_STATUSES.map((status) => STATUS_LABELS[status]), "Mandatory", "Advisory"],
      data.stacks.map((stack) => [
        md(stack.stack),
        String(stack.resources.length),
        ...CONTROL_STATUSES.map((status) =>
          String(stack.evidence.controls.filter((control) => control.status === status).length),
        ),
        String(stack.mandatoryViolations),
        String(stack.findings.filter((finding) => finding.enforcementLevel !== "mandatory" && !finding.waived).length),
      ]),
    ),
    "",
    ...driftMarkdown(data.drift),
    "## Controls",
    "",
    ...table(
      ["Control", "Title", ...data.stacks.map((stack) => md(stack.stack))],
      data.catalog.map((control) => [
        md(control.id),
        md(control.title),
        ...data.stacks.map((stack) => {
          const status = stack.evidence.controls.find((entry) => entry.id === control.id)?.status;
          return status ? STATUS_LABELS[status] : "";
        }),
      ]),
    ),
    "",
  ];
  lines.push(...frameworkMarkdown(buildFrameworkViews(data)), ...waiverProblemMarkdown(data.waiverProblems));
  for (const stack of data.stacks) {
    lines.push(...stackSection(stack), ...responsibilityMarkdown(stack));
  }
  return `${lines.join("\n")}\n`;
}

function stackSection(stack: ReportStack): string[] {
  const lines = [`## Stack ${md(stack.stack)}`, ""];
  lines.push("### Findings", "");
  if (stack.findings.length === 0) {
    lines.push("No findings.", "");
  } else {
    lines.push(
      ...table(
        ["Level", "Severity", "Policy", "Controls", "Resource", "Message"],
        stack.findings.map((finding) => [
          finding.waived ? "waived" : md(finding.enforcementLevel),
          md(finding.severity),
          finding.policies.map(md).join(", "),
          md(finding.controls.join(", ")),
          [finding.urn, ...finding.related].map(md).join(", "),
          finding.details.map(md).join("; "),
        ]),
      ),
      "",
    );
  }
  const waivers = stack.evidence.controls.flatMap((control) => control.waivers);
  if (waivers.length > 0) {
    lines.push(
      "### Waivers",
      "",
      ...table(
        ["Control", "Reason", "Expires", "Declared in"],
        waivers.map((waiver) => [
          md(waiver.control),
          md(waiver.reason),
          md(waiver.expires ?? "no expiry"),
          waiver.source === "component" ? "component waivers" : "policy config",
        ]),
      ),
      "",
    );
  }
  const unverified = stack.evidence.controls.filter((control) => control.status === "unverified");
  if (unverified.length > 0) {
    lines.push(
      "### Unverified",
      "",
      ...table(
        ["Control", "What could not be examined"],
        unverified.map((control) => [md(control.id), md(control.reasons.join("; "))]),
      ),
      "",
    );
  }
  if (stack.evidence.unexamined.length > 0) {
    lines.push(
      "### Not examined",
      "",
      ...table(
        ["Resource", "Type", "Why"],
        stack.evidence.unexamined.map((entry) => [
          md(entry.urn.split("::").pop() ?? entry.urn),
          md(entry.type),
          md(entry.detail === undefined ? entry.reason : `${entry.reason}: ${entry.detail}`),
        ]),
      ),
      "",
    );
  }
  const gaps = stack.evidence.controls.filter((control) => control.status === "gap");
  if (gaps.length > 0) {
    lines.push(
      "### Gaps",
      "",
      ...table(
        ["Control", "Why"],
        gaps.map((control) => [md(control.id), md([...control.reasons, ...control.notes].join("; ") || "no evidence")]),
      ),
      "",
    );
  }
  return lines;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}
