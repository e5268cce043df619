/** The stable control IDs of ../shared/controls.md, in catalog order. Part of the public contract. */
export const CONTROL_IDS = [
  "SAI-ENC-01",
  "SAI-ENC-02",
  "SAI-ENC-03",
  "SAI-ENC-04",
  "SAI-ENC-05",
  "SAI-ENC-06",
  "SAI-ENC-07",
  "SAI-ENC-08",
  "SAI-TLS-01",
  "SAI-TLS-02",
  "SAI-TLS-03",
  "SAI-NET-01",
  "SAI-NET-02",
  "SAI-NET-03",
  "SAI-NET-04",
  "SAI-NET-05",
  "SAI-IAM-01",
  "SAI-IAM-02",
  "SAI-IAM-03",
  "SAI-IAM-04",
  "SAI-IAM-05",
  "SAI-LOG-01",
  "SAI-LOG-02",
  "SAI-LOG-03",
  "SAI-LOG-04",
  "SAI-DET-01",
  "SAI-DET-02",
  "SAI-IR-01",
  "SAI-MOD-01",
  "SAI-MOD-02",
  "SAI-MOD-03",
  "SAI-GOV-01",
  "SAI-GOV-02",
  "SAI-GOV-03",
  "SAI-RES-01",
] as const;

/** One control ID of the catalog. */
export type ControlId = (typeof CONTROL_IDS)[number];

const idSet: ReadonlySet<string> = new Set(CONTROL_IDS);

/** Whether a string is a control ID of the catalog. */
export function isControlId(value: string): value is ControlId {
  return idSet.has(value);
}
