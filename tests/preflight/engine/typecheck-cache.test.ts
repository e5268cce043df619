/**
 * The type check's cache is read by the parent: an unchanged program is answered without starting the
 * compiler's child process (the type check then costs npm start a few thousand stats, not a compiler run).
 */
import type * as ChildProcess from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadProject } from "../../../preflight/engine/project";
import { REPOSITORY_NODE_MODULES, temporaryProject } from "./helpers";

vi.mock("node:child_process", async (importOriginal) => {
  const actual = await importOriginal<typeof ChildProcess>();
  return { ...actual, spawn: vi.fn(actual.spawn) };
});

/** A fresh copy of the type check (its in-process memo empty) and the spawn it uses. */
async function freshTypeCheck() {
  vi.resetModules();
  const childProcess = await import("node:child_process");
  const { typeCheckProject } = await import("../../../preflight/engine/typecheck");
  const spawn = vi.mocked(childProcess.spawn);
  spawn.mockClear();
  return { typeCheckProject, spawn };
}

describe("type check cache in the parent", () => {
  it("starts the compiler's process on a miss only", async () => {
    const dir = temporaryProject({
      "Pulumi.yaml": "name: cached\nruntime: nodejs\n",
      "index.ts": `export const marker: string = "${process.pid}-${Date.now()}";\n`,
    });
    fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"), "dir");
    const first = await freshTypeCheck();
    await first.typeCheckProject(loadProject(dir));
    expect(first.spawn).toHaveBeenCalledTimes(1);

    const second = await freshTypeCheck();
    await second.typeCheckProject(loadProject(dir));
    expect(second.spawn.mock.calls.length, "second").toBe(0);

    fs.writeFileSync(path.join(dir, "index.ts"), "export const marker: string = 1;\n");
    const third = await freshTypeCheck();
    await expect(third.typeCheckProject(loadProject(dir))).rejects.toThrow("1 type error");
    expect(third.spawn).toHaveBeenCalledTimes(1);
    // A failing result is cached too, and answered without the compiler.
    const fourth = await freshTypeCheck();
    await expect(fourth.typeCheckProject(loadProject(dir))).rejects.toThrow("index.ts:1:14 - error TS2322");
    expect(fourth.spawn.mock.calls.length, "fourth").toBe(0);
  });
});
