import * as fs from "node:fs";
import * as path from "node:path";
import { REPORT_FORMATS } from "../cli/args";
import { REPORT_FILE_NAMES, renderReport } from "./render";
import type { ReportData } from "./report-data";

/**
 * Creates `dir` (and its missing parents, one at a time: Node's recursive `mkdir` never returns on some
 * virtual file systems such as `/proc`) and proves it writable with a probe file.
 *
 * @param dir - the directory.
 * @throws the file system's error when the directory cannot be created or written.
 */
export function ensureWritableDirectory(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  for (const item of missing) {
    fs.mkdirSync(item);
  }
  const probe = path.join(dir, `.secure-ai-write-probe.${process.pid}`);
  fs.writeFileSync(probe, "");
  fs.rmSync(probe, { force: true });
}

/**
 * Writes every format into `outDir` (created if needed). Each file is written to a temporary name first and
 * renamed into place, so a reader never sees a half-written report.
 *
 * @param data - the report data.
 * @param outDir - the directory.
 * @returns the paths written.
 */
export function writeAllReports(data: ReportData, outDir: string): string[] {
  ensureWritableDirectory(outDir);
  const rendered = REPORT_FORMATS.map((format) => [path.join(outDir, REPORT_FILE_NAMES[format]), renderReport(data, format)] as const);
  for (const [file, content] of rendered) {
    writeFileAtomically(file, content);
  }
  return rendered.map(([file]) => file);
}

/**
 * Writes `content` to a temporary name beside `file` and renames it into place, so a reader never sees a
 * half-written file.
 *
 * @param file - the destination.
 * @param content - the text.
 */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content, "utf8");
  fs.renameSync(temporary, file);
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
