export * from "./args";
export * from "./resolved";
export { DEFAULTS, LIMITS } from "./defaults";
export { resolveSpec, type ResolveOptions } from "./resolve";
