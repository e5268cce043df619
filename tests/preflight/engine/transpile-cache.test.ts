/**
 * The transpile cache of the engine's child: a second run of the same program reads the transpiled
 * JavaScript from the cache, and errors thrown from cached files still point at the TypeScript lines.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { PreflightProgramError } from "../../../preflight/engine/errors";
import { runStack } from "../../../preflight/engine/index";
import { REPOSITORY_NODE_MODULES, temporaryProject } from "./helpers";

const CACHE_ROOT = path.join(os.tmpdir(), "secure-ai-preflight-transpiled");

/** Cache files whose JavaScript contains `marker`. */
function cachedWith(marker: string): string[] {
  if (!fs.existsSync(CACHE_ROOT)) {
    return [];
  }
  return fs
    .readdirSync(CACHE_ROOT)
    .flatMap((salt) =>
      fs.readdirSync(path.join(CACHE_ROOT, salt)).map((file) => path.join(CACHE_ROOT, salt, file)),
    )
    .filter((file) => fs.readFileSync(file, "utf8").includes(marker));
}

async function programError(dir: string): Promise<PreflightProgramError> {
  try {
    await runStack({ programDir: dir, onProgramOutput: () => undefined });
  } catch (error) {
    return error as PreflightProgramError;
  }
  throw new Error("expected the program to fail");
}

describe("transpile cache", () => {
  it("stores the program's transpiled output and keeps source-mapped stacks when reading it back", async () => {
    const marker = `cache-marker-${process.pid}-${Date.now()}`;
    const dir = temporaryProject({
      "Pulumi.yaml":
        "name: cached\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n",
      "index.ts": [
        "interface Erased {",
        "  a: string;",
        "  b: number;",
        "}",
        "type AlsoErased = Erased | undefined;",
        "const unused: AlsoErased = undefined;",
        `throw new Error("${marker}" + String(unused));`,
        "",
      ].join("\n"),
    });
    fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"));
    const first = await programError(dir);
    expect(first.programStack).toContain(`${dir}/index.ts:7:7`);
    expect(cachedWith(marker)).toHaveLength(1);
    const second = await programError(dir);
    expect(second.programMessage).toBe(first.programMessage);
    expect(second.programStack).toContain(`${dir}/index.ts:7:7`);
    expect(cachedWith(marker)).toHaveLength(1);
    // An edit misses the cache: a second entry for the new text.
    fs.appendFileSync(path.join(dir, "index.ts"), "// edited\n");
    await programError(dir);
    expect(cachedWith(marker)).toHaveLength(2);
  }, 120_000);
});
