import Module from "node:module";
import * as path from "node:path";

/**
 * The facade loads a backend with Node's `require("./<cloud>")`. Hands Node the module vitest already loaded
 * (`.ts` made resolvable, the resolved file put in the require cache), so the facade and the tests share
 * one copy of the backend and of its error classes.
 */
export function linkBackendForVitest(cloud: "aws" | "gcp" | "azure", backend: unknown): void {
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  if (!extensions[".ts"]) extensions[".ts"] = extensions[".js"];
  const file = path.resolve(__dirname, `../../components/${cloud}/index.ts`);
  if (require.cache[file]) return;
  const linked = new Module(file);
  linked.filename = file;
  linked.loaded = true;
  linked.exports = backend;
  require.cache[file] = linked;
}

/** Logical names of the resources in a `dependsOn` option (one resource or a list). */
export function dependencyNames(dependsOn: unknown): string[] {
  const list = Array.isArray(dependsOn) ? dependsOn : dependsOn ? [dependsOn] : [];
  return list.map((resource) => (resource as { __name?: string }).__name ?? "?");
}
