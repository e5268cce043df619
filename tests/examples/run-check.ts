/**
 * Runs `secure-ai check --format json` on an example through the package's bin shim, as a user would, and
 * returns the parsed report (the JSON contract of design.md) with the exit code and stderr.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** Repository root. */
export const ROOT = path.resolve(__dirname, "../..");
/** The examples folder. */
export const EXAMPLES = path.join(ROOT, "examples");
/** A run starts the program and the policy pack as processes; on a loaded two-core machine that is slow. */
export const CHECK_TIMEOUT_MS = 420_000;

/** A resource as the JSON report shows it. */
export interface ReportResource {
  urn: string;
  type: string;
  inputs: Record<string, unknown>;
}

/** A finding as the JSON report shows it. */
export interface ReportFinding {
  policy: string;
  controls: string[];
  severity: string;
  enforcementLevel: string;
  urn: string;
  message: string;
}

/** The parts of the JSON report the example tests read. */
export interface JsonReport {
  stacks: { stack: string; resources: ReportResource[]; findings: ReportFinding[] }[];
  summary: { mandatoryViolations: number };
}

/** Outcome of one check run. */
export interface CheckRun {
  code: number | null;
  stderr: string;
  report: JsonReport;
}

/** The example's `policy-config.json`, when it has one. */
export function policyConfigOf(example: string): string | undefined {
  const file = path.join(EXAMPLES, example, "policy-config.json");
  return fs.existsSync(file) ? file : undefined;
}

/**
 * Runs the preflight over one example (every stack of it) with the example's own policy config, if any.
 *
 * @throws Error with the CLI's stderr when the output is not a JSON report.
 */
export function checkExample(example: string): CheckRun {
  const config = policyConfigOf(example);
  const args = [
    path.join(ROOT, "bin", "secure-ai.js"),
    "check",
    "--program",
    path.join(EXAMPLES, example),
    "--format",
    "json",
    ...(config === undefined ? [] : ["--policy-config", config]),
  ];
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: CHECK_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(
      `secure-ai check on ${example} printed no JSON report (exit ${result.status}):\n${result.stderr}`,
    );
  }
  return { code: result.status, stderr: result.stderr, report };
}

/** Resources of the only stack of a report of one type token. */
export function resourcesOfType(report: JsonReport, type: string): ReportResource[] {
  return report.stacks.flatMap((stack) => stack.resources.filter((resource) => resource.type === type));
}

/** The last part of a URN: the resource's name. */
export function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}
