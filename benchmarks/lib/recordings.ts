/** Temporary files for recorded runs (StackRun JSON) shared between a benchmark's cases, removed at exit. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

let folder: string | undefined;

/** A path for a recording named `name` in this harness run's temporary folder. */
export function recordingPath(name: string): string {
  if (folder === undefined) {
    const created = fs.mkdtempSync(path.join(os.tmpdir(), "bench-recordings-"));
    process.on("exit", () => fs.rmSync(created, { recursive: true, force: true }));
    folder = created;
  }
  return path.join(folder, `${name}.json`);
}
