/**
 * `secure-ai check` end to end: the real engine runs small programs under the mock runtime and the real
 * secure-ai pack analyses them, through the bin shim (and once through `npm run --silent check`).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const PROGRAMS = path.join(ROOT, "tests", "fixtures", "programs");
const TIMEOUT_MS = 240_000;

function secureAi(args: string[], viaNpm = false) {
  const [command, commandArgs] = viaNpm
    ? ["npm", ["run", "--silent", "check", "--", ...args]]
    : [process.execPath, [path.join(ROOT, "bin", "secure-ai.js"), "check", ...args]];
  const result = spawnSync(command as string, commandArgs as string[], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  stacks: {
    stack: string;
    resources: { urn: string; type: string; inputs: Record<string, unknown> }[];
    findings: { policy: string; controls: string[]; enforcementLevel: string; urn: string }[];
  }[];
  summary: { mandatoryViolations: number };
}

describe("secure-ai check end to end", () => {
  it(
    "passes a secure program with exit 0; npm run --silent check prints only the JSON report",
    () => {
      // One pass is enough for what is read here (literal inputs, the verdict); the default mode (both passes)
      // of the same program exits 0 in observation.test.ts.
      const result = secureAi(
        ["--program", path.join(PROGRAMS, "cli-secure"), "--mode", "preview", "--format", "json"],
        true,
      );
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.summary.mandatoryViolations).toBe(0);
      expect(report.stacks.map((stack) => stack.stack)).toEqual(["dev"]);
      const key = report.stacks[0]!.resources.find((resource) => resource.type === "aws:kms/key:Key");
      expect(key?.inputs).toMatchObject({
        enableKeyRotation: true,
        rotationPeriodInDays: 90,
        deletionWindowInDays: 30,
      });
    },
    TIMEOUT_MS,
  );

  it(
    "fails an insecure program with exit 1, the expected finding, every report written and no secret in any",
    () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-e2e-"));
      const result = secureAi([
        "--program",
        path.join(PROGRAMS, "cli-insecure"),
        "--out",
        out,
        "--format",
        "json",
      ]);
      expect(result.code, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout) as JsonReport;
      const rotation = report.stacks[0]!.findings.filter(
        (finding) => finding.policy === "aws-kms-key-require-rotation",
      );
      expect(rotation.length).toBeGreaterThan(0);
      expect(rotation[0]).toMatchObject({ enforcementLevel: "mandatory", controls: ["SAI-ENC-03"] });
      expect(rotation[0]!.urn).toMatch(/[:$]aws:kms\/key:Key::sai-datasets$/);
      expect(report.summary.mandatoryViolations).toBeGreaterThan(0);
      const key = report.stacks[0]!.resources.find((resource) => resource.type === "aws:kms/key:Key");
      expect(key?.inputs["tags"]).toEqual({ owner: "[secret]" });
      expect(fs.readdirSync(out).sort()).toEqual([
        "report.html",
        "report.json",
        "report.md",
        "report.oscal.json",
        "report.sarif",
        "report.txt",
      ]);
      for (const file of fs.readdirSync(out)) {
        expect(fs.readFileSync(path.join(out, file), "utf8")).not.toContain("cli-insecure-secret-tag-value");
      }
      expect(result.stdout).not.toContain("cli-insecure-secret-tag-value");
    },
    TIMEOUT_MS,
  );

  it(
    "honours a waiver from --policy-config: exit 0, the waiver with its reason and expiry in the evidence",
    () => {
      const program = path.join(PROGRAMS, "cli-insecure");
      const result = secureAi([
        "--program",
        program,
        "--policy-config",
        path.join(program, "policy-config.waiver.json"),
        // The waived finding (key rotation off, a literal input) is found by either pass.
        "--mode",
        "preview",
        "--format",
        "json",
      ]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as JsonReport & {
        stacks: {
          controls: { id: string; status: string; waivers: { reason: string; expires?: string }[] }[];
        }[];
      };
      const control = report.stacks[0]!.controls.find((entry) => entry.id === "SAI-ENC-03");
      expect(control?.status).toBe("waived");
      expect(control?.waivers[0]).toMatchObject({
        reason: "Key rotation is handled by the HSM team until the migration",
        expires: "2031-12-31",
      });
    },
    TIMEOUT_MS,
  );

  it(
    "exits 2 for a program that throws, with the program's error on stderr and no report",
    () => {
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-e2e-")), "report");
      const result = secureAi([
        "--program",
        path.join(PROGRAMS, "cli-throwing"),
        // The program throws at load, in either pass.
        "--mode",
        "preview",
        "--out",
        out,
      ]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("cli-throwing: the model list is empty");
      expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
