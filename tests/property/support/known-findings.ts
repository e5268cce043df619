/**
 * Disagreements between the backends and the pack that the property tests found and that are not fixed
 * yet. Each entry is narrow (one policy, one message, only for the specs that trigger it) and names why it
 * happens; a finding that does not match an entry fails the property. Delete an entry once it is fixed.
 * Listed in docs/reliability.md.
 */
import type { SecureAiPlatformArgs } from "../../../components/spec/args";
import type { PackDiagnostic } from "../../reliability/support/pack-runtime";

/** A known disagreement. */
export interface KnownFinding {
  /** What happens and which side should change. */
  why: string;
  /** Whether a diagnostic is this known finding for these args. */
  matches(diagnostic: PackDiagnostic, args: SecureAiPlatformArgs): boolean;
}

/** The known disagreements. */
export const KNOWN_FINDINGS: readonly KnownFinding[] = [];
