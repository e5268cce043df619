import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CliUsageError, parseArgs } from "../../../preflight/cli/args";
import { findPackageRoot, packageDefaults } from "../../../preflight/cli/package-root";

const root = findPackageRoot();
const defaults = packageDefaults(root);
const cwd = "/work/somewhere";

function usageError(argv: string[]): string {
  try {
    parseArgs(argv, defaults, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as CliUsageError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
}

describe("parseArgs defaults", () => {
  it("runs this package's own project and pack, resolved from the package root rather than the cwd", () => {
    expect(root).toBe(path.resolve(__dirname, "../../.."));
    expect(parseArgs(["check"], defaults, cwd)).toEqual({
      kind: "check",
      options: {
        programDir: root,
        stack: undefined,
        format: "text",
        outDir: undefined,
        policyPacks: [path.join(root, "policy-packs", "secure-ai")],
        policyConfigs: [],
        mode: "both",
        requireComplete: false,
        failOn: "mandatory",
        softFail: false,
        quiet: false,
        compact: false,
        verbose: false,
        outputs: [],
        skipTypeCheck: false,
        packStartTimeoutMs: 60_000,
      },
    });
  });
});

describe("parseArgs flags", () => {
  it("reads every flag, in both --flag value and --flag=value forms, resolving paths against the cwd", () => {
    const parsed = parseArgs(
      [
        "check",
        "--program",
        "app",
        "--stack=prod",
        "--format",
        "sarif",
        "--out=reports",
        "--policy-pack",
        "/packs/a",
        "--policy-pack",
        "packs/b",
        "--policy-config",
        "a.json",
        "--mode=update",
        "--require-complete",
        "--baseline",
        "last/report.json",
        "--fail-on=high",
        "--soft-fail",
        "--quiet",
        "--compact",
        "--verbose",
        "--output",
        "sarif=results.sarif",
        "--output=json=/tmp/r.json",
        "--skip-typecheck",
        "--pack-start-timeout",
        "90",
      ],
      defaults,
      cwd,
    );
    expect(parsed).toEqual({
      kind: "check",
      options: {
        programDir: "/work/somewhere/app",
        stack: "prod",
        format: "sarif",
        outDir: "/work/somewhere/reports",
        policyPacks: ["/packs/a", "/work/somewhere/packs/b"],
        policyConfigs: ["/work/somewhere/a.json"],
        mode: "update",
        requireComplete: true,
        baseline: "/work/somewhere/last/report.json",
        failOn: "high",
        softFail: true,
        quiet: true,
        compact: true,
        verbose: true,
        outputs: [
          { format: "sarif", file: "/work/somewhere/results.sarif" },
          { format: "json", file: "/tmp/r.json" },
        ],
        skipTypeCheck: true,
        packStartTimeoutMs: 90_000,
      },
    });
  });

  it.each(["preview", "update", "both"])("accepts --mode %s", (mode) => {
    const parsed = parseArgs(["check", "--mode", mode], defaults, cwd);
    expect(parsed.kind === "check" && parsed.options.mode).toBe(mode);
  });

  it("rejects an unknown --mode and a value given to --require-complete, naming the flag and the value", () => {
    expect(() => parseArgs(["check", "--mode", "apply"], defaults, cwd)).toThrow(
      '--mode "apply" is not a run mode; allowed: preview, update, both.',
    );
    expect(() => parseArgs(["check", "--require-complete=yes"], defaults, cwd)).toThrow(
      '--require-complete takes no value (got "yes").',
    );
  });

  it.each(["text", "json", "sarif", "md", "html", "oscal"])("accepts --format %s", (format) => {
    const parsed = parseArgs(["check", "--format", format], defaults, cwd);
    expect(parsed.kind === "check" && parsed.options.format).toBe(format);
  });

  it("answers --help and --version", () => {
    expect(parseArgs(["--help"], defaults, cwd)).toEqual({ kind: "help" });
    expect(parseArgs(["check", "-h"], defaults, cwd)).toEqual({ kind: "help" });
    expect(parseArgs(["--version"], defaults, cwd)).toEqual({ kind: "version" });
  });
});

describe("parseArgs usage errors (exit 2)", () => {
  it("rejects a missing or unknown command", () => {
    expect(usageError([])).toMatch(/Missing command/);
    expect(usageError(["deploy"])).toMatch(/Unknown command "deploy"/);
  });

  it("rejects an unknown flag, naming it", () => {
    expect(usageError(["check", "--colour"])).toMatch(/Unknown flag "--colour"/);
  });

  it("rejects a flag without its value", () => {
    expect(usageError(["check", "--stack"])).toMatch(/--stack needs a value/);
    expect(usageError(["check", "--stack", "--format", "json"])).toMatch(/--stack needs a value/);
    expect(usageError(["check", "--out="])).toMatch(/--out needs a value/);
  });

  it("rejects a format that does not exist, listing the allowed ones", () => {
    expect(usageError(["check", "--format", "pdf"])).toBe(
      '--format "pdf" is not a report format; allowed: text, json, sarif, md, html, oscal.',
    );
  });

  it("rejects a repeated single-value flag, a stray argument and more configs than packs", () => {
    expect(usageError(["check", "--stack", "a", "--stack", "b"])).toMatch(/--stack was given 2 times/);
    expect(usageError(["check", "prod"])).toMatch(/Unexpected argument "prod"/);
    expect(usageError(["check", "--policy-config", "a.json", "--policy-config", "b.json"])).toMatch(
      /2 --policy-config files for 1 policy pack/,
    );
  });
});
