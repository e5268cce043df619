/** The organization-level preventive layer: SecureAiGuardrails and its pure helpers. */
export { SecureAiGuardrails, GUARDRAILS_TYPE } from "./guardrails";
export type * from "./args";
export { resolveGuardrails } from "./resolve";
export type * from "./resolved";
