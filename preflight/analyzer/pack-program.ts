/**
 * Which code a policy pack runs from. The Pulumi CLI runs a pack directory's source (`index.ts` through
 * ts-node with type checking, about ten times a one-policy pack's start-up for this package's pack), but a
 * pack that is part of a built npm package also exists as compiled JavaScript: `tsc` writes
 * `<package>/dist/<path of the pack>/index.js`, and the published package ships only that plus
 * `PulumiPolicy.yaml` in the pack directory. The compiled copy is the same pack, type-checked when it was
 * built, so the preflight runs it whenever it is at least as new as every TypeScript source of the package;
 * otherwise (no build, or sources edited since) it runs the directory as the CLI does.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Where a pack is loaded from. */
export interface PackProgram {
  /** The program argument of `run-policy-pack`: `.` (the pack directory) or an absolute directory. */
  program: string;
  /** Set when `program` is the compiled copy of the pack. */
  compiled: boolean;
}

/** Folders never searched for sources. */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".git", "coverage", "report"]);

/**
 * The compiled copy of the pack in `packDir`: `<root>/dist/<pack path below root>/index.js`, where `<root>` is
 * the nearest ancestor of `packDir` holding a `package.json` and that file. Undefined when there is none.
 *
 * @param packDir - absolute pack directory.
 */
export function compiledPackDir(packDir: string): { root: string; dir: string } | undefined {
  let root = path.dirname(packDir);
  while (root !== path.dirname(root)) {
    if (fs.existsSync(path.join(root, "package.json"))) {
      const dir = path.join(root, "dist", path.relative(root, packDir));
      return fs.existsSync(path.join(dir, "index.js")) ? { root, dir } : undefined;
    }
    root = path.dirname(root);
  }
  return undefined;
}

/** The newest modification time (ms) of a TypeScript source below `dir`, skipping build and dependency folders. */
function newestTypeScriptSource(dir: string): number {
  let newest = 0;
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) {
          pending.push(full);
        }
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  }
  return newest;
}

/**
 * Chooses the code to run for the pack in `packDir` (see the module comment).
 *
 * @param packDir - absolute pack directory (with PulumiPolicy.yaml).
 * @param preferCompiled - whether a fresh compiled copy may be used. @default true
 */
export function resolvePackProgram(packDir: string, preferCompiled = true): PackProgram {
  const source: PackProgram = { program: ".", compiled: false };
  if (!preferCompiled) {
    return source;
  }
  const compiled = compiledPackDir(packDir);
  if (compiled === undefined) {
    return source;
  }
  const builtAt = fs.statSync(path.join(compiled.dir, "index.js")).mtimeMs;
  return newestTypeScriptSource(compiled.root) <= builtAt
    ? { program: compiled.dir, compiled: true }
    : source;
}
