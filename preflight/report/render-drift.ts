/**
 * The "since the baseline" section of the text, Markdown and HTML reports (`--baseline`): the counts, then per
 * stack the findings that are new, whose waiver ended, still open, newly waived or fixed, the controls whose
 * status changed, and waivers that expired in between.
 */
import type { DriftChange, DriftFinding, DriftReport, StackDrift } from "../drift/types";
import { escapeHtml as h, escapeMarkdown as md } from "./escape";
import { terminalSafe } from "./text-table";

const CHANGE_LABELS: Readonly<Record<DriftChange, string>> = {
  new: "new",
  "waiver-ended": "waiver ended",
  open: "still open",
  "newly-waived": "newly waived",
  fixed: "fixed",
};

/** The one-sentence summary, e.g. "Since 2026-11-24T06:00:00Z: 2 new, 1 fixed, 5 still open, …". */
export function driftHeadline(drift: DriftReport): string {
  const s = drift.summary;
  const parts = [
    `${s.new} new`,
    `${s.fixed} fixed`,
    `${s.open} still open`,
    `${s.newlyWaived} newly waived`,
    `${s.waiverEnded} whose waiver ended`,
    `${s.expiredWaivers} waiver${s.expiredWaivers === 1 ? "" : "s"} expired`,
    `${s.controlsChanged} control status change${s.controlsChanged === 1 ? "" : "s"}`,
  ];
  const missing =
    drift.notAssessed.length > 0
      ? `; not assessed in this run: ${drift.notAssessed.map((stack) => `${stack.project}/${stack.stack}`).join(", ")}`
      : "";
  return `Since ${drift.baseline.generatedAt} (${drift.baseline.tool}): ${parts.join(", ")}${missing}.`;
}

function findingLine(finding: DriftFinding): string {
  const removed = finding.resourceRemoved === true ? " (resource removed)" : "";
  return `${CHANGE_LABELS[finding.change]}: ${finding.policy} on ${finding.urn}${removed}: ${finding.message}`;
}

function controlLine(control: StackDrift["controls"][number]): string {
  return `${control.id}: ${control.before} -> ${control.after}`;
}

function stackTitle(stack: StackDrift): string {
  return `${stack.project}/${stack.stack}${stack.inBaseline ? "" : " (not in the baseline: everything is new)"}`;
}

/** Text lines of the section; empty without a baseline. */
export function driftTextLines(drift: DriftReport | undefined): string[] {
  if (drift === undefined) {
    return [];
  }
  const lines = [terminalSafe(driftHeadline(drift))];
  for (const stack of drift.stacks) {
    if (stack.findings.length + stack.controls.length + stack.expiredWaivers.length === 0) {
      continue;
    }
    lines.push(`  ${terminalSafe(stackTitle(stack))}`);
    lines.push(...stack.findings.filter((f) => f.change !== "open").map((f) => `    ${terminalSafe(findingLine(f))}`));
    lines.push(...stack.controls.map((control) => `    control ${terminalSafe(controlLine(control))}`));
    lines.push(
      ...stack.expiredWaivers.map(
        (waiver) => `    waiver expired ${waiver.expires}: ${terminalSafe(waiver.control)} (${terminalSafe(waiver.reason)})`,
      ),
    );
  }
  return [...lines, ""];
}

/** Markdown of the section; empty without a baseline. */
export function driftMarkdown(drift: DriftReport | undefined): string[] {
  if (drift === undefined) {
    return [];
  }
  const lines = ["## Since the baseline", "", md(driftHeadline(drift)), ""];
  for (const stack of drift.stacks) {
    if (stack.findings.length + stack.controls.length + stack.expiredWaivers.length === 0) {
      continue;
    }
    lines.push(`### ${md(stackTitle(stack))}`, "", "| Change | Policy | Resource | Message |", "| --- | --- | --- | --- |");
    for (const finding of stack.findings) {
      const removed = finding.resourceRemoved === true ? " (removed)" : "";
      lines.push(
        `| ${CHANGE_LABELS[finding.change]} | ${md(finding.policy)} | ${md(finding.urn)}${removed} | ${md(finding.message)} |`,
      );
    }
    lines.push("");
    if (stack.controls.length > 0) {
      lines.push(...stack.controls.map((control) => `- Control ${md(controlLine(control))}`), "");
    }
    if (stack.expiredWaivers.length > 0) {
      lines.push(
        ...stack.expiredWaivers.map(
          (waiver) => `- Waiver of ${md(waiver.control)} expired ${md(waiver.expires)}: ${md(waiver.reason)}`,
        ),
        "",
      );
    }
  }
  return lines;
}

/** HTML of the section; empty without a baseline. */
export function driftHtml(drift: DriftReport | undefined): string {
  if (drift === undefined) {
    return "";
  }
  const parts = [`<section class="drift"><h2>Since the baseline</h2><p>${h(driftHeadline(drift))}</p>`];
  for (const stack of drift.stacks) {
    if (stack.findings.length + stack.controls.length + stack.expiredWaivers.length === 0) {
      continue;
    }
    parts.push(`<h3>${h(stackTitle(stack))}</h3>`);
    if (stack.findings.length > 0) {
      parts.push(
        "<table><thead><tr><th>Change</th><th>Policy</th><th>Resource</th><th>Message</th></tr></thead><tbody>",
        ...stack.findings.map(
          (finding) =>
            `<tr class="drift-${finding.change}"><td>${h(CHANGE_LABELS[finding.change])}</td><td>${h(finding.policy)}</td>` +
            `<td><code>${h(finding.urn)}</code>${finding.resourceRemoved === true ? " (removed)" : ""}</td><td>${h(finding.message)}</td></tr>`,
        ),
        "</tbody></table>",
      );
    }
    if (stack.controls.length + stack.expiredWaivers.length > 0) {
      parts.push(
        "<ul>",
        ...stack.controls.map((control) => `<li>Control ${h(controlLine(control))}</li>`),
        ...stack.expiredWaivers.map(
          (waiver) => `<li>Waiver of ${h(waiver.control)} expired ${h(waiver.expires)}: ${h(waiver.reason)}</li>`,
        ),
        "</ul>",
      );
    }
  }
  parts.push("</section>");
  return parts.join("\n");
}
