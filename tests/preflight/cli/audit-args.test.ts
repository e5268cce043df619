import { describe, expect, it } from "vitest";
import { CliUsageError, parseArgs } from "../../../preflight/cli/args";
import { findPackageRoot, packageDefaults } from "../../../preflight/cli/package-root";

const defaults = packageDefaults(findPackageRoot());
const cwd = "/work/somewhere";

function usageError(argv: string[]): string {
  try {
    parseArgs(argv, defaults, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
}

describe("parseArgs audit", () => {
  it("reads every --state in order, resolved against the cwd, with the report flags and their defaults", () => {
    expect(
      parseArgs(
        ["audit", "--state", "a.json", "--state=/states/b.json", "--baseline", "old.json"],
        defaults,
        cwd,
      ),
    ).toEqual({
      kind: "audit",
      options: {
        stateFiles: ["/work/somewhere/a.json", "/states/b.json"],
        encryptedSecrets: "error",
        format: "text",
        policyPacks: [defaults.policyPackDir],
        policyConfigs: [],
        requireComplete: false,
        baseline: "/work/somewhere/old.json",
        failOn: "mandatory",
        softFail: false,
        quiet: false,
        compact: false,
        verbose: false,
        outputs: [],
      },
    });
  });

  it("accepts --encrypted-secrets unknown", () => {
    const parsed = parseArgs(["audit", "--state", "a.json", "--encrypted-secrets", "unknown"], defaults, cwd);
    expect(parsed.kind === "audit" && parsed.options.encryptedSecrets).toBe("unknown");
  });

  it.each([
    [["audit"], "audit needs --state FILE: the output of `pulumi stack export --file FILE`"],
    [
      ["audit", "--state", "a.json", "--encrypted-secrets", "ignore"],
      '--encrypted-secrets "ignore" is not a way to treat encrypted secrets; allowed: error, unknown.',
    ],
    [["audit", "--state", "a.json", "--program", "app"], 'Unknown flag "--program" for audit'],
    [
      ["audit", "--state", "a.json", "--fail-on", "severe"],
      '--fail-on "severe" is not a fail-on level; allowed: mandatory, critical, high, medium, low.',
    ],
    [["audit", "--state", "a.json", "--output", "pdf=x.pdf"], '--output "pdf=x.pdf" is not FORMAT=FILE'],
    [["audit", "--state", "a.json", "--output", "sarif"], '--output "sarif" is not FORMAT=FILE'],
    [["check", "--state", "a.json"], 'Unknown flag "--state" for check'],
    [["oscal"], "oscal needs a subcommand; allowed: component-definition (got none)."],
    [["oscal", "catalog"], 'oscal needs a subcommand; allowed: component-definition (got "catalog").'],
    [["deploy"], 'Unknown command "deploy": the commands are check, audit and oscal'],
  ])("rejects %j with a message naming the flag and what is allowed", (argv, message) => {
    expect(usageError(argv)).toContain(message);
  });
});

describe("parseArgs oscal", () => {
  it("writes the component definition to stdout, or to --out resolved against the cwd", () => {
    expect(parseArgs(["oscal", "component-definition"], defaults, cwd)).toEqual({
      kind: "oscal-component-definition",
      options: {},
    });
    expect(parseArgs(["oscal", "component-definition", "--out", "cd.json"], defaults, cwd)).toEqual({
      kind: "oscal-component-definition",
      options: { outFile: "/work/somewhere/cd.json" },
    });
  });
});
