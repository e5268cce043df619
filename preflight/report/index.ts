/** Report renderers of `secure-ai check`: text, JSON, SARIF 2.1.0, Markdown and HTML. */
export { buildReportData, type ReportInput, type StackResult } from "./build-report-data";
export { toDisplayValue, type DisplayValue } from "./display-value";
export { escapeHtml, escapeMarkdown } from "./escape";
export { REPORT_FILE_NAMES, renderReport } from "./render";
export { renderHtml } from "./render-html";
export { renderJson } from "./render-json";
export { renderMarkdown } from "./render-markdown";
export { renderSarif, SARIF_SCHEMA_URI } from "./render-sarif";
export { renderText, type TextRenderOptions } from "./render-text";
export type { ReportData, ReportFinding, ReportResource, ReportStack, ReportSummary } from "./report-data";
export { removeStaleReports, writeAllReports } from "./write-reports";
