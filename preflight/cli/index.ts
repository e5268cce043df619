/** The `secure-ai` command line. */
export {
  CliUsageError,
  parseArgs,
  REPORT_FORMATS,
  usageText,
  type CheckOptions,
  type ReportFormat,
} from "./args";
export { EXIT_PASS, EXIT_VIOLATIONS, runCli, type CliEnvironment, type OutputStream } from "./main";
export { runCheck, type CheckContext } from "./run-check";
export { defaultStages, type CheckStages } from "./stages";
