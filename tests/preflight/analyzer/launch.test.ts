// Starting packs as the CLI does, and failing cleanly (clear error, no process left) when they cannot start.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { launchPolicyPack, packEnvironment, PolicyPackStartError } from "../../../preflight/analyzer/launch";
import { isAlive, packDir, PACKS_DIR, processesWithCwd, waitForExit } from "./helpers";

async function startFailure(promise: Promise<unknown>): Promise<PolicyPackStartError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PolicyPackStartError);
  return error as PolicyPackStartError;
}

describe("launching policy packs", { timeout: 180_000 }, () => {
  it("starts a JavaScript pack, reports its address and start time, and stops it on close", async () => {
    const pack = await launchPolicyPack(packDir("fixture-js"));
    try {
      expect(pack.address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(pack.startMs).toBeGreaterThan(0);
      expect(pack.dir).toBe(packDir("fixture-js"));
      expect(isAlive(pack.pid)).toBe(true);
    } finally {
      await pack.close();
    }
    expect(pack.exited()).toBe(true);
    expect(isAlive(pack.pid)).toBe(false);
    await pack.close();
  });

  it("rejects a directory that does not exist", async () => {
    const error = await startFailure(launchPolicyPack(packDir("no-such-pack")));
    expect(error.message).toBe(`Policy pack directory ${packDir("no-such-pack")} does not exist`);
  });

  it("rejects a directory without PulumiPolicy.yaml", async () => {
    const error = await startFailure(launchPolicyPack(PACKS_DIR));
    expect(error.message).toBe(`Policy pack ${PACKS_DIR} has no PulumiPolicy.yaml`);
  });

  it("reports a pack that crashes at start with its stderr, and leaves no process behind", async () => {
    const dir = packDir("crash-at-start");
    const error = await startFailure(launchPolicyPack(dir));
    expect(error.message).toMatch(
      new RegExp(
        `^Policy pack ${dir} exited with code \\d+ before it printed its port\\n--- policy pack stderr ---\\n`,
      ),
    );
    expect(error.stderr).toContain("Error: fixture pack crash-at-start fails on purpose");
    expect(error.stderr).not.toMatch(/\u001b\[/);
    expect(error.pid).toBeGreaterThan(0);
    expect(isAlive(error.pid!)).toBe(false);
    expect(processesWithCwd(dir)).toEqual([]);
  });

  it("gives up on a pack that never prints a port, kills it, and shows what it wrote", async () => {
    const dir = packDir("silent-no-port");
    const error = await startFailure(launchPolicyPack(dir, { startTimeoutMs: 8000 }));
    expect(error.message).toContain(`Policy pack ${dir} did not print its port within 8000 ms`);
    expect(error.stderr).toBe("silent-no-port is waiting forever");
    expect(isAlive(error.pid!)).toBe(false);
    expect(processesWithCwd(dir)).toEqual([]);
  });

  it("stops its packs when the process that launched them is terminated", async () => {
    const host = spawn(process.execPath, [path.join(__dirname, "launch-and-wait.js")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const packPid = await new Promise<number>((resolve, reject) => {
      host.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      host.once("exit", (code) => reject(new Error(`launch-and-wait exited with ${String(code)}`)));
    });
    expect(isAlive(packPid)).toBe(true);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      host.once("exit", (_code, signal) => resolve(signal)),
    );
    host.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    expect(await waitForExit(packPid)).toBe(true);
  });

  it("describes the stack in the environment variables the CLI sets", () => {
    const env = packEnvironment({
      project: "proj",
      stack: "dev",
      organization: "acme",
      dryRun: true,
      config: { "aws:region": "eu-west-1" },
    });
    expect(env).toMatchObject({
      PULUMI_CONFIG: '{"aws:region":"eu-west-1"}',
      PULUMI_NODEJS_PROJECT: "proj",
      PULUMI_NODEJS_STACK: "dev",
      PULUMI_NODEJS_ORGANIZATION: "acme",
      PULUMI_NODEJS_DRY_RUN: "true",
      PULUMI_PROJECT: "proj",
      PULUMI_STACK: "dev",
      PULUMI_ORGANIZATION: "acme",
      PULUMI_DRY_RUN: "true",
    });
    expect(packEnvironment(undefined).PULUMI_NODEJS_STACK).toBe(process.env.PULUMI_NODEJS_STACK);
  });
});
