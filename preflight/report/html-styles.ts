/** The HTML report's stylesheet, inlined so the report needs no network and no other file. */
export const HTML_STYLES = `
:root { color-scheme: light; --fg: #1f2933; --muted: #616e7c; --line: #d9dee5; --bg: #ffffff; --head: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
.muted, .meta { color: var(--muted); }
.meta { margin: 2px 0; }
.verdict { display: inline-block; padding: 6px 12px; border-radius: 6px; font-weight: 600; margin: 8px 0 4px; }
.verdict.pass { background: #dff3e4; color: #1c5d3a; }
.verdict.fail { background: #fde2e1; color: #8e2a20; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.id { white-space: nowrap; }
.clauses { font-size: 12px; line-height: 1.35; }
.clauses abbr { text-decoration: none; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .urn { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.status { display: inline-block; min-width: 92px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; text-align: center; }
.status-satisfied { background: #dff3e4; color: #1c5d3a; }
.status-violated { background: #fde2e1; color: #8e2a20; }
.status-waived { background: #fff1cc; color: #7a5200; }
.status-gap { background: #e8e3f8; color: #4a3a8a; }
.status-unverified { background: #ffe8d1; color: #7a3e00; }
.unexamined { border-left: 4px solid #c26a00; background: #fff6ec; padding: 0.4em 0.8em; }
.status-not-applicable { background: #eef0f3; color: #52606d; }
.level-mandatory { color: #8e2a20; font-weight: 600; }
.level-advisory, .level-remediate { color: #7a5200; }
details { margin: 4px 0; }
summary { cursor: pointer; }
ul { margin: 4px 0; padding-left: 20px; }
.diagram { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: #fbfcfd; }
.diagram .svc { font: 600 12px system-ui, sans-serif; fill: #1f2933; }
.diagram .box { font: 11px ui-monospace, Menlo, Consolas, monospace; fill: #1f2933; }
.legend { font-size: 12px; color: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid; border-radius: 3px; margin: 0 4px -2px 10px; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; }
.framework-index { columns: 2; font-size: 13px; }
table.framework td:first-child { width: 14%; }
table.framework td:nth-child(2) { width: 10%; }
@media print {
  @page { margin: 14mm 12mm; }
  body { padding: 0; font-size: 10.5px; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  /* Every collapsed section prints expanded: gap reasons, remediation and inputs are on paper too. */
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; cursor: auto; font-weight: 600; }
  details > summary::-webkit-details-marker { display: none; }
  /* Grid headers repeat on each page and never overlap: columns share the page width, long words wrap. */
  table { table-layout: fixed; width: 100%; }
  thead { display: table-header-group; }
  th, td { overflow-wrap: anywhere; word-break: break-word; hyphens: auto; padding: 3px 4px; }
  td.id { white-space: normal; }
  tr { break-inside: avoid; }
  .status { min-width: 0; padding: 0 4px; border: 1px solid currentColor; }
  .framework-index { columns: 1; }
  .diagram { max-width: 100%; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
