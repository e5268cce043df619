import type { ReportData, ReportFinding, ReportStack } from "./report-data";
import { responsibilityText } from "./render-responsibility";
import { unexaminedSentence } from "../evidence/unexamined";
import { CONTROL_STATUSES } from "./status-labels";
import { formatTextTable, terminalSafe } from "./text-table";

/** Options of the text renderer. */
export interface TextRenderOptions {
  /** Use ANSI colours (only when writing to a terminal). @default false */
  color?: boolean;
}


const ANSI = { red: "\u001b[31m", yellow: "\u001b[33m", green: "\u001b[32m", dim: "\u001b[2m", bold: "\u001b[1m", reset: "\u001b[0m" };

type Paint = (text: string, colour: keyof typeof ANSI) => string;

/**
 * Renders the terminal report: per stack, the findings grouped by control (one line per finding), the
 * waivers and gaps, then a summary table over all stacks and the verdict.
 *
 * @param data - the report data.
 * @param options - colour on or off.
 */
export function renderText(data: ReportData, options: TextRenderOptions = {}): string {
  const paint: Paint = options.color ? (text, colour) => `${ANSI[colour]}${text}${ANSI.reset}` : (text) => text;
  const packs = data.packs.map((pack) => `${pack.name} ${pack.version}`).join(", ");
  const lines = [
    paint(`secure-ai check ${data.tool.version}`, "bold"),
    `Program: ${terminalSafe(data.programDir)}`,
    `Policy packs: ${terminalSafe(packs) || "none"}`,
    "",
  ];
  for (const stack of data.stacks) {
    lines.push(...stackSection(stack, data, paint), ...responsibilityText(stack), "");
  }
  lines.push(paint("Summary", "bold"), ...summaryTable(data).map((line) => `  ${line}`), "");
  for (const stack of data.stacks) {
    const sentence = unexaminedSentence(stack.evidence.unexamined);
    if (sentence !== undefined) {
      lines.push(paint(`Not examined in ${terminalSafe(stack.stack)}: ${terminalSafe(sentence)}`, "yellow"));
    }
  }
  const count = data.summary.mandatoryViolations;
  lines.push(
    count > 0
      ? paint(`FAIL: ${count} mandatory violation${count === 1 ? "" : "s"}`, "red")
      : paint(`PASS: no mandatory violations (${data.summary.advisoryViolations} advisory)`, "green"),
  );
  return `${lines.join("\n")}\n`;
}

function stackSection(stack: ReportStack, data: ReportData, paint: Paint): string[] {
  const title = `Stack ${terminalSafe(stack.stack)} (project ${terminalSafe(stack.project)}): ${stack.resources.length} resources, ${stack.findings.length} findings (${stack.passes.join(" + ")})`;
  const lines = [paint(title, "bold")];
  const byControl = new Map<string, ReportFinding[]>();
  for (const finding of stack.findings) {
    for (const control of finding.controls.length > 0 ? finding.controls : ["(no control)"]) {
      byControl.set(control, [...(byControl.get(control) ?? []), finding]);
    }
  }
  const order = [...data.catalog.map((control) => control.id as string), ...byControl.keys()];
  for (const id of [...new Set(order)].filter((key) => byControl.has(key))) {
    const control = data.catalog.find((entry) => entry.id === id);
    const status = stack.evidence.controls.find((entry) => entry.id === id)?.status;
    const heading = `${terminalSafe(id)}${control ? ` ${control.title}` : ""}${status ? ` [${status}]` : ""}`;
    lines.push(`  ${paint(heading, status === "violated" ? "red" : "yellow")}`);
    for (const finding of byControl.get(id) ?? []) {
      lines.push(`    ${findingLine(finding, paint)}`);
    }
  }
  if (stack.findings.length === 0) {
    lines.push(`  ${paint("No findings.", "green")}`);
  }
  const waivers = stack.evidence.controls.flatMap((control) => control.waivers);
  for (const waiver of waivers) {
    const expiry = waiver.expires ? ` (expires ${waiver.expires})` : "";
    lines.push(`  ${paint("waived", "yellow")} ${terminalSafe(waiver.control)}: ${terminalSafe(waiver.reason)}${terminalSafe(expiry)}`);
  }
  const unverified = stack.evidence.controls.filter((entry) => entry.status === "unverified").map((entry) => entry.id);
  if (unverified.length > 0) {
    lines.push(
      `  ${paint(`unverified (${unverified.length})`, "yellow")}: ${unverified.join(", ")} (what could not be examined: Markdown, HTML and JSON reports)`,
    );
  }
  const gaps = stack.evidence.controls.filter((entry) => entry.status === "gap").map((entry) => entry.id);
  if (gaps.length > 0) {
    lines.push(`  ${paint(`gaps (${gaps.length})`, "dim")}: ${gaps.join(", ")} (reasons in the Markdown and HTML reports)`);
  }
  return lines;
}

function findingLine(finding: ReportFinding, paint: Paint): string {
  const level = finding.waived
    ? paint("waived   ", "dim")
    : finding.enforcementLevel === "mandatory"
      ? paint("MANDATORY", "red")
      : paint(finding.enforcementLevel.padEnd(9), "yellow");
  return `${level} ${finding.severity.padEnd(8)} ${terminalSafe(finding.policy)}  ${terminalSafe(shortUrn(finding.urn))}: ${terminalSafe(finding.message)}`;
}

/** `type::name`, the tail of a URN, which is what a reader recognises. */
function shortUrn(urn: string): string {
  const parts = urn.split("::");
  return parts.length >= 2 ? `${parts[parts.length - 2]?.split("$").pop() ?? ""}::${parts[parts.length - 1] ?? ""}` : urn;
}

function summaryTable(data: ReportData): string[] {
  const rows = data.stacks.map((stack) => [
    terminalSafe(stack.stack),
    String(stack.resources.length),
    ...CONTROL_STATUSES.map((status) => String(stack.evidence.controls.filter((control) => control.status === status).length)),
    String(stack.mandatoryViolations),
    String(stack.findings.filter((finding) => finding.enforcementLevel !== "mandatory" && !finding.waived).length),
  ]);
  return formatTextTable(
    ["Stack", "Resources", "Satisfied", "Violated", "Waived", "Unverified", "Gap", "N/A", "Mandatory", "Advisory"],
    rows,
  );
}
