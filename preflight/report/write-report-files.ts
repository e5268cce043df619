import * as fs from "node:fs";
import type { ReportFormat } from "../cli/report-options";
import { renderReport } from "./render";
import type { ReportData } from "./report-data";
import { writeFileAtomically } from "./write-reports";

/**
 * Writes one report file per requested format (`--output FORMAT=FILE`), each through a temporary name renamed
 * into place, so a reader never sees a half-written file.
 *
 * @param data - the report data.
 * @param outputs - the format and path of each file.
 * @returns the paths written.
 */
export function writeReportFiles(data: ReportData, outputs: readonly { format: ReportFormat; file: string }[]): string[] {
  const rendered = outputs.map((output) => [output.file, renderReport(data, output.format)] as const);
  for (const [file, content] of rendered) {
    writeFileAtomically(file, content);
  }
  return rendered.map(([file]) => file);
}

/**
 * Removes the files a failed run was asked to write with `--output`, so that nothing stale passes for this
 * run's result. Best effort.
 *
 * @param outputs - the requested files.
 */
export function removeReportFiles(outputs: readonly { file: string }[]): void {
  for (const output of outputs) {
    try {
      fs.rmSync(output.file, { force: true });
    } catch {
      // Not ours to remove, or already gone.
    }
  }
}
