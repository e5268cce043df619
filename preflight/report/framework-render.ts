import { escapeHtml as h, escapeMarkdown as md } from "./escape";
import { CLAUSE_STATUS_ORDER, type FrameworkClause, type FrameworkView } from "./framework-view";
import { STATUS_LABELS } from "./status-labels";
import { terminalSafe } from "./text-table";
import { wrapText } from "./text-wrap";

/** The last segment of a URN, the resource's name, which is what a reader recognises. */
function resourceName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** `12 clauses: 3 violated, 9 satisfied`: the clause counts, worst first, zeros left out. */
export function clauseCountsSentence(view: FrameworkView): string {
  const counts = CLAUSE_STATUS_ORDER.filter((status) => view.clauseCounts[status] > 0).map(
    (status) => `${view.clauseCounts[status]} ${STATUS_LABELS[status]}`,
  );
  return `${view.clauses.length} clause${view.clauses.length === 1 ? "" : "s"}: ${counts.join(", ")}`;
}

/** Per control, its status in each stack: `SAI-ENC-01 violated` or `SAI-ENC-01 dev violated, prod satisfied`. */
function controlStatuses(clause: FrameworkClause): string[] {
  return clause.controls.map((control) => {
    const statuses = new Set(control.stacks.map((entry) => entry.status));
    if (statuses.size <= 1) {
      return `${control.id} ${STATUS_LABELS[control.stacks[0]?.status ?? "not-applicable"]}`;
    }
    return `${control.id} ${control.stacks.map((entry) => `${entry.stack} ${STATUS_LABELS[entry.status]}`).join(", ")}`;
  });
}

function clauseResources(clause: FrameworkClause): string[] {
  return [...new Set(clause.controls.flatMap((control) => control.stacks.flatMap((entry) => entry.resources)))];
}

/**
 * The compact text summary: one line per framework with its clause counts, and the clauses that are
 * violated, unverified or a gap by name. Every line within 100 columns.
 *
 * @param views - the framework views.
 */
export function frameworkTextLines(views: readonly FrameworkView[]): string[] {
  if (views.length === 0) {
    return [];
  }
  const lines = wrapText("Frameworks (a clause takes the worst status of its controls; clause by clause in Markdown, HTML and JSON)");
  for (const view of views) {
    lines.push(...wrapText(`${view.shortName}: ${clauseCountsSentence(view)}`, { firstIndent: "  ", indent: "    " }));
    for (const status of ["violated", "unverified", "gap"] as const) {
      const clauses = view.clauses.filter((clause) => clause.status === status).map((clause) => clause.clause);
      if (clauses.length > 0) {
        lines.push(...wrapText(terminalSafe(`${STATUS_LABELS[status]}: ${clauses.join("; ")}`), { firstIndent: "    ", indent: "      " }));
      }
    }
  }
  return lines;
}

/**
 * The Markdown section: per framework its clause counts and a table of clause, status, controls (with
 * their status per stack) and the resources their evidence names.
 *
 * @param views - the framework views.
 */
export function frameworkMarkdown(views: readonly FrameworkView[]): string[] {
  const lines = ["## Frameworks", "", "A clause takes the worst status of its controls over every stack.", ""];
  for (const view of views) {
    lines.push(`### ${md(view.shortName)}: ${md(view.name)}`, "", `${md(clauseCountsSentence(view))}.`, "");
    lines.push("| Clause | Status | Controls | Resources |", "| --- | --- | --- | --- |");
    for (const clause of view.clauses) {
      const resources = clauseResources(clause).map(resourceName);
      lines.push(
        `| ${md(clause.clause)} | ${STATUS_LABELS[clause.status]} | ${controlStatuses(clause).map(md).join("<br>")} | ${resources.length > 0 ? resources.map(md).join(", ") : "none"} |`,
      );
    }
    lines.push("");
  }
  return lines;
}

/**
 * The HTML section: an index of the frameworks with their clause counts, then per framework a table of
 * clause, status, controls (linked to their evidence, status per stack) and resources (name, URN on hover).
 *
 * @param views - the framework views.
 */
export function frameworkHtml(views: readonly FrameworkView[]): string {
  const badge = (status: FrameworkClause["status"]): string =>
    `<span class="status status-${status}">${STATUS_LABELS[status]}</span>`;
  const index = views
    .map((view) => `<li><a href="#framework-${h(view.id)}">${h(view.shortName)}</a>: ${h(clauseCountsSentence(view))}</li>`)
    .join("");
  const tables = views.map((view) => {
    const rows = view.clauses.map((clause) => {
      const controls = clause.controls
        .map((control) => {
          const statuses = control.stacks
            .map((entry) => `${control.stacks.length > 1 ? `${h(entry.stack)} ` : ""}${badge(entry.status)}`)
            .join(" ");
          return `<div><a href="#control-${h(control.id)}"><code>${h(control.id)}</code></a> ${statuses}</div>`;
        })
        .join("");
      const resources = clauseResources(clause);
      const list =
        resources.length === 0
          ? '<span class="muted">none</span>'
          : resources.map((urn) => `<span class="urn" title="${h(urn)}">${h(resourceName(urn))}</span>`).join(", ");
      return `<tr><td class="id">${h(clause.clause)}</td><td>${badge(clause.status)}</td><td>${controls}</td><td>${list}</td></tr>`;
    });
    return [
      `<h3 id="framework-${h(view.id)}">${h(view.shortName)}: ${h(view.name)}</h3>`,
      `<p class="muted">${h(clauseCountsSentence(view))}.</p>`,
      `<table class="framework"><thead><tr><th>Clause</th><th>Status</th><th>Controls</th><th>Resources</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`,
    ].join("\n");
  });
  return [
    '<h2 id="frameworks">Frameworks</h2>',
    '<p class="muted">A clause takes the worst status of its controls over every stack.</p>',
    `<ul class="framework-index">${index}</ul>`,
    ...tables,
  ].join("\n");
}
