import * as fs from "node:fs";
import { parse } from "yaml";
import { PreflightUsageError } from "./errors";

/**
 * Reads and parses one YAML file, turning read and syntax failures into a {@link PreflightUsageError}
 * that names the file.
 *
 * @param file - absolute path of the file.
 * @returns the parsed document (`undefined` for an empty file).
 */
export function readYamlFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new PreflightUsageError(`Cannot read ${file}: ${(error as Error).message}`, { file });
  }
  try {
    return parse(text) as unknown;
  } catch (error) {
    throw new PreflightUsageError(`${file} is not valid YAML: ${(error as Error).message}`, { file });
  }
}

/** True for a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
