/** The machine-readable controls catalog: IDs, types, data and lookups. */
export * from "./ids";
export * from "./types";
export { controlCatalog, getControl, controlsByDomain } from "./catalog";
