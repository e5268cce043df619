/** Shared fixtures for the analyzer tests: fixture pack paths, resource builders, process checks. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RecordedResource, type RecordedValue } from "../../../preflight/model";

/** Root of the fixture packs. */
export const PACKS_DIR = path.resolve(__dirname, "../../fixtures/packs");

/** Absolute path of a fixture pack. */
export function packDir(name: string): string {
  return path.join(PACKS_DIR, name);
}

/** A recorded custom resource with default options; `overrides` replaces top-level fields. */
export function recordedResource(
  type: string,
  name: string,
  inputs: Record<string, RecordedValue>,
  overrides: Partial<RecordedResource> = {},
): RecordedResource {
  return {
    urn: `urn:pulumi:dev::fixture-project::${type}::${name}`,
    type,
    name,
    custom: true,
    inputs,
    dependencies: [],
    propertyDependencies: {},
    options: {
      protect: false,
      retainOnDelete: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
    },
    ...overrides,
  };
}

/** Whether a process with this ID still exists (zombies of our own children count as gone). */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z";
  } catch {
    return false;
  }
}

/** IDs of live processes whose working directory is `dir`. */
export function processesWithCwd(dir: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === dir && isAlive(Number(entry))) {
        found.push(Number(entry));
      }
    } catch {
      // Not ours to read, or already gone.
    }
  }
  return found;
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sai-analyzer-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Waits until `pid` is gone (signals are delivered asynchronously); returns whether it went within `limitMs`. */
export async function waitForExit(pid: number, limitMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
