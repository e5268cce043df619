/**
 * The CLI as a user meets it when the program is at fault or the run is stopped, end to end (spawned, real
 * engine and pack): type errors exit 2 one line each unless --skip-typecheck; SecureAiConfigError from the
 * program prints one line and a hint, no stack; SIGTERM and SIGINT end the run with 143 and 130, kill the
 * program and leave no report behind.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const BIN = path.join(ROOT, "bin", "secure-ai.js");
const TIMEOUT_MS = 240_000;

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-cli-program-"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: user-program\nruntime: nodejs\n");
  for (const [file, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

function check(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, "check", "--mode", "preview", ...args], {
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether a process runs (a zombie waiting for a reaper does not). */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

const TYPE_ERROR = [
  'import * as pulumi from "@pulumi/pulumi";',
  'new pulumi.ComponentResource("user:index:Thing", "thing");',
  'const port: number = "443";',
  "export const exposed = port;",
].join("\n");

describe("secure-ai check on a failing program", () => {
  it(
    "exits 2 on a type error, one line with file:line:column, and runs it with --skip-typecheck",
    () => {
      const dir = project({ "index.ts": TYPE_ERROR });
      const checked = check(["--program", dir]);
      expect(checked.code, checked.stderr).toBe(2);
      expect(checked.stdout).toBe("");
      expect(checked.stderr).toContain(
        "  index.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'.\n",
      );
      expect(checked.stderr).not.toMatch(/\n\s+at /);
      const skipped = check(["--program", dir, "--skip-typecheck"]);
      expect(skipped.code, skipped.stderr).toBe(0);
      const skippedByEnv = check(["--program", dir], { SECURE_AI_SKIP_TYPECHECK: "1" });
      expect(skippedByEnv.code, skippedByEnv.stderr).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "prints SecureAiConfigError from the program on one line with a hint, the stack only with --verbose",
    () => {
      const dir = project({
        "index.ts": [
          `import { SecureAiPlatform } from ${JSON.stringify(path.join(ROOT, "components"))};`,
          'new SecureAiPlatform("bad", { cloud: "aws", aws: { region: "eu-west-1" }, models: [] } as never);',
        ].join("\n"),
      });
      const plain = check(["--program", dir, "--skip-typecheck"]);
      expect(plain.code, plain.stderr).toBe(2);
      const failure = plain.stderr.split("\n").filter((line) => line.startsWith("secure-ai check:"));
      expect(failure).toHaveLength(1);
      expect(failure[0]).toMatch(
        /^secure-ai check: The Pulumi program failed to run for stack "default": SecureAiConfigError: models/,
      );
      expect(plain.stderr).toContain("Hint: fix that argument of SecureAiPlatform");
      expect(plain.stderr).not.toMatch(/\n\s+at /);
      const verbose = check(["--program", dir, "--skip-typecheck", "--verbose"]);
      expect(verbose.code).toBe(2);
      expect(verbose.stderr).toMatch(/\n\s+at /);
    },
    TIMEOUT_MS,
  );
});

describe("secure-ai check stopped by a signal", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)(
    "exits on %s with %i, kills the program and leaves no report (not even a stale one)",
    async (signal, exitCode) => {
      const pidFile = path.join(os.tmpdir(), `secure-ai-${signal}-${process.pid}-${Date.now()}.pid`);
      const dir = project({
        "index.js": [
          `require("node:fs").appendFileSync(${JSON.stringify(pidFile)}, process.pid + "\\n");`,
          "module.exports = () => new Promise(() => setInterval(() => undefined, 1_000));",
        ].join("\n"),
      });
      const out = path.join(dir, "report");
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, "report.json"), "{}");
      const cli = spawn(process.execPath, [BIN, "check", "--program", dir, "--out", out], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      cli.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => cli.on("close", (code) => resolve(code)));
      const deadline = Date.now() + 120_000;
      while (!fs.existsSync(pidFile) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(fs.existsSync(pidFile), stderr).toBe(true);
      cli.kill(signal);
      expect(await exited).toBe(exitCode);
      expect(stderr).toContain(`stopped by ${signal}`);
      expect(fs.readdirSync(out)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const programPids = fs.readFileSync(pidFile, "utf8").trim().split("\n").map(Number);
      expect(programPids.filter(isRunning)).toEqual([]);
      fs.rmSync(pidFile, { force: true });
    },
    TIMEOUT_MS,
  );
});
