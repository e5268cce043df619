/**
 * OSCAL output: the assessment results of a `secure-ai check` run and the component definition of
 * SecureAiPlatform, both as OSCAL 1.0.6 JSON.
 */
export {
  buildComponentDefinition,
  renderComponentDefinition,
  CATALOG_RESOURCE_UUID,
  type ComponentDefinitionOptions,
} from "./component-definition";
export { SAI_OSCAL_NS, stableUuid, uuidV5 } from "./uuid";
export { OSCAL_VERSION } from "./properties";
export type * from "./oscal-types";
export {
  buildAssessmentResults,
  renderOscalAssessmentResults,
  NO_ASSESSMENT_PLAN_UUID,
  type AssessmentResultsOptions,
} from "./assessment-results";
export { TARGET_STATUS, type TargetStatus } from "./finding-status";
