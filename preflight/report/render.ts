import type { ReportFormat } from "../cli/args";
import { renderOscalAssessmentResults } from "../oscal";
import { renderHtml } from "./render-html";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";
import { renderSarif } from "./render-sarif";
import { renderText } from "./render-text";
import type { ReportData } from "./report-data";

/** File name of each format in the `--out` directory. */
export const REPORT_FILE_NAMES: Readonly<Record<ReportFormat, string>> = {
  text: "report.txt",
  json: "report.json",
  sarif: "report.sarif",
  md: "report.md",
  html: "report.html",
  oscal: "report.oscal.json",
};

/**
 * Renders one format.
 *
 * @param data - the report data.
 * @param format - which format.
 * @param options - `color` and `compact` apply to text only. @default { color: false, compact: false }
 */
export function renderReport(
  data: ReportData,
  format: ReportFormat,
  options: { color?: boolean; compact?: boolean } = {},
): string {
  switch (format) {
    case "text":
      return renderText(data, { color: options.color === true, compact: options.compact === true });
    case "json":
      return renderJson(data);
    case "sarif":
      return renderSarif(data);
    case "md":
      return renderMarkdown(data);
    case "html":
      return renderHtml(data);
    case "oscal":
      return renderOscalAssessmentResults(data);
  }
}
