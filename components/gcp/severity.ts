import { SEVERITIES, type SeverityLevel } from "../spec/resolved";

/** Security Command Center severities at or above a threshold, lowest first. */
export function severitiesAtOrAbove(threshold: SeverityLevel): SeverityLevel[] {
  return SEVERITIES.slice(SEVERITIES.indexOf(threshold));
}

/** Streaming filter of a Security Command Center notification config: active findings at or above the threshold. */
export function sccFindingsFilter(threshold: SeverityLevel): string {
  const severities = severitiesAtOrAbove(threshold).map((s) => `severity = "${s.toUpperCase()}"`);
  return `state = "ACTIVE" AND (${severities.join(" OR ")})`;
}
