/**
 * The type check's result cache. A result is stored under a key made of what decides it besides the files'
 * contents (compiler version, entry, module kind, the tsconfig's path and text, the engine's defaults), with
 * the size and modification time of every file the check read (sources, declarations, tsconfig and what it
 * extends). It is reused while all of them are unchanged. Computing the key needs no compiler, so the
 * parent answers a hit without starting the type-check child. `SECURE_AI_PREFLIGHT_TYPECHECK_CACHE=0` turns
 * the cache off.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resolveProgramCompiler } from "./program-compiler";

/** What a type-check result depends on besides the files it reads. */
export interface TypeCheckKeyInput {
  /** Absolute project directory. */
  projectDir: string;
  /** Absolute TypeScript entry file. */
  entry: string;
  /** tsconfig path relative to the project directory. */
  tsconfig: string;
  /** Whether the program is compiled as an ES module (the language host's automatic ESM mode). */
  esm: boolean;
  /** Where the program's `@pulumi/pulumi`, and so its compiler, is found from. @default projectDir */
  programDir?: string;
  /** @default `<os temp dir>/secure-ai-preflight-typecheck` */
  cacheDir?: string;
}

interface CacheEntry {
  files: [string, number, number][];
  errors: string[];
}

/** Bump when the check's own defaults or rules change, so that older results are not reused. */
const RULES_VERSION = 2;

/** The cache file of a check. */
export function cacheFileOf(input: TypeCheckKeyInput): string {
  const tsconfigPath = path.resolve(input.projectDir, input.tsconfig);
  let tsconfigText = "";
  try {
    tsconfigText = fs.readFileSync(tsconfigPath, "utf8");
  } catch {
    // No tsconfig: the defaults apply, which RULES_VERSION covers.
  }
  const key = createHash("sha256")
    .update(
      JSON.stringify([
        RULES_VERSION,
        resolveProgramCompiler(input.programDir ?? input.projectDir).typescriptVersion,
        input.entry,
        input.esm,
        tsconfigPath,
        tsconfigText,
      ]),
    )
    .digest("hex")
    .slice(0, 24);
  return path.join(input.cacheDir ?? path.join(os.tmpdir(), "secure-ai-preflight-typecheck"), `${key}.json`);
}

/**
 * The stored errors of a check whose files are all unchanged, or undefined.
 *
 * @param input - what the check depends on.
 */
export function cachedTypeErrors(input: TypeCheckKeyInput): string[] | undefined {
  if (process.env["SECURE_AI_PREFLIGHT_TYPECHECK_CACHE"] === "0") {
    return undefined;
  }
  let entry: CacheEntry;
  try {
    entry = JSON.parse(fs.readFileSync(cacheFileOf(input), "utf8")) as CacheEntry;
  } catch {
    return undefined;
  }
  const now = statAll(entry.files.map(([file]) => file));
  const unchanged = now.every(
    ([, mtime, size], index) => mtime === entry.files[index]![1] && size === entry.files[index]![2],
  );
  return unchanged ? entry.errors : undefined;
}

/**
 * Stores a check's errors with the state of the files it read. A read-only temp folder only costs the cache.
 *
 * @param input - what the check depends on.
 * @param files - every file the check read.
 * @param errors - its errors.
 */
export function storeTypeErrors(input: TypeCheckKeyInput, files: string[], errors: string[]): void {
  const cacheFile = cacheFileOf(input);
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const partial = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(partial, JSON.stringify({ files: statAll(files), errors } satisfies CacheEntry));
    fs.renameSync(partial, cacheFile);
  } catch {
    // Nothing to do.
  }
}

function statAll(files: string[]): [string, number, number][] {
  return [...new Set(files)].map((file) => {
    try {
      const stat = fs.statSync(file);
      return [file, stat.mtimeMs, stat.size];
    } catch {
      return [file, -1, -1];
    }
  });
}
