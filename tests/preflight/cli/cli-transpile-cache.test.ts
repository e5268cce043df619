/**
 * The `secure-ai` command in a checkout transpiles its own TypeScript once per content: the first start
 * stores the output under the temp folder, later starts compile nothing (bin/secure-ai.js).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const BIN = path.resolve(__dirname, "../../../bin/secure-ai.js");

function run(tmp: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN, "--help"], {
    encoding: "utf8",
    env: { ...process.env, TMPDIR: tmp, NO_COLOR: "1", ...env },
  });
}

function cachedFiles(tmp: string): string[] {
  const root = path.join(tmp, "secure-ai-preflight-transpiled");
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".js"));
}

describe("the CLI's own transpile cache", () => {
  it("stores the CLI's modules on the first start and answers the same from the cache", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-cli-cache-"));
    const first = run(tmp);
    expect(first.status, first.stderr).toBe(0);
    const stored = cachedFiles(tmp);
    // main.ts and the modules it imports.
    expect(stored.length).toBeGreaterThan(20);
    const second = run(tmp);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(cachedFiles(tmp)).toEqual(stored);
  });

  it("writes nothing with SECURE_AI_PREFLIGHT_TRANSPILE_CACHE=0", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-cli-cache-"));
    const result = run(tmp, { SECURE_AI_PREFLIGHT_TRANSPILE_CACHE: "0" });
    expect(result.status, result.stderr).toBe(0);
    expect(cachedFiles(tmp)).toEqual([]);
  });
});
