/** ISO 8601 durations as Key Vault rotation policies use them (`P90D`, `P3M`, `P1Y`, `PT12H`). */

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

/**
 * The duration in days, or `undefined` when the text is not an ISO 8601 duration. Months count as 31 days
 * and years as 366, the longest calendar reading, so a limit is never understated ("P3M" can exceed 90 days).
 */
export function durationDays(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim().toUpperCase() === "P" || text.trim().toUpperCase().endsWith("T")) {
    return undefined;
  }
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  return years * 366 + months * 31 + weeks * 7 + days + hours / 24 + minutes / 1440 + seconds / 86_400;
}
