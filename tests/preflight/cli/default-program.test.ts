/**
 * The program `secure-ai check` runs without --program: the current directory when it holds a Pulumi.yaml,
 * else the bundled project of a checkout of this repository, else a usage error (an installed package ships
 * no project of its own).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CliUsageError, parseArgs, runCli, type CheckStages } from "../../../preflight/cli";
import { findPackageRoot, packageDefaults } from "../../../preflight/cli/package-root";
import { fixturePacks, fixtureRun } from "../report/fixture";

const checkoutRoot = findPackageRoot();

function temporaryDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `secure-ai-${prefix}-`));
}

/** A user's Pulumi project: a directory with a Pulumi.yaml (or Pulumi.yml). */
function userProject(fileName = "Pulumi.yaml"): string {
  const dir = temporaryDir("project");
  fs.writeFileSync(path.join(dir, fileName), "name: user-project\nruntime: nodejs\n");
  return dir;
}

/** The layout of the package installed from npm: compiled pack, no Pulumi.yaml, no stacks/. */
function installedPackage(): string {
  const root = temporaryDir("installed");
  fs.writeFileSync(
    path.join(root, "package.json"),
    JSON.stringify({ name: "secure-ai-platform", version: "9.9.9" }),
  );
  const pack = path.join(root, "dist", "policy-packs", "secure-ai");
  fs.mkdirSync(pack, { recursive: true });
  fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\n");
  return root;
}

function programOf(argv: string[], packageRoot: string, cwd: string): string {
  const command = parseArgs(argv, packageDefaults(packageRoot), cwd);
  if (command.kind !== "check") {
    throw new Error(`expected a check, got ${command.kind}`);
  }
  return command.options.programDir;
}

describe("default --program (parseArgs)", () => {
  it("is the current directory when it holds a Pulumi.yaml or Pulumi.yml, in a checkout or not", () => {
    for (const fileName of ["Pulumi.yaml", "Pulumi.yml"]) {
      const cwd = userProject(fileName);
      expect(programOf(["check"], checkoutRoot, cwd)).toBe(cwd);
      expect(programOf(["check"], installedPackage(), cwd)).toBe(cwd);
    }
  });

  it("is the bundled project in a checkout when the current directory holds no Pulumi.yaml", () => {
    expect(packageDefaults(checkoutRoot).bundledProgramDir).toBe(checkoutRoot);
    expect(programOf(["check"], checkoutRoot, temporaryDir("empty"))).toBe(checkoutRoot);
  });

  it("is the repository's own project for `npm start` (run from the root, whose Pulumi.yaml runs stacks/)", () => {
    expect(programOf(["check", "--out", "report"], checkoutRoot, checkoutRoot)).toBe(checkoutRoot);
    expect(fs.readFileSync(path.join(checkoutRoot, "Pulumi.yaml"), "utf8")).toMatch(
      /^main: stacks\/index\.ts$/m,
    );
  });

  it("is a usage error (exit 2) in an installed package outside a Pulumi project", () => {
    const installed = installedPackage();
    expect(packageDefaults(installed).bundledProgramDir).toBeUndefined();
    const cwd = temporaryDir("empty");
    let thrown: unknown;
    try {
      parseArgs(["check"], packageDefaults(installed), cwd);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliUsageError);
    expect((thrown as CliUsageError).exitCode).toBe(2);
    expect((thrown as Error).message).toBe(
      `No --program given and ${cwd} holds no Pulumi.yaml: pass --program DIR (the directory of the ` +
        "Pulumi project to check), or run secure-ai check from that directory.",
    );
    const project = userProject();
    expect(programOf(["check", "--program", project], installed, cwd)).toBe(project);
  });
});

class Capture {
  text = "";
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Stages that record which program they were asked to run. */
function recordingStages(): CheckStages & { programs: string[] } {
  const programs: string[] = [];
  return {
    programs,
    listStacks: () => ["dev"],
    runStack: ({ programDir, stack }) => {
      programs.push(programDir);
      return Promise.resolve({ ...fixtureRun(), stack: stack ?? "dev" });
    },
    analyzeStack: (args) =>
      Promise.resolve({
        packs: fixturePacks.map((pack) => ({ ...pack, dir: args.packs[0]!.dir, startMs: 1 })),
        findings: [],
        remediatedInputs: {},
        examinations: [],
      }),
    stackConfig: () => ({}),
  };
}

async function check(packageRoot: string, cwd: string) {
  const stdout = new Capture();
  const stderr = new Capture();
  const stages = recordingStages();
  const code = await runCli(["check", "--format", "json"], {
    stdout,
    stderr,
    env: {},
    cwd,
    packageRoot,
    stages,
  });
  return { code, stdout: stdout.text, stderr: stderr.text, programs: stages.programs };
}

describe("default --program (runCli)", () => {
  it("runs the user's project from its directory with an installed package, with the compiled pack", async () => {
    const installed = installedPackage();
    const cwd = userProject();
    const result = await check(installed, cwd);
    // Progress lines only.
    expect(result.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("Running "))).toEqual(
      [],
    );
    expect(result.code).toBe(0);
    expect(result.programs).toEqual([cwd, cwd]);
    expect((JSON.parse(result.stdout) as { tool: { version: string } }).tool.version).toBe("9.9.9");
  });

  it("runs the bundled project in a checkout from a directory without a Pulumi.yaml", async () => {
    const result = await check(checkoutRoot, temporaryDir("empty"));
    expect(result.code).toBe(0);
    expect(result.programs).toEqual([checkoutRoot, checkoutRoot]);
  });

  it("exits 2 with the usage error and runs nothing in an installed package outside a project", async () => {
    const cwd = temporaryDir("empty");
    const result = await check(installedPackage(), cwd);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `secure-ai check: No --program given and ${cwd} holds no Pulumi.yaml: pass --program DIR (the directory of the Pulumi project to check), or run secure-ai check from that directory.\n`,
      programs: [],
    });
  });
});
