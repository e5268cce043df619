import type { WaiverProblem } from "../evidence/waiver-status";
import { escapeHtml as h, escapeMarkdown as md } from "./escape";
import { terminalSafe } from "./text-table";
import { wrapText } from "./text-wrap";

const STATE_LABELS: Readonly<Record<WaiverProblem["state"], string>> = { expired: "expired", stale: "matches nothing" };

/**
 * Text lines for the waivers to review: one paragraph per expired or stale waiver, within 100 columns.
 *
 * @param problems - the waivers with a problem.
 */
export function waiverProblemText(problems: readonly WaiverProblem[]): string[] {
  if (problems.length === 0) {
    return [];
  }
  return [
    `Waivers to review (${problems.length})`,
    ...problems.flatMap((problem) =>
      wrapText(
        terminalSafe(
          `${STATE_LABELS[problem.state]}: ${problem.policy} on "${problem.resource}" (${problem.reason}; expires ${problem.expires}): ${problem.detail}`,
        ),
        { firstIndent: "  ", indent: "    " },
      ),
    ),
  ];
}

/**
 * The Markdown section of the waivers to review.
 *
 * @param problems - the waivers with a problem.
 */
export function waiverProblemMarkdown(problems: readonly WaiverProblem[]): string[] {
  if (problems.length === 0) {
    return [];
  }
  return [
    "## Waivers to review",
    "",
    "Waivers of the policy configuration that are expired, or that match no resource or finding.",
    "",
    "| State | Policy | Resource | Reason | Expires | What was seen |",
    "| --- | --- | --- | --- | --- | --- |",
    ...problems.map(
      (problem) =>
        `| ${STATE_LABELS[problem.state]} | ${md(problem.policy)} | ${md(problem.resource)} | ${md(problem.reason)} | ${md(problem.expires)} | ${md(problem.detail)} |`,
    ),
    "",
  ];
}

/**
 * The HTML section of the waivers to review (empty when there are none).
 *
 * @param problems - the waivers with a problem.
 */
export function waiverProblemHtml(problems: readonly WaiverProblem[]): string {
  if (problems.length === 0) {
    return "";
  }
  const rows = problems
    .map(
      (problem) =>
        `<tr><td class="waiver-${problem.state}">${STATE_LABELS[problem.state]}</td><td><code>${h(problem.policy)}</code></td><td class="urn">${h(problem.resource)}</td><td>${h(problem.reason)}</td><td>${h(problem.expires)}</td><td>${h(problem.detail)}</td></tr>`,
    )
    .join("\n");
  return [
    '<h3 id="waivers-to-review">Waivers to review</h3>',
    '<p class="muted">Waivers of the policy configuration that are expired, or that match no resource or finding.</p>',
    `<table id="waiver-problems"><thead><tr><th>State</th><th>Policy</th><th>Resource</th><th>Reason</th><th>Expires</th><th>What was seen</th></tr></thead><tbody>${rows}</tbody></table>`,
  ].join("\n");
}
