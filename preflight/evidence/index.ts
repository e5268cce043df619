/** Compliance evidence per stack and control, computed from findings, recorded resources and the catalog. */
export { buildStackEvidence, countMandatoryViolations, type StackEvidenceInput } from "./build-evidence";
export {
  PLATFORM_COMPONENT_TYPE,
  readComponentEvidence,
  type ComponentControlEntry,
  type ComponentControlStatus,
} from "./component-evidence";
export { withPackWaiver, type WaivableFinding } from "./pack-waivers";
export type { ControlEvidence, EvidenceSource, EvidenceWaiver, StackEvidence } from "./types";
