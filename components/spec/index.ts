export * from "./args";
export * from "./resolved";
export * from "./scopes";
export { DEFAULTS, LIMITS } from "./defaults";
export { resolveSpec, type ResolveOptions } from "./resolve";
