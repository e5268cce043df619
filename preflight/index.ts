/**
 * The offline preflight behind `secure-ai check`, as a library: run a Pulumi program under the mock runtime
 * (engine), evaluate it with policy packs over the analyzer protocol (analyzer), derive per-control evidence
 * (evidence) and render reports (report).
 */
export * from "./model";
export {
  runCli,
  runCheck,
  parseArgs,
  usageText,
  REPORT_FORMATS,
  type CheckOptions,
  type ReportFormat,
} from "./cli";
export { runStack, listStacks, PreflightProgramError, PreflightUsageError } from "./engine";
export * from "./analyzer";
export { buildStackEvidence, countMandatoryViolations } from "./evidence";
export {
  buildReportData,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderReport,
  renderSarif,
  renderText,
  writeAllReports,
} from "./report";
