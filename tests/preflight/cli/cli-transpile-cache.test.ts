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

describe("the engine child's bootstrap", () => {
  it("loads the transpile cache module from its own cached output after the first run", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-child-cache-"));
    const program = path.resolve(__dirname, "../../fixtures/programs/cli-secure");
    const check = (env: NodeJS.ProcessEnv = {}) =>
      spawnSync(
        process.execPath,
        [BIN, "check", "--program", program, "--mode", "preview", "--skip-typecheck", "--format", "json"],
        { encoding: "utf8", env: { ...process.env, TMPDIR: tmp, NO_COLOR: "1", ...env } },
      );
    const compiledByTsNode = (stderr: string) =>
      stderr.split("\n").filter((line) => /module\._compile .*transpile-cache\.ts$/.test(line));
    // ts-node's debug lines of the child reach the CLI's stderr (the program's output); the CLI's own, its stdout.
    const first = check({ TS_NODE_DEBUG: "true" });
    expect(first.status, first.stderr).toBe(0);
    expect(compiledByTsNode(first.stderr)).toHaveLength(1);
    const stored = cachedFiles(tmp).filter((file) =>
      fs
        .readFileSync(path.join(tmp, "secure-ai-preflight-transpiled", file), "utf8")
        .includes("exports.storeTranspiledOutput"),
    );
    expect(stored.length).toBeGreaterThan(0);
    const second = check({ TS_NODE_DEBUG: "true" });
    expect(second.status, second.stderr).toBe(0);
    // Before the bootstrap read it from the cache, every child compiled transpile-cache.ts here.
    expect(compiledByTsNode(second.stderr)).toEqual([]);
    expect(second.stderr).not.toMatch(/module\._compile /);
  });
});
