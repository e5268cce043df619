/**
 * What stderr says when a run stops: an expected error (the input's fault) on one line with a hint, stack
 * traces only with --verbose; an unexpected one (a bug) with its stack.
 */
import { describe, expect, it } from "vitest";
import { SecureAiConfigError } from "../../../components/errors";
import { PolicyPackStartError } from "../../../preflight/analyzer/launch";
import { describeFailure } from "../../../preflight/cli/errors-to-exit";
import { CliUsageError } from "../../../preflight/cli/usage-error";
import { PreflightProgramError, PreflightTypeError } from "../../../preflight/engine/errors";

/** A program that threw SecureAiConfigError, as the engine reports it from the child. */
function configFailure(): PreflightProgramError {
  const thrown = new SecureAiConfigError("models[1].name", "", "a non-empty name");
  return new PreflightProgramError("prod", thrown.message, thrown.stack, thrown.name);
}

describe("describeFailure", () => {
  it("prints a SecureAiConfigError thrown by the program on one line, with a hint and no stack", () => {
    const text = describeFailure(configFailure());
    expect(text).toBe(
      'The Pulumi program failed to run for stack "prod": SecureAiConfigError: models[1].name: received ""; a non-empty name\n' +
        "Hint: fix that argument of SecureAiPlatform (or the stack config it comes from); --verbose shows where it was thrown.",
    );
    expect(text).not.toMatch(/\n\s+at /);
  });

  it("adds the program's own stack trace with --verbose", () => {
    const text = describeFailure(configFailure(), { verbose: true });
    expect(text.split("\n")[0]).toContain("SecureAiConfigError: models[1].name");
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain("Hint:");
  });

  it("keeps a program's multi-line message when it has no stack (its last output)", () => {
    const error = new PreflightProgramError("dev", "the program exited with code 3:\nlast words");
    expect(describeFailure(error)).toBe(
      'The Pulumi program failed to run for stack "dev": the program exited with code 3:\nlast words',
    );
  });

  it("prints usage errors as their message only", () => {
    expect(describeFailure(new CliUsageError('--stack "prdo" is not a stack'))).toBe(
      '--stack "prdo" is not a stack',
    );
  });

  it("lists type errors one line each, with the switch that skips the check", () => {
    const text = describeFailure(
      new PreflightTypeError([
        "index.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'.",
      ]),
    );
    expect(text.split("\n")).toEqual([
      "The Pulumi program has 1 type error (pulumi preview would stop on them too):",
      "  index.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'.",
      "Hint: fix them, or skip the type check with --skip-typecheck (SECURE_AI_SKIP_TYPECHECK=1).",
    ]);
  });

  it("points a pack that did not start in time at --pack-start-timeout", () => {
    const text = describeFailure(
      new PolicyPackStartError("Policy pack /p did not print its port within 60000 ms"),
    );
    expect(text).toContain("--pack-start-timeout SECONDS");
    expect(text).not.toMatch(/\n\s+at /);
  });

  it("keeps the stack of an unexpected error, which is a bug", () => {
    const bug = new TypeError("cannot read properties of undefined");
    expect(describeFailure(bug)).toBe(bug.stack);
  });
});
