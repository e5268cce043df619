/**
 * The source pack's start-up loader (policy-packs/secure-ai/register-transpile-only.js): the repository's
 * `.ts` files go to the cached transpile-only compiler, never to the type-checking loader the Pulumi CLI
 * registered before; other `.ts` files still do; `SECURE_AI_POLICY_TYPECHECK=1` leaves the CLI's loader alone.
 * Each case runs in a fresh Node.js process with a recording stand-in for the CLI's loader.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const REGISTER = path.join(ROOT, "policy-packs", "secure-ai", "register-transpile-only.js");
const INSIDE = path.join(ROOT, "tests", "fixtures", "transpile-only", "answer.ts");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "register-transpile-only-"));
const OUTSIDE = path.join(scratch, "outside.ts");
fs.writeFileSync(OUTSIDE, "export const outside: string = 'x';\n");
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

interface Loaded {
  cliLoaderCalls: string[];
  inside: unknown;
  outside: unknown;
  cacheFiles: string[];
}

function load(env: Record<string, string> = {}): Loaded {
  const tmp = fs.mkdtempSync(path.join(scratch, "tmp-"));
  const script = `
    const fs = require("node:fs");
    const calls = [];
    require.extensions[".ts"] = (module, filename) => {
      calls.push(filename);
      module._compile("module.exports = { loadedBy: 'cli' };", filename);
    };
    require(${JSON.stringify(REGISTER)});
    const inside = require(${JSON.stringify(INSIDE)});
    const outside = require(${JSON.stringify(OUTSIDE)});
    const dirs = fs.readdirSync(${JSON.stringify(tmp)}).filter((name) => name.startsWith("secure-ai-policy-pack-"));
    const cacheFiles = dirs.flatMap((dir) => fs.readdirSync(require("node:path").join(${JSON.stringify(tmp)}, dir)));
    process.stdout.write(JSON.stringify({ cliLoaderCalls: calls, inside, outside, cacheFiles }));
  `;
  const child = spawnSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TMPDIR: tmp, ...env },
  });
  expect(child.stderr).toBe("");
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Loaded;
}

describe("register-transpile-only.js", () => {
  it("compiles the repository's .ts files itself and caches the output; other .ts files keep the CLI's loader", () => {
    const loaded = load({ SECURE_AI_POLICY_TYPECHECK: "" });
    expect(loaded.cliLoaderCalls).toEqual([OUTSIDE]);
    expect(loaded.inside).toEqual({ answer: 42 });
    expect(loaded.outside).toEqual({ loadedBy: "cli" });
    expect(loaded.cacheFiles).toHaveLength(1);
    expect(loaded.cacheFiles[0]).toMatch(/^[0-9a-f]{64}\.js$/);
  });

  it("with SECURE_AI_POLICY_TYPECHECK=1 leaves every file to the CLI's loader", () => {
    const loaded = load({ SECURE_AI_POLICY_TYPECHECK: "1" });
    expect(loaded.cliLoaderCalls).toEqual([INSIDE, OUTSIDE]);
    expect(loaded.inside).toEqual({ loadedBy: "cli" });
    expect(loaded.cacheFiles).toEqual([]);
  });
});
