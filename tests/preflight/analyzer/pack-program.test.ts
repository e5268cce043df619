// Which code a pack runs from: its TypeScript source as the CLI runs it, or the package's fresh compiled copy.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AnalyzerClient } from "../../../preflight/analyzer/client";
import { launchPolicyPack } from "../../../preflight/analyzer/launch";
import { compiledPackDir, resolvePackProgram } from "../../../preflight/analyzer/pack-program";
import { packDir } from "./helpers";

const REPOSITORY_NODE_MODULES = path.resolve(__dirname, "../../../node_modules");
const created: string[] = [];

/** A package `<root>` with `packs/guard` (PulumiPolicy.yaml, package.json, index.ts) and optionally `dist/packs/guard/index.js`. */
function packageWithPack(options: { compiled?: string; sourceIndex?: string }): {
  root: string;
  pack: string;
} {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pack-program-"));
  created.push(root);
  fs.writeFileSync(
    path.join(root, "package.json"),
    JSON.stringify({ name: "some-package", version: "1.0.0" }),
  );
  const pack = path.join(root, "packs", "guard");
  fs.mkdirSync(pack, { recursive: true });
  fs.copyFileSync(
    path.join(packDir("fixture-js"), "PulumiPolicy.yaml"),
    path.join(pack, "PulumiPolicy.yaml"),
  );
  fs.copyFileSync(path.join(packDir("fixture-js"), "package.json"), path.join(pack, "package.json"));
  if (options.sourceIndex !== undefined) {
    fs.writeFileSync(path.join(pack, "index.ts"), options.sourceIndex);
  }
  if (options.compiled !== undefined) {
    fs.mkdirSync(path.join(root, "dist", "packs", "guard"), { recursive: true });
    fs.writeFileSync(path.join(root, "dist", "packs", "guard", "index.js"), options.compiled);
  }
  return { root, pack };
}

function setModified(file: string, secondsAgo: number): void {
  const time = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, time, time);
}

afterEach(() => {
  for (const dir of created.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("choosing the code a pack runs from", () => {
  it("runs the pack directory when the package has no compiled copy", () => {
    const { pack } = packageWithPack({ sourceIndex: "export {};\n" });
    expect(compiledPackDir(pack)).toBeUndefined();
    expect(resolvePackProgram(pack)).toEqual({ program: ".", compiled: false });
  });

  it("runs the compiled copy when it is newer than every TypeScript source of the package", () => {
    const { root, pack } = packageWithPack({
      sourceIndex: "export {};\n",
      compiled: "module.exports = {};\n",
    });
    setModified(path.join(pack, "index.ts"), 60);
    expect(compiledPackDir(pack)).toEqual({ root, dir: path.join(root, "dist", "packs", "guard") });
    expect(resolvePackProgram(pack)).toEqual({
      program: path.join(root, "dist", "packs", "guard"),
      compiled: true,
    });
  });

  it("runs the source when a TypeScript file anywhere in the package changed after the build", () => {
    const { root, pack } = packageWithPack({
      sourceIndex: "export {};\n",
      compiled: "module.exports = {};\n",
    });
    setModified(path.join(root, "dist", "packs", "guard", "index.js"), 60);
    fs.mkdirSync(path.join(root, "lib"));
    fs.writeFileSync(path.join(root, "lib", "helper.ts"), "export const edited = true;\n");
    expect(resolvePackProgram(pack)).toEqual({ program: ".", compiled: false });
  });

  it("runs the compiled copy of an installed package, which ships no TypeScript source", () => {
    const { root, pack } = packageWithPack({ compiled: "module.exports = {};\n" });
    expect(resolvePackProgram(pack).program).toBe(path.join(root, "dist", "packs", "guard"));
  });

  it("runs the source when asked to, even with a fresh compiled copy", () => {
    const { pack } = packageWithPack({ compiled: "module.exports = {};\n" });
    expect(resolvePackProgram(pack, false)).toEqual({ program: ".", compiled: false });
  });
});

describe("launching a pack from its compiled copy", { timeout: 180_000 }, () => {
  it("serves the compiled pack's policies, never loading the source", async () => {
    const compiledPack = fs.readFileSync(path.join(packDir("fixture-js"), "index.js"), "utf8");
    const { root, pack } = packageWithPack({
      sourceIndex: 'throw new Error("the TypeScript source was loaded");\n',
      compiled: compiledPack,
    });
    setModified(path.join(pack, "index.ts"), 60);
    fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(root, "node_modules"), "dir");
    const launched = await launchPolicyPack(pack);
    const client = new AnalyzerClient(launched.address);
    try {
      expect(launched.program).toEqual({
        program: path.join(root, "dist", "packs", "guard"),
        compiled: true,
      });
      const info = await client.getAnalyzerInfo();
      expect(info.name).toBe("fixture-js");
      expect(info.policies.map((policy) => policy.name)).toEqual([
        "name-require-sai-prefix",
        "probe-report-stack-context",
      ]);
    } finally {
      client.close();
      await launched.close();
    }
  });
});
