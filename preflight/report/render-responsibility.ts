import { escapeHtml as h, escapeMarkdown as md } from "./escape";
import type { ReportResponsibility } from "./stack-responsibility";
import { terminalSafe } from "./text-table";

/*
 * The shared-responsibility section of each stack in the text, Markdown and HTML reports: per security domain,
 * what the cloud provider is responsible for, what the customer is, and the platform's controls with their status
 * in the preflight's evidence; the models' Scoping Matrix scopes above it.
 */

/** The part of a report stack these renderers read. */
export interface StackWithResponsibility {
  responsibility?: readonly ReportResponsibility[];
}

/** Columns of a text line. */
const WIDTH = 100;

/** Wraps text at word boundaries: the first line after `indent`, the next ones two columns further in. */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  const prefix = () => (lines.length === 0 ? indent : `${indent}  `);
  for (const word of text.split(" ")) {
    if (line !== "" && prefix().length + line.length + 1 + word.length > WIDTH) {
      lines.push(`${prefix()}${line}`);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(`${prefix()}${line}`);
  return lines;
}

function scopesLine(table: ReportResponsibility): string {
  const models = table.models.map((m) => `${m.model} ${m.scope} (${m.scopingMatrix})`).join(", ");
  return `models: ${models || "none"}`;
}

function controlLabel(control: ReportResponsibility["rows"][number]["controls"][number]): string {
  return `${control.id} ${control.status}${control.inScope === "no" ? " (beyond the stack's scopes)" : ""}`;
}

/**
 * Text lines of a stack's shared-responsibility tables (none when the stack has no SecureAiPlatform), every line
 * within 100 columns.
 *
 * @param stack - the report stack.
 */
export function responsibilityText(stack: StackWithResponsibility): string[] {
  return (stack.responsibility ?? []).flatMap((table) => [
    ...wrap(terminalSafe(`Shared responsibility of ${table.name} on ${table.cloud}; ${scopesLine(table)}`), "  "),
    ...table.rows.flatMap((row) => [
      ...wrap(terminalSafe(`${row.title}: provider: ${row.provider}`), "    "),
      ...wrap(terminalSafe(`platform: ${row.controls.map(controlLabel).join(", ")}`), "      "),
    ]),
  ]);
}

/**
 * Markdown of a stack's shared-responsibility tables: a heading, the models' scopes and one table row per
 * domain (Security domain | Provider | Customer | Implemented by the platform).
 *
 * @param stack - the report stack.
 */
export function responsibilityMarkdown(stack: StackWithResponsibility): string[] {
  return (stack.responsibility ?? []).flatMap((table) => [
    `### Shared responsibility: ${md(table.name)} (${md(table.cloud)})`,
    "",
    md(scopesLine(table)),
    "",
    "| Security domain | Provider's responsibility | Customer's responsibility | Implemented by the platform |",
    "| --- | --- | --- | --- |",
    ...table.rows.map(
      (row) =>
        `| ${md(row.title)} | ${md(row.provider)} | ${md(row.customer)} | ${row.controls.map((c) => md(controlLabel(c))).join(", ")} |`,
    ),
    "",
    `Sources: ${table.sources.map(md).join(", ")}`,
    "",
  ]);
}

/**
 * HTML of a stack's shared-responsibility tables (an empty string when it has none).
 *
 * @param stack - the report stack.
 */
export function responsibilityHtml(stack: StackWithResponsibility): string {
  return (stack.responsibility ?? [])
    .map((table) =>
      [
        `<h3>Shared responsibility: ${h(table.name)} (${h(table.cloud)})</h3>`,
        `<p class="meta">${h(scopesLine(table))}</p>`,
        '<table class="responsibility"><thead><tr><th>Security domain</th><th>Provider\'s responsibility</th><th>Customer\'s responsibility</th><th>Implemented by the platform</th></tr></thead><tbody>',
        ...table.rows.map(
          (row) =>
            `<tr><td>${h(row.title)}</td><td>${h(row.provider)}</td><td>${h(row.customer)}</td><td>${row.controls
              .map(
                (c) =>
                  `<span class="status-${h(c.status)}">${h(controlLabel(c))}</span>`,
              )
              .join("<br>")}</td></tr>`,
        ),
        "</tbody></table>",
        `<p class="meta">Sources: ${table.sources.map((s) => `<code>${h(s)}</code>`).join(", ")}</p>`,
      ].join("\n"),
    )
    .join("\n");
}
