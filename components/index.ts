/** Public API of secure-ai-platform. */
export { SecureAiPlatform, PLATFORM_TYPE } from "./platform";
export { SecureAiConfigError } from "./errors";
export { controlCatalog, getControl } from "./controls";
export type { ControlDefinition, ControlDomain, ControlSeverity, FrameworkId } from "./controls";
export type { ControlEvidenceOutput, EvidenceStatus } from "./evidence";
export type * from "./spec/args";
export { resolveSpec } from "./spec/resolve";
export type { ResolvedSpec } from "./spec/resolved";
export { SecureAiGuardrails, GUARDRAILS_TYPE } from "./guardrails";
export type * from "./guardrails/args";
