import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RecordedResource, StackRun } from "../../../preflight/model";

/** Absolute path of a fixture program. */
export function fixtureProgram(name: string): string {
  return path.resolve(__dirname, "../../fixtures/programs", name);
}

/** The repository's node_modules, which fixture programs resolve @pulumi/* from. */
export const REPOSITORY_NODE_MODULES = path.resolve(__dirname, "../../../node_modules");

/** A fresh temporary directory holding the given files (relative path → content). */
export function temporaryProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-test-"));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** The one recorded resource with this type and logical name; fails when there is not exactly one. */
export function resourceNamed(run: StackRun, type: string, name: string): RecordedResource {
  const matches = run.resources.filter((resource) => resource.type === type && resource.name === name);
  if (matches.length !== 1) {
    throw new Error(`expected one ${type} named ${name}, found ${matches.length}`);
  }
  return matches[0]!;
}

/** Collects program output instead of printing it. */
export function outputCollector(): { onProgramOutput: (chunk: Buffer) => void; text: () => string } {
  const chunks: Buffer[] = [];
  return {
    onProgramOutput: (chunk) => chunks.push(chunk),
    text: () => Buffer.concat(chunks).toString("utf8"),
  };
}
