/**
 * ES-module programs: a program whose package.json says `"type": "module"` is loaded with `import()` as the
 * Pulumi Node.js language host does (`@pulumi/pulumi/cmd/run`), and its TypeScript goes through ts-node's
 * ESM hooks, registered with `module.register` in the hooks thread (the language host's "automatic ESM
 * mode"). The hooks module is passed as a `data:` URL so that it loads the same way from the sources and
 * from the compiled package.
 */
import * as fs from "node:fs";
import * as nodeModule from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

/** `import()` that TypeScript's CommonJS output leaves alone (it would turn a literal one into `require`). */
const dynamicImport = new Function("specifier", "return import(specifier)") as (
  specifier: string,
) => Promise<Record<string, unknown>>;

/**
 * The `type` of the package.json nearest to the program entry: what decides between `require` and `import()`.
 *
 * @param main - the program entry, a file or a directory.
 * @returns `"module"` for an ES-module package, else `"commonjs"`.
 */
export function programModuleType(main: string): "module" | "commonjs" {
  let dir = isDirectory(main) ? main : path.dirname(main);
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      try {
        const type = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { type?: unknown }).type;
        return type === "module" ? "module" : "commonjs";
      } catch {
        return "commonjs";
      }
    }
  }
  return "commonjs";
}

/**
 * The file an ES-module program starts from, as the language host finds it: the entry itself; in a
 * directory, its package.json `exports` (a string, or `"."` as a string or its `default`, `require` or
 * `import`), else its `main`, else the first of `index.js`, `index.mjs`, `index.ts`, `index.mts`.
 *
 * @param main - the program entry, a file or a directory.
 * @throws Error when a directory has none of them.
 */
export function esmEntryFile(main: string): string {
  const real = fs.realpathSync(main);
  if (!isDirectory(real)) {
    return real;
  }
  const declared = declaredEntry(real);
  if (declared !== undefined) {
    return esmEntryFile(declared);
  }
  const index = ["index.js", "index.mjs", "index.ts", "index.mts"].find((name) =>
    fs.existsSync(path.join(real, name)),
  );
  if (index === undefined) {
    throw new Error(`No entrypoint found in ${real}`);
  }
  return path.join(real, index);
}

/** What {@link registerEsmTypeScript} hands to ts-node in the hooks thread. */
export interface EsmTypeScriptOptions {
  /** Absolute path of the ts-node the hooks load. */
  tsNodePath: string;
  /** Options for ts-node's `register` (JSON-serialisable: they cross to the hooks thread). */
  tsNodeOptions: Record<string, unknown>;
}

/**
 * Registers ts-node's ESM hooks for the rest of this process, so that `import()` of `.ts`, `.mts` and `.cts`
 * files compiles them.
 *
 * @param options - where ts-node is and how to configure it.
 */
export function registerEsmTypeScript(options: EsmTypeScriptOptions): void {
  const source = [
    'import { createRequire } from "node:module";',
    "let hooks;",
    "export async function initialize(data) {",
    "  const tsNode = createRequire(data.tsNodePath)(data.tsNodePath);",
    "  hooks = tsNode.createEsmHooks(tsNode.register(data.tsNodeOptions));",
    "}",
    "export function resolve(specifier, context, next) { return hooks.resolve(specifier, context, next); }",
    "export function load(url, context, next) { return hooks.load(url, context, next); }",
  ].join("\n");
  const register = (nodeModule as unknown as { register?: RegisterFunction }).register;
  if (register === undefined) {
    throw new Error(`Node.js ${process.version} cannot load TypeScript ES modules (needs 20.6 or later).`);
  }
  register(`data:text/javascript,${encodeURIComponent(source)}`, pathToFileURL(__filename), {
    data: options,
  });
}

type RegisterFunction = (specifier: string, parentURL: URL, options: { data: unknown }) => void;

/**
 * Imports an ES-module program as the language host does and returns what it exports: the default export
 * when there is one (a function is called and awaited), else the module's named exports.
 *
 * @param main - the program entry, a file or a directory.
 * @throws Error when the module has both a default export and named exports.
 */
export async function importProgram(main: string): Promise<unknown> {
  const moduleExports = await dynamicImport(pathToFileURL(esmEntryFile(main)).href);
  if (Object.getOwnPropertyDescriptor(moduleExports, "default") === undefined) {
    return { ...moduleExports };
  }
  if (Object.keys(moduleExports).length !== 1) {
    throw new Error(
      "expected entrypoint module to have either a default export or named exports but not both",
    );
  }
  const exported = moduleExports["default"];
  return typeof exported === "function" ? await (exported as () => unknown)() : exported;
}

/** The entry a directory's package.json declares (`exports`, else `main`), when the file exists. */
function declaredEntry(dir: string): string | undefined {
  let manifest: { exports?: unknown; main?: unknown };
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as typeof manifest;
  } catch {
    return undefined;
  }
  const root = isRecord(manifest.exports) ? manifest.exports["."] : manifest.exports;
  const fromExports = isRecord(root) ? (root["default"] ?? root["require"] ?? root["import"]) : root;
  const entry = typeof fromExports === "string" ? fromExports : manifest.main;
  if (typeof entry !== "string") {
    return undefined;
  }
  const file = path.resolve(dir, entry);
  return fs.existsSync(file) && path.resolve(file) !== dir ? file : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
