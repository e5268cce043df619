/**
 * The type check `pulumi preview` does through ts-node: once per project beside the run, errors one line
 * each with file:line:column, skipped where the language host skips it, cached by the files it read.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PreflightTypeError } from "../../../preflight/engine/errors";
import { loadProject, runStack } from "../../../preflight/engine/index";
import { typeCheck } from "../../../preflight/engine/typecheck-child";
import { typeCheckEntry } from "../../../preflight/engine/typecheck";
import { REPOSITORY_NODE_MODULES, temporaryProject } from "./helpers";

const WITH_TYPE_ERROR = [
  'import * as pulumi from "@pulumi/pulumi";',
  'new pulumi.ComponentResource("fixture:index:Thing", "thing");',
  'const retentionDays: number = "thirty";',
  "export const retention = retentionDays;",
].join("\n");

function project(files: Record<string, string>, runtime = "nodejs"): string {
  const dir = temporaryProject({ "Pulumi.yaml": `name: typed\nruntime: ${runtime}\n`, ...files });
  fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"), "dir");
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("type check", () => {
  it("rejects a program with a type error, one line per error with file:line:column", async () => {
    const dir = project({ "index.ts": WITH_TYPE_ERROR });
    const error = await rejection(
      runStack({ programDir: dir, typeCheck: true, onProgramOutput: () => undefined }),
    );
    expect(error).toBeInstanceOf(PreflightTypeError);
    const errors = (error as PreflightTypeError).errors;
    expect(errors).toEqual([
      "index.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
    expect(error.message).toContain("--skip-typecheck");
  });

  it("runs the same program without the check (the default of the engine API)", async () => {
    const dir = project({ "index.ts": WITH_TYPE_ERROR });
    const run = await runStack({ programDir: dir, onProgramOutput: () => undefined });
    expect(run.outputs).toEqual({ retention: "thirty" });
  });

  it("checks what ts-node checks: the program's files reachable from main, not node_modules", () => {
    const dir = project({
      "index.ts": 'import { days } from "./settings";\nexport const d = days;\n',
      "settings.ts": "export const days: string = 7;\n",
      // Not imported by the program: ts-node never compiles it, so it is not checked.
      "scratch.ts": "const broken: number = 'x';\n",
    });
    const result = typeCheck({
      projectDir: dir,
      entry: path.join(dir, "index.ts"),
      tsconfig: "tsconfig.json",
      esm: false,
      resultFile: path.join(dir, "unused.json"),
      cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), "typecheck-cache-")),
    });
    expect(result.errors).toEqual([
      "settings.ts:1:14 - error TS2322: Type 'number' is not assignable to type 'string'.",
    ]);
  });

  it("reuses a result while no file it read changed, and checks again after an edit", () => {
    const dir = project({ "index.ts": "export const n: number = 1;\n" });
    const job = {
      projectDir: dir,
      entry: path.join(dir, "index.ts"),
      tsconfig: "tsconfig.json",
      esm: false,
      resultFile: path.join(dir, "unused.json"),
      cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), "typecheck-cache-")),
    };
    expect(typeCheck(job)).toEqual({ errors: [], cached: false });
    expect(typeCheck(job)).toEqual({ errors: [], cached: true });
    fs.writeFileSync(job.entry, "export const n: number = 'one';\n");
    const edited = typeCheck(job);
    expect(edited.cached).toBe(false);
    expect(edited.errors).toHaveLength(1);
  });

  it("is skipped where the language host skips it, and for JavaScript programs", () => {
    const ts = project({ "index.ts": "" });
    expect(typeCheckEntry(loadProject(ts), {})).toBe(path.join(ts, "index.ts"));
    expect(typeCheckEntry(loadProject(ts), { PULUMI_NODEJS_TRANSPILE_ONLY: "true" })).toBeUndefined();
    const noCheck = project({
      "index.ts": "",
      "tsconfig.json": JSON.stringify({ compilerOptions: { noCheck: true } }),
    });
    expect(typeCheckEntry(loadProject(noCheck), {})).toBeUndefined();
    const off = project({ "index.ts": "" }, "\n  name: nodejs\n  options:\n    typescript: false");
    expect(typeCheckEntry(loadProject(off), {})).toBeUndefined();
    const js = project({ "index.js": "" });
    expect(typeCheckEntry(loadProject(js), {})).toBeUndefined();
  });
});
