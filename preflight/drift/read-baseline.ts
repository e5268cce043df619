import * as fs from "node:fs";
import { CliUsageError } from "../cli/usage-error";
import type { ControlStatus } from "../model";

/** One finding of a baseline report, one policy each. */
export interface BaselineFinding {
  urn: string;
  policy: string;
  controls: string[];
  severity: string;
  enforcementLevel: string;
  message: string;
  waived: boolean;
}

/** One stack of a baseline report. */
export interface BaselineStack {
  stack: string;
  project: string;
  resources: Set<string>;
  findings: BaselineFinding[];
  controls: Map<string, ControlStatus>;
}

/** The parts of a previous `report.json` a comparison needs. */
export interface BaselineReport {
  file: string;
  generatedAt: string;
  tool: string;
  stacks: BaselineStack[];
}

/**
 * Reads a `report.json` an earlier `secure-ai check` or `secure-ai audit` wrote.
 *
 * @param file - the report.
 * @throws CliUsageError when the file is not JSON or not such a report, naming what is missing.
 */
export function readBaseline(file: string): BaselineReport {
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliUsageError(`--baseline ${file} is not a JSON report (${(error as Error).message}).`);
  }
  const top = record(document);
  const stacks = top?.["stacks"];
  if (top === undefined || !Array.isArray(stacks) || typeof top["generatedAt"] !== "string") {
    throw new CliUsageError(
      `--baseline ${file} is not a secure-ai report.json (no generatedAt and stacks); pass the report.json of an earlier run.`,
    );
  }
  return {
    file,
    generatedAt: top["generatedAt"],
    tool:
      typeof record(top["tool"])?.["name"] === "string"
        ? (record(top["tool"])!["name"] as string)
        : "secure-ai",
    stacks: stacks.map((stack, index) => baselineStack(stack, index, file)),
  };
}

function baselineStack(raw: unknown, index: number, file: string): BaselineStack {
  const stack = record(raw);
  if (stack === undefined || typeof stack["stack"] !== "string") {
    throw new CliUsageError(`--baseline ${file}: stacks[${index}] has no stack name.`);
  }
  const findings = Array.isArray(stack["findings"]) ? stack["findings"] : [];
  const controls = Array.isArray(stack["controls"]) ? stack["controls"] : [];
  const resources = Array.isArray(stack["resources"]) ? stack["resources"] : [];
  return {
    stack: stack["stack"],
    project: typeof stack["project"] === "string" ? stack["project"] : "",
    resources: new Set(resources.map((resource) => text(record(resource)?.["urn"]))),
    findings: findings.flatMap((finding) => baselineFindings(record(finding) ?? {})),
    controls: new Map(
      controls
        .map((control) => record(control) ?? {})
        .filter((control) => typeof control["id"] === "string" && typeof control["status"] === "string")
        .map((control) => [control["id"] as string, control["status"] as ControlStatus]),
    ),
  };
}

/** A finding that several policies reported (deduplicated) counts once per policy. */
function baselineFindings(finding: Record<string, unknown>): BaselineFinding[] {
  const policies = Array.isArray(finding["policies"])
    ? finding["policies"].filter((policy): policy is string => typeof policy === "string")
    : [text(finding["policy"])];
  return policies.map((policy) => ({
    urn: text(finding["urn"]),
    policy,
    controls: Array.isArray(finding["controls"]) ? finding["controls"].map(String) : [],
    severity: text(finding["severity"]),
    enforcementLevel: text(finding["enforcementLevel"]),
    message: text(finding["message"]),
    waived: finding["waived"] === true,
  }));
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}
