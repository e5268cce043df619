/**
 * One build of the npm package for the test files that need it (tests/install/packed-package.test.ts and
 * tests/package/published-files.test.ts), instead of one build each: a staging copy of what the build and the
 * package need, packed with `npm pack` (whose prepack runs `npm run build`, as `npm publish` would), in the OS
 * temp folder, never in the working tree. The result is stored under a hash of everything that decides it (every
 * staged file's path and content, package-lock.json, the Node, TypeScript and ts-node versions, the checkout's
 * path) and reused while that hash holds: any edit to a staged file builds again. Two test files
 * asking at once share one build: the first takes a lock (a directory made atomically), the other waits for
 * its result.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
/** What the build and the package need: the manifest, the build configs, the sources `files` ships. */
export const STAGED_ENTRIES = [
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "README.md",
  "LICENSE",
  "bin",
  "components",
  "policy-packs",
  "preflight",
];
/** Where builds are kept, one folder per hash. */
const CACHE = path.join(os.tmpdir(), "secure-ai-built-package");
/** Builds older than this (by their folder's time) are removed when a new one is made. */
const KEEP_MS = 24 * 60 * 60_000;

/** A built and packed package. */
export interface BuiltPackage {
  /** The staging copy after `npm pack`: the build's dist/ and the pack's dist/ are in it. */
  stage: string;
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** The package's files as `npm pack --json` listed them (paths relative to the package root). */
  files: string[];
}

/** Folders never staged: dependencies, and build output (which the build empties and writes anew). */
const SKIPPED = new Set(["node_modules", "dist"]);

/** Whether a path below the repository root is staged. */
function isStaged(file: string): boolean {
  return !path
    .relative(ROOT, file)
    .split(path.sep)
    .some((part) => SKIPPED.has(part));
}

/** Files of the staged entries as `fs.cpSync` below copies them, sorted. */
function stagedFiles(): string[] {
  const files: string[] = [];
  const visit = (relative: string): void => {
    const full = path.join(ROOT, relative);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) {
        if (!SKIPPED.has(name)) visit(path.join(relative, name));
      }
    } else {
      files.push(relative);
    }
  };
  STAGED_ENTRIES.forEach(visit);
  return files;
}

function versionOf(name: string): string {
  return (
    JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
}

/** The hash of everything the build and the tarball depend on. */
export function buildKey(): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify([ROOT, process.version, versionOf("typescript"), versionOf("ts-node")]));
  hash.update(fs.readFileSync(path.join(ROOT, "package-lock.json")));
  for (const file of stagedFiles()) {
    hash.update(`\0${file}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest("hex").slice(0, 32);
}

function run(command: string, args: string[], cwd: string, timeoutMs: number) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: "false", NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** Stages, builds and packs into `dir` (which must not exist), writing built.json last. */
function buildInto(dir: string, timeoutMs: number): void {
  const stage = path.join(dir, "stage");
  fs.mkdirSync(stage, { recursive: true });
  for (const entry of STAGED_ENTRIES) {
    fs.cpSync(path.join(ROOT, entry), path.join(stage, entry), {
      recursive: true,
      filter: isStaged,
    });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(stage, "node_modules"), "dir");
  const packed = run("npm", ["pack", "--pack-destination", dir, "--json"], stage, timeoutMs);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [{ filename, files }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as {
    filename: string;
    files: { path: string }[];
  }[];
  const built = { tarball: filename, files: files.map((file) => file.path) };
  fs.writeFileSync(path.join(dir, "built.json"), JSON.stringify(built));
}

function readBuilt(dir: string): BuiltPackage | undefined {
  try {
    const built = JSON.parse(fs.readFileSync(path.join(dir, "built.json"), "utf8")) as {
      tarball: string;
      files: string[];
    };
    return { stage: path.join(dir, "stage"), tarball: path.join(dir, built.tarball), files: built.files };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock of `key`; false when a live process holds it. A dead holder's lock is taken over. */
function tryLock(lock: string): boolean {
  try {
    fs.mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    let holder = NaN;
    try {
      holder = Number(fs.readFileSync(path.join(lock, "pid"), "utf8"));
    } catch {
      // Just made by its holder, which has not written its pid yet (or died before it did).
      if (Date.now() - fs.statSync(lock).mtimeMs < 60_000) return false;
    }
    if (!Number.isNaN(holder) && isAlive(holder)) return false;
    fs.rmSync(lock, { recursive: true, force: true });
    return tryLock(lock);
  }
  fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
  return true;
}

function removeOldBuilds(except: string): void {
  for (const name of fs.readdirSync(CACHE)) {
    const full = path.join(CACHE, name);
    if (name === except || name.startsWith(`${except}.`)) continue;
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > KEEP_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed meanwhile.
    }
  }
}

/**
 * The package built and packed from the working tree's current sources: the stored build of their hash, or a
 * new one (waiting for another test file's build of the same hash rather than building twice).
 *
 * @param timeoutMs - how long the build, or the wait for another one, may take.
 * @throws Error when `npm pack` fails or the wait times out.
 */
export async function builtPackage(timeoutMs: number): Promise<BuiltPackage> {
  const key = buildKey();
  const dir = path.join(CACHE, key);
  const lock = path.join(CACHE, `${key}.lock`);
  fs.mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const built = readBuilt(dir);
    if (built !== undefined) return built;
    if (tryLock(lock)) {
      try {
        const ready = readBuilt(dir);
        if (ready !== undefined) return ready;
        const partial = path.join(CACHE, `${key}.${process.pid}`);
        fs.rmSync(partial, { recursive: true, force: true });
        fs.rmSync(dir, { recursive: true, force: true });
        buildInto(partial, timeoutMs);
        fs.renameSync(partial, dir);
        removeOldBuilds(key);
        return readBuilt(dir)!;
      } finally {
        fs.rmSync(lock, { recursive: true, force: true });
      }
    }
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for the package build in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
