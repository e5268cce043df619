import { compareWithBaseline } from "../drift/compare";
import { readBaseline } from "../drift/read-baseline";
import type { ReportData } from "../report/report-data";

/**
 * Adds to a run's report what changed since the baseline report (`--baseline FILE`).
 *
 * @param data - this run's report.
 * @param baselineFile - the earlier `report.json`.
 * @throws CliUsageError when the baseline is not a secure-ai report.
 */
export function withDrift(data: ReportData, baselineFile: string): ReportData {
  return { ...data, drift: compareWithBaseline(readBaseline(baselineFile), data) };
}
