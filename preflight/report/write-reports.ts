import * as fs from "node:fs";
import * as path from "node:path";
import { REPORT_FORMATS } from "../cli/args";
import { REPORT_FILE_NAMES, renderReport } from "./render";
import type { ReportData } from "./report-data";

/**
 * Writes every format into `outDir` (created if needed). Each file is written to a temporary name first and
 * renamed into place, so a reader never sees a half-written report.
 *
 * @param data - the report data.
 * @param outDir - the directory.
 * @returns the paths written.
 */
export function writeAllReports(data: ReportData, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const rendered = REPORT_FORMATS.map((format) => [path.join(outDir, REPORT_FILE_NAMES[format]), renderReport(data, format)] as const);
  const written: string[] = [];
  for (const [file, content] of rendered) {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, content, "utf8");
    fs.renameSync(temporary, file);
    written.push(file);
  }
  return written;
}

/**
 * Removes the report files a previous run left in `outDir`, so that a failed run leaves nothing that could
 * pass for a successful one. Only the report file names this tool writes are touched.
 *
 * @param outDir - the directory.
 */
export function removeStaleReports(outDir: string): void {
  for (const format of REPORT_FORMATS) {
    fs.rmSync(path.join(outDir, REPORT_FILE_NAMES[format]), { force: true });
  }
}
