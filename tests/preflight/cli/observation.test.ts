/**
 * Evidence grounded in observation, end to end through the CLI with the real engine and the real pack:
 * insecure settings hidden behind preview-time unknowns are caught by the update pass (and never read as
 * satisfied in preview), a remote component is listed and warned about, `--require-complete` exits 3, and a
 * program without SecureAiPlatform gets not-applicable controls instead of satisfied ones.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const PROGRAMS = path.join(ROOT, "tests", "fixtures", "programs");
const TIMEOUT_MS = 240_000;

interface Control {
  id: string;
  status: string;
  resources: string[];
  reasons: string[];
}
interface Report {
  stacks: {
    stack: string;
    passes: string[];
    resources: { type: string; inputs: Record<string, unknown> }[];
    findings: { policy: string; enforcementLevel: string; passes: string[]; urn: string }[];
    controls: Control[];
    unexamined: { urn: string; type: string; reason: string }[];
  }[];
}

function check(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "secure-ai.js"), "check", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs of the same arguments are shared between cases (the planted cases share one run per mode). */
const jsonRuns = new Map<string, { code: number | null; report: Report; stderr: string }>();

function jsonCheck(args: string[]): { code: number | null; report: Report; stderr: string } {
  const key = args.join("\u0000");
  const cached = jsonRuns.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const result = check([...args, "--format", "json"]);
  const run = {
    code: result.code,
    report: JSON.parse(result.stdout || "{}") as Report,
    stderr: result.stderr,
  };
  jsonRuns.set(key, run);
  return run;
}

type StackReport = Report["stacks"][number];

const control = (stack: StackReport, id: string): Control => stack.controls.find((entry) => entry.id === id)!;

const PLANTED_STACKS = ["aws-bucket", "azure-openai", "azure-storage"];

/**
 * One run of the planted program over all its stacks per mode, instead of one run per stack and mode: each
 * stack's part of the report carries what its cases check.
 */
function plantedRun(mode: "both" | "preview"): {
  code: number | null;
  stderr: string;
  stacks: StackReport[];
} {
  const run = jsonCheck(["--program", path.join(PROGRAMS, "planted"), "--mode", mode]);
  return { code: run.code, stderr: run.stderr, stacks: run.report.stacks ?? [] };
}

function plantedStack(mode: "both" | "preview", stack: string): StackReport {
  const found = plantedRun(mode).stacks.find((entry) => entry.stack === stack);
  expect(found, `stack ${stack} in the ${mode} run`).toBeDefined();
  return found!;
}

describe("the planted program", () => {
  it(
    "is checked stack by stack: every planted stack is in the report of each mode, with that mode's passes",
    () => {
      for (const mode of ["both", "preview"] as const) {
        const run = plantedRun(mode);
        expect(run.stacks.map((entry) => entry.stack).sort(), run.stderr).toEqual(PLANTED_STACKS);
        for (const stack of run.stacks) {
          expect(stack.passes).toEqual(mode === "both" ? ["preview", "update"] : ["preview"]);
        }
      }
    },
    TIMEOUT_MS,
  );
});

describe.each([
  ["azure-storage", "azure-storage-account-require-cmk", "SAI-ENC-01"],
  ["azure-openai", "azure-cognitiveservices-account-disallow-local-auth", "SAI-IAM-03"],
  ["azure-openai", "azure-cognitiveservices-account-disallow-public-network-access", "SAI-NET-02"],
  ["aws-bucket", "aws-s3-bucket-require-cmk-encryption", "SAI-ENC-01"],
])("the planted %s case (%s)", (stack, policy, controlId) => {
  it(
    "is a mandatory violation of the update pass, exit 1, and never satisfied in preview",
    () => {
      // The exit code is the verdict over the whole report (verdict.ts: 1 when any unwaived mandatory finding
      // exists); the stack's own mandatory finding is checked below.
      const both = plantedRun("both");
      expect(both.code, both.stderr).toBe(1);
      const checked = plantedStack("both", stack);
      expect(checked.passes).toEqual(["preview", "update"]);
      const found = checked.findings.filter(
        (finding) => finding.policy === policy && finding.enforcementLevel === "mandatory",
      );
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((finding) => finding.passes.includes("update"))).toBe(true);
      expect(control(checked, controlId).status).toBe("violated");
      // Report inputs are the update pass's: nothing unknown.
      expect(JSON.stringify(checked.resources)).not.toContain("[unknown]");

      const preview = plantedStack("preview", stack);
      expect(preview.passes).toEqual(["preview"]);
      expect(["violated", "unverified"]).toContain(control(preview, controlId).status);
    },
    TIMEOUT_MS,
  );
});

describe("a program whose network comes from a remote component", () => {
  const program = path.join(PROGRAMS, "remote-component");

  it(
    "lists the remote component and the uncovered resource as not examined and warns above the verdict",
    () => {
      // One run gives the text report on stdout and the JSON report through --output.
      const jsonFile = path.join(
        fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-observation-")),
        "report.json",
      );
      const text = check(["--program", program, "--output", `json=${jsonFile}`]);
      expect(text.code, text.stderr).toBe(0);
      const lines = text.stdout.trimEnd().split("\n");
      // The warning wraps at 100 columns, continuation lines indented: read it back as one sentence.
      const start = lines.findIndex((line) => line.startsWith("Not examined in default:"));
      expect(start).toBeGreaterThan(-1);
      expect(lines.slice(start, -1).every((line, index) => index === 0 || line.startsWith("  "))).toBe(true);
      expect(
        lines
          .slice(start, -1)
          .map((line) => line.trim())
          .join(" "),
      ).toBe(
        "Not examined in default: 2 resources were not examined: 1 remote component awsx:ec2:Vpc whose children an " +
          "offline run cannot see, 1 aws:cloudwatch/dashboard:Dashboard that no policy covers.",
      );
      expect(lines.at(-1)).toMatch(/^PASS: /);
      const json = { report: JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Report };
      expect(json.report.stacks[0]!.unexamined).toEqual([
        {
          urn: "urn:pulumi:default::remote-component::pulumi:pulumi:Stack$awsx:ec2:Vpc::network",
          type: "awsx:ec2:Vpc",
          reason: "remote-component",
        },
        {
          urn: "urn:pulumi:default::remote-component::pulumi:pulumi:Stack$aws:cloudwatch/dashboard:Dashboard::operations",
          type: "aws:cloudwatch/dashboard:Dashboard",
          reason: "no-policy",
        },
      ]);
      // Nothing it could see concerns the network controls: unverified because of the remote component.
      expect(control(json.report.stacks[0]!, "SAI-NET-01")).toMatchObject({
        status: "unverified",
        resources: [],
      });
      expect(control(json.report.stacks[0]!, "SAI-NET-01").reasons[0]).toContain("awsx:ec2:Vpc");
    },
    TIMEOUT_MS,
  );

  it(
    "exits 3 with --require-complete",
    () => {
      const result = check(["--program", program, "--require-complete", "--mode", "update"]);
      expect(result.code, result.stderr).toBe(3);
    },
    TIMEOUT_MS,
  );
});

describe("a program without SecureAiPlatform", () => {
  it(
    "gets not-applicable controls where it holds nothing of their concern, and never satisfied without resources",
    () => {
      const { code, report, stderr } = jsonCheck(["--program", path.join(PROGRAMS, "cli-secure")]);
      expect(code, stderr).toBe(0);
      const controls = report.stacks[0]!.controls;
      expect(controls.find((entry) => entry.id === "SAI-ENC-03")).toMatchObject({ status: "satisfied" });
      expect(controls.find((entry) => entry.id === "SAI-TLS-01")).toMatchObject({ status: "not-applicable" });
      expect(controls.find((entry) => entry.id === "SAI-NET-05")).toMatchObject({ status: "not-applicable" });
      expect(controls.filter((entry) => entry.status === "not-applicable").length).toBeGreaterThan(10);
      for (const entry of controls.filter((item) => item.status === "satisfied")) {
        expect(entry.resources.length, entry.id).toBeGreaterThan(0);
      }
      expect(report.stacks[0]!.unexamined).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
