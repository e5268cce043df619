import type { ControlStatus } from "../model";

/** Report order of control statuses. */
export const CONTROL_STATUSES: readonly ControlStatus[] = [
  "satisfied",
  "violated",
  "waived",
  "unverified",
  "gap",
  "not-applicable",
];

/** Short human label per control status. */
export const STATUS_LABELS: Readonly<Record<ControlStatus, string>> = {
  satisfied: "satisfied",
  violated: "violated",
  waived: "waived",
  unverified: "unverified",
  gap: "gap",
  "not-applicable": "not applicable",
};
