import * as path from "node:path";
import type { SourceLocation } from "../model";
import type { ReportStack } from "./report-data";

/** Where a finding's resource is declared in the program, relative to the program directory. */
export interface ProgramLocation {
  /** Path relative to the program directory, with `/` separators. */
  file: string;
  line: number;
  column: number;
  /**
   * The URN whose declaration this is: the resource itself, or the nearest ancestor declared in the program
   * when the resource was created inside a library (a SecureAiPlatform's key is declared where the program
   * calls `new SecureAiPlatform`).
   */
  declaredBy: string;
}

/**
 * Finds where the program declares a resource: its own source position when that lies in the program (not
 * in `node_modules`, not outside the program directory), else the nearest ancestor's that does.
 *
 * @param stack - the stack of the resource.
 * @param urn - the resource.
 * @param programDir - the program directory.
 * @returns the location, or `undefined` when neither the resource nor an ancestor has one in the program.
 */
export function programLocation(stack: ReportStack, urn: string, programDir: string): ProgramLocation | undefined {
  const byUrn = new Map(stack.resources.map((resource) => [resource.urn, resource]));
  const seen = new Set<string>();
  let current = byUrn.get(urn);
  while (current !== undefined && !seen.has(current.urn)) {
    seen.add(current.urn);
    const relative = current.source === undefined ? undefined : inProgram(current.source, programDir);
    if (relative !== undefined && current.source !== undefined) {
      return { file: relative, line: current.source.line, column: current.source.column, declaredBy: current.urn };
    }
    current = current.parent === undefined ? undefined : byUrn.get(current.parent);
  }
  return undefined;
}

/** The file relative to the program directory, or `undefined` when it is outside it or a dependency. */
function inProgram(source: SourceLocation, programDir: string): string | undefined {
  const relative = path.relative(path.resolve(programDir), path.resolve(source.file));
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    return undefined;
  }
  const parts = relative.split(path.sep);
  return parts.includes("node_modules") ? undefined : parts.join("/");
}
