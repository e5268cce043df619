/** Google API durations (`"7776000s"`: decimal seconds with up to nine fractional digits and an `s`). */

const SECONDS_PER_DAY = 86_400;
const DURATION = /^(\d+)(\.\d{1,9})?s$/;

/** The duration in seconds, or `undefined` when the text is not a Google duration. */
export function durationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  return match ? Number(`${match[1]}${match[2] ?? ""}`) : undefined;
}

/** `days` as a Google duration string. */
export function daysAsDuration(days: number): string {
  return `${days * SECONDS_PER_DAY}s`;
}

/** Seconds as days, for messages (two decimals at most). */
export function secondsAsDays(seconds: number): number {
  return Math.round((seconds / SECONDS_PER_DAY) * 100) / 100;
}

/** One day in seconds. */
export const DAY_SECONDS = SECONDS_PER_DAY;
