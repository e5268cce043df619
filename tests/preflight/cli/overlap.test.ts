/**
 * `runCheck` starts the policy packs while the program runs when the project's name is known up front, and
 * waits for the program first otherwise.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { AnalyzeStackArgs, AnalyzeStackResult } from "../../../preflight/analyzer";
import type { CheckOptions } from "../../../preflight/cli/args";
import { runCheck } from "../../../preflight/cli/run-check";
import type { CheckStages } from "../../../preflight/cli/stages";
import type { StackRun } from "../../../preflight/model";
import { fixturePacks, fixtureRun } from "../report/fixture";

function options(): CheckOptions {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-overlap-"));
  const program = path.join(dir, "program");
  const pack = path.join(dir, "pack");
  fs.mkdirSync(program);
  fs.mkdirSync(pack);
  fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\n");
  return {
    programDir: program,
    format: "json",
    policyPacks: [pack],
    policyConfigs: [],
    mode: "preview",
    requireComplete: false,
    failOn: "mandatory",
    softFail: false,
    quiet: false,
    compact: false,
    verbose: false,
    outputs: [],
    skipTypeCheck: false,
    packStartTimeoutMs: 60_000,
  };
}

/** Stages whose program finishes only when the test says so; records the order of events. */
function controlledStages(withProjectName: boolean): {
  stages: CheckStages;
  events: string[];
  finishProgram: () => void;
  analyzed: AnalyzeStackArgs[];
} {
  const events: string[] = [];
  const analyzed: AnalyzeStackArgs[] = [];
  let finishProgram: () => void = () => undefined;
  const stages: CheckStages = {
    listStacks: () => ["prod"],
    runStack: ({ stack }) =>
      new Promise<StackRun>((resolve) => {
        events.push("program started");
        finishProgram = () => {
          events.push("program finished");
          resolve({ ...fixtureRun(), stack: stack ?? "default" });
        };
      }),
    analyzeStack: async (args): Promise<AnalyzeStackResult> => {
      events.push("packs started");
      analyzed.push(args);
      const resources = await args.resources;
      events.push(`analysed ${resources.length}`);
      return {
        packs: fixturePacks.map((pack) => ({ ...pack, dir: args.packs[0]!.dir, startMs: 1 })),
        findings: [],
        remediatedInputs: {},
        examinations: [],
      };
    },
    stackConfig: () => ({}),
    ...(withProjectName ? { projectName: () => "demo" } : {}),
  };
  return { stages, events, finishProgram: () => finishProgram(), analyzed };
}

const context = (stages: CheckStages) => ({ stages, version: "0.0.0-test", progress: () => undefined });

describe("runCheck: packs and program overlap", () => {
  it("starts the packs while the program is still running when the project's name is known", async () => {
    const { stages, events, finishProgram, analyzed } = controlledStages(true);
    const check = runCheck(options(), context(stages));
    await expect.poll(() => events).toEqual(["program started", "packs started"]);
    finishProgram();
    const report = await check;
    const resourceCount = fixtureRun().resources.length;
    expect(events).toEqual([
      "program started",
      "packs started",
      "program finished",
      `analysed ${resourceCount}`,
    ]);
    expect(analyzed[0]).toMatchObject({ project: "demo", stack: "prod", dryRun: true });
    expect(report.stacks.map((stack) => stack.stack)).toEqual(["prod"]);
  });

  it("waits for the program when the stages cannot name the project up front", async () => {
    const { stages, events, finishProgram, analyzed } = controlledStages(false);
    const check = runCheck(options(), context(stages));
    await expect.poll(() => events).toEqual(["program started"]);
    finishProgram();
    await check;
    expect(events.slice(0, 3)).toEqual(["program started", "program finished", "packs started"]);
    expect(analyzed[0]?.project).toBe(fixtureRun().project);
  });
});
