import type { ReportData } from "./report-data";

/**
 * What the report is about, for its header: the program directory of `secure-ai check`, or the state files of
 * `secure-ai audit`.
 *
 * @param data - the report data.
 */
export function reportSubject(data: ReportData): { label: "Program" | "State"; value: string } {
  return data.stateFiles !== undefined
    ? { label: "State", value: data.stateFiles.join(", ") }
    : { label: "Program", value: data.programDir };
}
