/**
 * A reader that closes stdout early (`secure-ai check | head -3`): the CLI stops writing without a crash or
 * a stack trace and exits with the run's verdict.
 */
import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { isClosedReader, watchForClosedReader } from "../../../preflight/cli/closed-pipe";

const ROOT = path.resolve(__dirname, "../../..");
const TIMEOUT_MS = 240_000;

function errorWithCode(code: string): Error {
  return Object.assign(new Error(`write ${code}`), { code });
}

describe("watchForClosedReader", () => {
  it("records a closed pipe as a gone reader, not as a failure", () => {
    const stream = new EventEmitter();
    const watch = watchForClosedReader(stream);
    stream.emit("error", errorWithCode("EPIPE"));
    expect(watch).toEqual({ readerClosed: true, failure: undefined });
  });

  it("keeps the first other write error as the failure", () => {
    const stream = new EventEmitter();
    const watch = watchForClosedReader(stream);
    stream.emit("error", errorWithCode("ENOSPC"));
    stream.emit("error", errorWithCode("EIO"));
    expect(watch.readerClosed).toBe(false);
    expect(watch.failure?.message).toBe("write ENOSPC");
  });

  it("tells closed-reader codes from others", () => {
    expect(["EPIPE", "ECONNRESET", "ERR_STREAM_DESTROYED"].map((code) => isClosedReader({ code }))).toEqual([
      true,
      true,
      true,
    ]);
    expect([{ code: "ENOSPC" }, new Error("no code"), "EPIPE", undefined].map(isClosedReader)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("secure-ai check into a pipe closed after the first chunk", () => {
  it(
    "stops quietly, with no stack trace on stderr, and exits 1 for the violations it found",
    async () => {
      // SARIF is about 190 KB here, more than a pipe holds, so most of it is written after the reader is gone.
      const child = spawn(
        process.execPath,
        [
          path.join(ROOT, "bin", "secure-ai.js"),
          "check",
          "--program",
          path.join(ROOT, "tests", "fixtures", "programs", "cli-insecure"),
          "--format",
          "sarif",
        ],
        { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
      );
      let stdoutBytes = 0;
      child.stdout.once("data", (chunk: Buffer) => {
        stdoutBytes = chunk.length;
        child.stdout.destroy();
      });
      let stderr = "";
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (chunk: string) => {
        stderr += chunk;
      });
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
      );
      expect(stdoutBytes).toBeGreaterThan(0);
      expect(stdoutBytes).toBeLessThan(150_000);
      expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event|\n\s+at /);
      // Progress lines only (they go to stderr in a pipe too).
      expect(stderr.split("\n").filter((line) => line !== "" && !line.startsWith("Running "))).toEqual([]);
      expect({ code, signal }).toEqual({ code: 1, signal: null });
    },
    TIMEOUT_MS,
  );
});
