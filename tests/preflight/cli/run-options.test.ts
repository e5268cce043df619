/**
 * --skip-typecheck and --pack-start-timeout, with their environment variables: the flag wins, the variable
 * is the fallback, a bad value is a usage error naming where it came from.
 */
import { describe, expect, it } from "vitest";
import { readFlags } from "../../../preflight/cli/flag-reader";
import { readRunOptions, RUN_SWITCH_FLAGS, RUN_VALUE_FLAGS } from "../../../preflight/cli/run-options";

function read(args: string[], env: NodeJS.ProcessEnv = {}) {
  const values = readFlags(args, { command: "check", values: RUN_VALUE_FLAGS, switches: RUN_SWITCH_FLAGS });
  return readRunOptions(values, env);
}

describe("run options", () => {
  it("type-checks and waits 60 s for a pack by default", () => {
    expect(read([])).toEqual({ skipTypeCheck: false, packStartTimeoutMs: 60_000 });
  });

  it("skips the type check with the flag or SECURE_AI_SKIP_TYPECHECK=1", () => {
    expect(read(["--skip-typecheck"]).skipTypeCheck).toBe(true);
    expect(read([], { SECURE_AI_SKIP_TYPECHECK: "1" }).skipTypeCheck).toBe(true);
    expect(read([], { SECURE_AI_SKIP_TYPECHECK: "true" }).skipTypeCheck).toBe(true);
    expect(read([], { SECURE_AI_SKIP_TYPECHECK: "0" }).skipTypeCheck).toBe(false);
  });

  it("takes the pack start-up limit in seconds from the flag, else SECURE_AI_PACK_START_TIMEOUT", () => {
    expect(read(["--pack-start-timeout", "150"]).packStartTimeoutMs).toBe(150_000);
    expect(read(["--pack-start-timeout=2.5"]).packStartTimeoutMs).toBe(2_500);
    expect(read([], { SECURE_AI_PACK_START_TIMEOUT: "240" }).packStartTimeoutMs).toBe(240_000);
    expect(
      read(["--pack-start-timeout", "30"], { SECURE_AI_PACK_START_TIMEOUT: "240" }).packStartTimeoutMs,
    ).toBe(30_000);
  });

  it("rejects a limit that is not a positive number of seconds, naming its source", () => {
    expect(() => read(["--pack-start-timeout", "0"])).toThrow(
      '--pack-start-timeout "0" is not a positive number of seconds',
    );
    expect(() => read(["--pack-start-timeout", "1m"])).toThrow("--pack-start-timeout");
    expect(() => read([], { SECURE_AI_PACK_START_TIMEOUT: "soon" })).toThrow(
      'SECURE_AI_PACK_START_TIMEOUT "soon" is not a positive number of seconds',
    );
  });
});
