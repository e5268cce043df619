import type { Finding } from "../model";

/**
 * A finding with the waiver that covers it, when the pack reported one, and the other resources it is about
 * when the report merged several policies' findings into it.
 */
export type WaivableFinding = Finding & {
  waiver?: { reason: string; expires?: string };
  related?: readonly string[];
};

/**
 * The marker the secure-ai pack puts in the message of a finding an active waiver covers:
 * `[waived: <reason>, until <YYYY-MM-DD>]` (the finding is then reported as advisory).
 */
const WAIVED_MARKER = /\[waived: (.*), until (\d{4}-\d{2}-\d{2})\]/s;

/**
 * Marks a finding as waived when its pack says so, either through `waived` or the `[waived: …]` marker in
 * its message, and attaches the waiver's reason and expiry so the evidence can show them.
 *
 * @param finding - a finding as the analyzer returned it.
 */
export function withPackWaiver(finding: Finding): WaivableFinding {
  const match = WAIVED_MARKER.exec(finding.message);
  if (match === null) {
    return finding;
  }
  return { ...finding, waived: true, waiver: { reason: (match[1] ?? "").trim(), expires: match[2] } };
}
