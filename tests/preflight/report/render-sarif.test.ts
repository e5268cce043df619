import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { renderSarif } from "../../../preflight/report";
import { EVIL_URN, fixtureReport, KEY_URN, STACK_URN } from "./fixture";

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; help: { text: string }; helpUri?: string; properties: { tags: string[] } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn?: number } };
        message?: { text: string };
        logicalLocations: { fullyQualifiedName: string; kind: string }[];
      }[];
      suppressions?: { kind: string; justification: string }[];
    }[];
  }[];
}

/**
 * Validates a SARIF file with Microsoft's SARIF multitool (the official schema plus its SARIF rules) and
 * returns the errors it reports. The multitool exits 0 even when it finds errors, so its own SARIF output
 * is read instead.
 */
function multitoolErrors(file: string): string[] {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sarif-validation-")), "validation.sarif");
  execFileSync("npx", ["--no-install", "sarif-multitool", "validate", "--output", output, file], {
    cwd: path.resolve(__dirname, "../../.."),
    stdio: "pipe",
    timeout: 120_000,
  });
  const validation = JSON.parse(fs.readFileSync(output, "utf8")) as {
    runs: { results?: { ruleId?: string; level?: string; message: { id?: string; text?: string; arguments?: string[] } }[] }[];
  };
  return validation.runs
    .flatMap((run) => run.results ?? [])
    .filter((result) => (result.level ?? "warning") === "error")
    .map((result) => `${result.ruleId}: ${result.message.text ?? result.message.arguments?.join(" ") ?? ""}`);
}

function writeTemp(name: string, content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sarif-report-")), name);
  fs.writeFileSync(file, content);
  return file;
}

describe("renderSarif", () => {
  const text = renderSarif(fixtureReport());
  const log = JSON.parse(text) as SarifLog;

  it("passes the SARIF multitool's schema and rule validation", () => {
    expect(multitoolErrors(writeTemp("report.sarif", text))).toEqual([]);
  });

  it("is checked by a validator that does reject an invalid log", () => {
    const broken = JSON.parse(text) as SarifLog;
    delete (broken.runs[0]!.results[0] as Partial<SarifLog["runs"][0]["results"][0]>).message;
    expect(multitoolErrors(writeTemp("broken.sarif", JSON.stringify(broken))).join("\n")).toContain("message");
  });

  it("declares version 2.1.0 with one rule per policy, with help and control tags", () => {
    expect(log.version).toBe("2.1.0");
    const rule = log.runs[0]!.tool.driver.rules.find((entry) => entry.id === "aws-kms-key-require-rotation");
    expect(rule).toBeDefined();
    expect(rule!.help.text).toContain("Fix aws-kms-key-require-rotation.");
    expect(rule!.helpUri).toBe("https://example.com/policies");
    expect(rule!.properties.tags).toContain("SAI-ENC-03");
  });

  it("maps mandatory findings to error and advisory ones to warning, with the URN as logical location", () => {
    const results = log.runs[0]!.results;
    const rules = log.runs[0]!.tool.driver.rules;
    const rotation = results.find((result) => result.ruleId === "aws-kms-key-require-rotation")!;
    expect(rotation.level).toBe("error");
    expect(rules[rotation.ruleIndex]!.id).toBe(rotation.ruleId);
    expect(rotation.locations[0]!.logicalLocations[0]).toMatchObject({ fullyQualifiedName: KEY_URN, kind: "resource" });
    expect(results.find((result) => result.ruleId === "aws-s3-bucket-require-cmk-encryption")!.level).toBe("warning");
    const stackLevel = results.find((result) => result.ruleId === "aws-guardduty-account-require-detector")!;
    expect(stackLevel.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toBe(STACK_URN);
  });

  it("marks waived findings as suppressed with the waiver's reason", () => {
    const waived = log.runs[0]!.results.find((result) => result.ruleId === "aws-ec2-securitygroup-disallow-public-ingress")!;
    expect(waived.suppressions).toEqual([
      expect.objectContaining({ kind: "external", justification: "Load test from the vendor network" }),
    ]);
  });

  it("locates a result at the program line that declares the resource, or its nearest declared ancestor", () => {
    const rotation = log.runs[0]!.results.find((result) => result.ruleId === "aws-kms-key-require-rotation")!;
    // The key was created inside the library (node_modules): the program's line is the platform's.
    expect(rotation.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "src/platform.ts", uriBaseId: "PROGRAMROOT" },
      region: { startLine: 12, startColumn: 3 },
    });
    expect(rotation.locations[0]!.message?.text).toContain("Declared inside urn:pulumi:prod::demo::secure-ai-platform");
  });

  it("says plainly when it does not know where a resource is declared, instead of pointing at Pulumi.yaml as if", () => {
    const results = log.runs[0]!.results;
    const unknown = results.find((result) => result.locations[0]!.logicalLocations[0]!.fullyQualifiedName === EVIL_URN)!;
    expect(unknown.locations[0]!.physicalLocation.artifactLocation.uri).toBe("Pulumi.yaml");
    expect(unknown.locations[0]!.message?.text).toMatch(/unknown: the Pulumi SDK reported no source position/);
    expect(unknown.locations[0]!.message?.text).toContain("it is not the declaration");
    const stackLevel = results.find((result) => result.locations[0]!.logicalLocations[0]!.fullyQualifiedName === STACK_URN)!;
    expect(stackLevel.locations[0]!.message?.text).toContain("about the whole stack");
  });
});
