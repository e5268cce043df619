import type { ReportData, ReportFinding, ReportStack } from "./report-data";
import { responsibilityText } from "./render-responsibility";
import { unexaminedSentence } from "../evidence/unexamined";
import { driftTextLines } from "./render-drift";
import { reportSubject } from "./subject";
import { CONTROL_STATUSES } from "./status-labels";
import { frameworkTextLines } from "./framework-render";
import { buildFrameworkViews } from "./framework-view";
import { waiverProblemText } from "./waiver-render";
import { programLocation } from "./source-location";
import { formatTextTable, terminalSafe } from "./text-table";
import { wrapText } from "./text-wrap";

/** Options of the text renderer. */
export interface TextRenderOptions {
  /** Use ANSI colours (only when writing to a terminal). @default false */
  color?: boolean;
  /**
   * Leave out each policy's description and the shared-responsibility section: one heading per resource and
   * what each policy said (`--compact`). @default false
   */
  compact?: boolean;
}


const ANSI = { red: "\u001b[31m", yellow: "\u001b[33m", green: "\u001b[32m", dim: "\u001b[2m", bold: "\u001b[1m", reset: "\u001b[0m" };

type Paint = (text: string, colour: keyof typeof ANSI) => string;

/**
 * Renders the terminal report, every line within 100 columns (`TEXT_WIDTH`): per stack, the findings grouped
 * by resource (its type and the line of the program that declares it), each policy's description once, what
 * each policy said, then the violated controls, waivers, unverified controls and gaps; a summary table over
 * all stacks, a line per framework, the waivers to review and the verdict.
 *
 * @param data - the report data.
 * @param options - colour on or off.
 */
export function renderText(data: ReportData, options: TextRenderOptions = {}): string {
  const paint: Paint = options.color ? (text, colour) => `${ANSI[colour]}${text}${ANSI.reset}` : (text) => text;
  const packs = data.packs.map((pack) => `${pack.name} ${pack.version}`).join(", ");
  const lines = [
    paint(`${data.tool.name} ${data.tool.version}`, "bold"),
    ...wrapText(`${reportSubject(data).label}: ${terminalSafe(reportSubject(data).value)}`, { indent: "  " }),
    ...wrapText(`Policy packs: ${terminalSafe(packs) || "none"}`, { indent: "  " }),
    "",
  ];
  for (const stack of data.stacks) {
    lines.push(...stackSection(stack, data, paint, options.compact === true), ...(options.compact === true ? [] : responsibilityText(stack)), "");
  }
  lines.push(paint("Summary", "bold"), ...summaryTable(data).map((line) => `  ${line}`), "");
  const frameworks = frameworkTextLines(buildFrameworkViews(data));
  lines.push(...frameworks, ...(frameworks.length > 0 ? [""] : []));
  const waivers = waiverProblemText(data.waiverProblems);
  lines.push(...waivers.map((line, index) => (index === 0 ? paint(line, "yellow") : line)), ...(waivers.length > 0 ? [""] : []));
  lines.push(...driftTextLines(data.drift).flatMap((line) => indentedWrap(line)));
  for (const stack of data.stacks) {
    const sentence = unexaminedSentence(stack.evidence.unexamined);
    if (sentence !== undefined) {
      const text = terminalSafe(`Not examined in ${stack.stack}: ${sentence}`);
      lines.push(...wrapText(text, { indent: "  " }).map((line) => paint(line, "yellow")));
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

function stackSection(stack: ReportStack, data: ReportData, paint: Paint, compact: boolean): string[] {
  const title = `Stack ${terminalSafe(stack.stack)} (project ${terminalSafe(stack.project)}): ${stack.resources.length} resources, ${stack.findings.length} findings (${stack.passes.join(" + ")})`;
  const lines = wrapText(title).map((line) => paint(line, "bold"));
  const descriptions = new Map(data.packs.flatMap((pack) => pack.policies.map((policy) => [policy.name, policy.description])));
  const described = new Set<string>();
  const byResource = new Map<string, ReportFinding[]>();
  for (const finding of stack.findings) {
    byResource.set(finding.urn, [...(byResource.get(finding.urn) ?? []), finding]);
  }
  for (const [urn, findings] of byResource) {
    lines.push(...wrapText(resourceHeading(stack, urn, data.programDir), { firstIndent: "  ", indent: "      " }));
    for (const finding of findings) {
      lines.push(findingHead(finding, paint));
      for (const policy of finding.policies) {
        const description = descriptions.get(policy);
        if (!compact && description !== undefined && description.trim() !== "" && !described.has(policy)) {
          described.add(policy);
          const label = finding.policies.length > 1 ? `${policy}: ` : "";
          lines.push(...wrapText(terminalSafe(`${label}${description.trim()}`), { firstIndent: "      " }).map((line) => paint(line, "dim")));
        }
      }
      for (const detail of finding.details) {
        lines.push(...wrapText(terminalSafe(detail), { firstIndent: "      - ", indent: "        " }));
      }
      lines.push(...mergedLines(finding, stack, data.programDir));
    }
  }
  if (stack.findings.length === 0) {
    lines.push(`  ${paint("No findings.", "green")}`);
  }
  const violated = stack.evidence.controls.filter((entry) => entry.status === "violated").map((entry) => entry.id);
  if (violated.length > 0) {
    lines.push(...wrapText(`violated (${violated.length}): ${violated.join(", ")}`, { firstIndent: "  ", indent: "    " }).map((line) => paint(line, "red")));
  }
  const waivers = stack.evidence.controls.flatMap((control) => control.waivers);
  for (const waiver of waivers) {
    const expiry = waiver.expires ? ` (expires ${waiver.expires})` : "";
    lines.push(...wrapText(terminalSafe(`waived ${waiver.control}: ${waiver.reason}${expiry}`), { firstIndent: "  ", indent: "    " }));
  }
  const unverified = stack.evidence.controls.filter((entry) => entry.status === "unverified").map((entry) => entry.id);
  if (unverified.length > 0) {
    lines.push(
      ...wrapText(`unverified (${unverified.length}): ${unverified.join(", ")} (what could not be examined: Markdown, HTML and JSON reports)`, { firstIndent: "  ", indent: "    " }),
    );
  }
  const gaps = stack.evidence.controls.filter((entry) => entry.status === "gap").map((entry) => entry.id);
  if (gaps.length > 0) {
    lines.push(...wrapText(`gaps (${gaps.length}): ${gaps.join(", ")} (reasons in the Markdown and HTML reports)`, { firstIndent: "  ", indent: "    " }));
  }
  return lines;
}

/** `name  aws.s3.Bucket  index.ts:32`, or the stack itself for stack-level findings. */
function resourceHeading(stack: ReportStack, urn: string, programDir: string): string {
  if (urn === stack.stackUrn) {
    return `${terminalSafe(stack.stack)} (the whole stack)`;
  }
  const resource = stack.resources.find((entry) => entry.urn === urn);
  const name = resource?.name ?? urn.split("::").pop() ?? urn;
  const location = programLocation(stack, urn, programDir);
  const where = location === undefined ? "" : `  ${location.file}:${location.line}`;
  return terminalSafe(`${name}  ${resource === undefined ? "" : displayType(resource.type)}${where}`);
}

/** `MANDATORY critical policy  controls`: one line (a policy name and its controls fit in 100 columns). */
function findingHead(finding: ReportFinding, paint: Paint): string {
  const level = finding.waived ? "waived" : finding.enforcementLevel === "mandatory" ? "MANDATORY" : finding.enforcementLevel;
  const colour = finding.waived ? "dim" : finding.enforcementLevel === "mandatory" ? "red" : "yellow";
  const head = `${level.padEnd(9)} ${finding.severity.padEnd(8)} ${terminalSafe(finding.policy)}  ${terminalSafe(finding.controls.join(", "))}`;
  return wrapText(head, { firstIndent: "    ", indent: "      " })
    .map((line, index) => (index === 0 ? paint(line, colour) : line))
    .join("\n");
}

/** For a merged finding: the other policies that reported it and the other resources it is about. */
function mergedLines(finding: ReportFinding, stack: ReportStack, programDir: string): string[] {
  const lines: string[] = [];
  const others = finding.policies.filter((policy) => policy !== finding.policy);
  if (others.length > 0) {
    lines.push(...wrapText(terminalSafe(`also reported by ${others.join(", ")}`), { firstIndent: "      ", indent: "        " }));
  }
  for (const urn of finding.related) {
    const location = programLocation(stack, urn, programDir);
    const resource = stack.resources.find((entry) => entry.urn === urn);
    const label = `${resource?.name ?? urn.split("::").pop() ?? urn}${resource ? ` ${displayType(resource.type)}` : ""}${location ? ` ${location.file}:${location.line}` : ""}`;
    lines.push(...wrapText(terminalSafe(`about ${label} as well`), { firstIndent: "      ", indent: "        " }));
  }
  return lines;
}

/** A type token as a TypeScript program writes the class: `aws:s3/bucket:Bucket` becomes `aws.s3.Bucket`. */
function displayType(type: string): string {
  const [pkg, module, name] = type.split(":");
  if (pkg === undefined || module === undefined || name === undefined) {
    return type;
  }
  const moduleName = module.split("/")[0] ?? module;
  return moduleName === "index" ? `${pkg}.${name}` : `${pkg}.${moduleName}.${name}`;
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

/** Wraps a line that starts with its own indentation; continuation lines go four columns further in. */
function indentedWrap(line: string): string[] {
  const lead = /^ */.exec(line)?.[0] ?? "";
  return wrapText(line.trimStart(), { firstIndent: lead, indent: `${lead}    ` });
}
