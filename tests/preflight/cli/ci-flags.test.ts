/**
 * The CI conventions of `secure-ai check` and `audit`: --fail-on, --soft-fail, --quiet, --output FORMAT=FILE, and
 * `secure-ai oscal component-definition`, through runCli with stages that answer at once.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, type CheckStages } from "../../../preflight/cli";
import type { Finding } from "../../../preflight/model";
import { fixtureFindings, fixturePacks, fixtureRun } from "../report/fixture";
import { Capture, workspace } from "./cli-helpers";
import { describeErrors, validateComponentDefinition } from "../oscal/schema-validator";

function stages(findings: Finding[]): CheckStages {
  return {
    listStacks: () => ["prod"],
    runStack: () => Promise.resolve({ ...fixtureRun(), stack: "prod" }),
    analyzeStack: (args) =>
      Promise.resolve({
        packs: fixturePacks.map((pack) => ({ ...pack, dir: args.packs[0]!.dir, startMs: 1 })),
        findings,
        remediatedInputs: {},
        examinations: [],
      }),
    stackConfig: () => ({}),
  };
}

async function run(argv: string[], findings: Finding[] = fixtureFindings()) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, { stdout, stderr, env: {}, cwd: os.tmpdir(), stages: stages(findings) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const advisoryOnly = (severity: Finding["severity"]): Finding[] =>
  fixtureFindings()
    .filter((finding) => finding.enforcementLevel !== "mandatory")
    .map((finding) => ({ ...finding, severity }));

describe("--fail-on and --soft-fail", () => {
  it("fails on advisory findings of the given severity or higher, never less than on mandatory ones", async () => {
    const { program, pack } = workspace();
    const base = ["check", "--program", program, "--policy-pack", pack, "--format", "json", "--quiet"];
    expect((await run(base, advisoryOnly("high"))).code).toBe(0);
    expect((await run([...base, "--fail-on", "high"], advisoryOnly("high"))).code).toBe(1);
    expect((await run([...base, "--fail-on", "critical"], advisoryOnly("high"))).code).toBe(0);
    expect((await run([...base, "--fail-on", "low"], advisoryOnly("medium"))).code).toBe(1);
    expect((await run([...base, "--fail-on", "critical"])).code).toBe(1);
  });

  it("--soft-fail exits 0 with violations and still prints the failing report", async () => {
    const { program, pack } = workspace();
    const result = await run([
      "check",
      "--program",
      program,
      "--policy-pack",
      pack,
      "--soft-fail",
      "--quiet",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("FAIL: ");
  });

  it("--compact leaves the policies' descriptions out of the text report, and keeps what each policy said", async () => {
    const { program, pack } = workspace();
    const base = ["check", "--program", program, "--policy-pack", pack, "--quiet"];
    const full = await run(base);
    const compact = await run([...base, "--compact"]);
    const description = fixturePacks[0]!.policies.find((policy) =>
      full.stdout.includes(policy.description),
    )!.description;
    expect(compact.stdout).not.toContain(description);
    const finding = fixtureFindings().find((entry) => entry.enforcementLevel === "mandatory")!;
    expect(compact.stdout).toContain(finding.message);
    expect(compact.code).toBe(full.code);
    expect(compact.stdout.split("\n").length).toBeLessThan(full.stdout.split("\n").length);
  });

  it("--quiet prints no progress on stderr", async () => {
    const { program, pack } = workspace();
    const result = await run(["check", "--program", program, "--policy-pack", pack, "--quiet"]);
    expect(result.stderr).toBe("");
  });
});

describe("--output FORMAT=FILE", () => {
  it("writes one file per requested format beside the report on stdout", async () => {
    const { dir, program, pack } = workspace();
    const sarif = path.join(dir, "results.sarif");
    const json = path.join(dir, "nested-name.json");
    const result = await run([
      "check",
      "--program",
      program,
      "--policy-pack",
      pack,
      "--output",
      `sarif=${sarif}`,
      "--output",
      `json=${json}`,
      "--quiet",
    ]);
    expect(result.code).toBe(1);
    expect((JSON.parse(fs.readFileSync(sarif, "utf8")) as { version: string }).version).toBe("2.1.0");
    expect(JSON.parse(fs.readFileSync(json, "utf8"))).toHaveProperty("stacks");
    expect(result.stdout).toContain("FAIL: ");
  });

  it("exits 2 before running anything when an --output file's directory does not exist", async () => {
    const { dir, program, pack } = workspace();
    const file = path.join(dir, "missing", "results.sarif");
    const result = await run([
      "check",
      "--program",
      program,
      "--policy-pack",
      pack,
      "--output",
      `sarif=${file}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--output sarif=${file}: ${path.join(dir, "missing")} is not a directory.`,
    );
  });
});

describe("secure-ai oscal component-definition", () => {
  it("writes a component definition that validates against the OSCAL 1.0.6 schema, to stdout or --out", async () => {
    const printed = await run(["oscal", "component-definition"]);
    expect(printed.code).toBe(0);
    const document = JSON.parse(printed.stdout) as unknown;
    expect(validateComponentDefinition(document), describeErrors(validateComponentDefinition.errors)).toBe(
      true,
    );
    const file = path.join(workspace().dir, "component-definition.json");
    const written = await run(["oscal", "component-definition", "--out", file]);
    expect(written).toMatchObject({ code: 0, stdout: "" });
    expect(
      (JSON.parse(fs.readFileSync(file, "utf8")) as { "component-definition": { components: unknown[] } })[
        "component-definition"
      ].components,
    ).toHaveLength(3);
  });
});
