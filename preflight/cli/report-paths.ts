import * as fs from "node:fs";
import * as path from "node:path";
import { ensureWritableDirectory } from "../report/write-reports";
import type { ReportOptions } from "./report-options";
import { CliUsageError } from "./usage-error";

/**
 * Checks the paths every report command takes before anything runs: `--out` is (or can be made) a writable
 * directory, each `--policy-pack` a pack directory, each `--policy-config` and the `--baseline` a file, each
 * `--output` file in a directory that exists.
 *
 * @param options - the parsed report flags.
 * @throws CliUsageError naming the flag and the path.
 */
export function checkReportPaths(options: ReportOptions): void {
  if (options.outDir !== undefined) {
    try {
      ensureWritableDirectory(options.outDir);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliUsageError(`--out ${options.outDir} is not a writable directory (${reason}).`);
    }
  }
  for (const pack of options.policyPacks) {
    if (!isDirectory(pack) || !fs.existsSync(path.join(pack, "PulumiPolicy.yaml"))) {
      throw new CliUsageError(`--policy-pack ${pack} is not a policy pack directory (no PulumiPolicy.yaml).`);
    }
  }
  for (const file of options.policyConfigs) {
    if (!isFile(file)) {
      throw new CliUsageError(`--policy-config ${file} is not a file.`);
    }
  }
  for (const output of options.outputs) {
    if (!isDirectory(path.dirname(output.file))) {
      throw new CliUsageError(
        `--output ${output.format}=${output.file}: ${path.dirname(output.file)} is not a directory.`,
      );
    }
  }
  if (options.baseline !== undefined && !isFile(options.baseline)) {
    throw new CliUsageError(
      `--baseline ${options.baseline} is not a file (a report.json of an earlier run).`,
    );
  }
}

/** Whether `dir` exists and is a directory. */
export function isDirectory(dir: string): boolean {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory();
}

function isFile(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).isFile();
}
