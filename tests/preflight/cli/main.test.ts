import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { AnalyzeStackArgs } from "../../../preflight/analyzer";
import { runCli, type CheckStages } from "../../../preflight/cli";
import { PreflightProgramError } from "../../../preflight/engine";
import type { Finding } from "../../../preflight/model";
import { fixtureFindings, fixturePacks, fixtureRun } from "../report/fixture";
import { Capture, workspace } from "./cli-helpers";

const REPORT_FILES = [
  "report.html",
  "report.json",
  "report.md",
  "report.oscal.json",
  "report.sarif",
  "report.txt",
];

interface FakeStages extends CheckStages {
  analyzed: AnalyzeStackArgs[];
}

function fakeStages(findings: Finding[], options: { stacks?: string[]; failOn?: string } = {}): FakeStages {
  const analyzed: AnalyzeStackArgs[] = [];
  return {
    analyzed,
    listStacks: () => options.stacks ?? ["prod"],
    runStack: ({ stack }) => {
      if (stack === options.failOn) {
        return Promise.reject(
          new PreflightProgramError(
            stack ?? "default",
            "boom from the program",
            "Error: boom from the program\n    at index.ts:3:7",
          ),
        );
      }
      return Promise.resolve({ ...fixtureRun(), stack: stack ?? "default" });
    },
    analyzeStack: (args) => {
      analyzed.push(args);
      return Promise.resolve({
        packs: fixturePacks.map((pack) => ({ ...pack, dir: args.packs[0]!.dir, startMs: 1 })),
        findings,
        remediatedInputs: {},
        examinations: [],
      });
    },
    stackConfig: () => ({ "aws:region": "eu-west-1" }),
  };
}

async function run(argv: string[], stages: CheckStages, tty = false) {
  const stdout = new Capture(tty);
  const stderr = new Capture(tty);
  const code = await runCli(argv, { stdout, stderr, env: {}, cwd: os.tmpdir(), stages });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const passing = fixtureFindings().filter((finding) => finding.enforcementLevel !== "mandatory");

describe("runCli exit codes", () => {
  it("exits 0 without mandatory violations and prints only the report on stdout", async () => {
    const { program, pack } = workspace();
    const result = await run(
      ["check", "--program", program, "--policy-pack", pack, "--format", "json"],
      fakeStages(passing),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { mandatoryViolations: 0 } });
    // stderr carries progress lines only.
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.filter((line) => !line.startsWith("Running "))).toEqual([]);
  });

  it("exits 1 with a mandatory violation", async () => {
    const { program, pack } = workspace();
    const result = await run(
      ["check", "--program", program, "--policy-pack", pack],
      fakeStages(fixtureFindings()),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("FAIL: 2 mandatory violations");
  });

  it("exits 2 on a usage error, with the cause on stderr and nothing on stdout", async () => {
    const result = await run(["check", "--format", "pdf"], fakeStages([]));
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'secure-ai check: --format "pdf" is not a report format; allowed: text, json, sarif, md, html, oscal.\n',
    });
  });

  it("exits 2 for a program directory or pack that does not exist", async () => {
    const { dir, program } = workspace();
    expect((await run(["check", "--program", path.join(dir, "missing")], fakeStages([]))).code).toBe(2);
    const noPack = await run(["check", "--program", program, "--policy-pack", program], fakeStages([]));
    expect(noPack.code).toBe(2);
    expect(noPack.stderr).toContain("no PulumiPolicy.yaml");
  });

  it("exits 2 for a malformed --policy-config before running anything", async () => {
    const { dir, program, pack } = workspace();
    const config = path.join(dir, "policy-config.json");
    fs.writeFileSync(config, "{ not json");
    const stages = fakeStages([]);
    const result = await run(
      ["check", "--program", program, "--policy-pack", pack, "--policy-config", config],
      stages,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not valid JSON");
    expect(stages.analyzed).toEqual([]);
  });

  it("exits 2 when the program fails, shows the program's own error and leaves no report behind", async () => {
    const { dir, program, pack } = workspace();
    const out = path.join(dir, "report");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "report.json"), '{"summary":{"mandatoryViolations":0}}');
    fs.writeFileSync(path.join(out, "notes.txt"), "kept");
    const result = await run(
      ["check", "--program", program, "--policy-pack", pack, "--out", out],
      fakeStages([], { stacks: ["dev", "prod"], failOn: "prod" }),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      'secure-ai check: The Pulumi program failed to run for stack "prod": boom from the program\n' +
        "Hint: run with --verbose for the program's stack trace.\n",
    );
    expect(result.stderr).not.toContain("at index.ts:3:7");
    expect(fs.readdirSync(out)).toEqual(["notes.txt"]);
    const verbose = await run(
      ["check", "--program", program, "--policy-pack", pack, "--verbose"],
      fakeStages([], { stacks: ["dev", "prod"], failOn: "prod" }),
    );
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toContain("Error: boom from the program\n    at index.ts:3:7");
  });
});

describe("runCli orchestration", () => {
  it("runs every stack, pairs configs with packs, and writes every format to --out", async () => {
    const { dir, program, pack } = workspace();
    const config = path.join(dir, "config.json");
    fs.writeFileSync(config, JSON.stringify({ all: "mandatory" }));
    const out = path.join(dir, "out");
    const stages = fakeStages(passing, { stacks: ["dev", "prod"] });
    const result = await run(
      [
        "check",
        "--program",
        program,
        "--policy-pack",
        pack,
        "--policy-config",
        config,
        "--out",
        out,
        "--format",
        "md",
      ],
      stages,
    );
    expect(result.code).toBe(0);
    // Both passes of every stack: a preview (dry run) and an update.
    expect(stages.analyzed.map((args) => `${args.stack} ${args.dryRun ? "preview" : "update"}`)).toEqual([
      "dev preview",
      "dev update",
      "prod preview",
      "prod update",
    ]);
    expect(stages.analyzed[0]).toMatchObject({
      packs: [{ dir: pack, config }],
      dryRun: true,
      project: "demo",
      stackConfig: { "aws:region": "eu-west-1" },
    });
    expect(fs.readdirSync(out).sort()).toEqual(REPORT_FILES);
    expect(fs.readFileSync(path.join(out, "report.md"), "utf8")).toBe(result.stdout);
    const json = JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8")) as {
      stacks: { stack: string }[];
    };
    expect(json.stacks.map((stack) => stack.stack)).toEqual(["dev", "prod"]);
  });

  it("stops with exit 2 and the list of stacks for a --stack the project does not have, before running anything", async () => {
    const { program, pack } = workspace();
    const stages = fakeStages(passing, { stacks: ["dev", "prod"] });
    const result = await run(
      ["check", "--program", program, "--policy-pack", pack, "--stack", "prdo"],
      stages,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `secure-ai check: --stack "prdo" is not a stack of ${program}; its stacks: dev, prod.\n`,
    );
    expect(stages.analyzed).toEqual([]);
  });

  it.each([
    [
      "under a file",
      (dir: string) => {
        fs.writeFileSync(path.join(dir, "a-file"), "");
        return path.join(dir, "a-file", "reports");
      },
    ],
    ["in /proc, where a recursive mkdir never returns", () => "/proc/secure-ai-nope/reports"],
  ])(
    "stops with exit 2 at once for an --out it cannot write %s, before running anything",
    async (_case, outOf) => {
      const { program, pack } = workspace();
      const out = outOf(path.dirname(program));
      const stages = fakeStages(passing);
      const result = await run(["check", "--program", program, "--policy-pack", pack, "--out", out], stages);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(
          `^secure-ai check: --out ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not a writable directory \\(E[A-Z]+: `,
        ),
      );
      expect(stages.analyzed).toEqual([]);
    },
  );

  it("runs only the stack given with --stack", async () => {
    const { program, pack } = workspace();
    const stages = fakeStages(passing, { stacks: ["dev", "prod"] });
    await run(
      ["check", "--program", program, "--policy-pack", pack, "--stack", "prod", "--mode", "preview"],
      stages,
    );
    expect(stages.analyzed.map((args) => args.stack)).toEqual(["prod"]);
    expect(stages.analyzed.map((args) => args.dryRun)).toEqual([true]);
  });

  it("shows progress on a terminal and in a CI log (none with --quiet), colour only on a terminal", async () => {
    const { program, pack } = workspace();
    const piped = await run(["check", "--program", program, "--policy-pack", pack], fakeStages(passing));
    expect(piped.stderr).toContain("Running the program for stack prod");
    expect(piped.stderr).not.toContain("\u001b[");
    expect(piped.stdout).not.toContain("\u001b[");
    const quiet = await run(
      ["check", "--program", program, "--policy-pack", pack, "--quiet"],
      fakeStages(passing),
    );
    expect(quiet.stderr).toBe("");
    const terminal = await run(
      ["check", "--program", program, "--policy-pack", pack],
      fakeStages(passing),
      true,
    );
    expect(terminal.stderr).toContain("Running the program for stack prod");
    expect(terminal.stdout).toContain("\u001b[");
  });
});
