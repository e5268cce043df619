/**
 * A program that has no `typescript` of its own is compiled as `pulumi preview` compiles it: with the
 * TypeScript 3.8.3 and ts-node 7.0.1 vendored in the program's `@pulumi/pulumi`
 * (node_modules/@pulumi/pulumi/tsutils.js `typeScriptRequireStrings()`, used by cmd/run/run.js), for the
 * run and for the type check; an ES-module program gets no ESM hooks from them (run.js needs TypeScript
 * above 4.7.0), and a program whose SDK has no TypeScript at all is a one-line usage error.
 *
 * The fixture's node_modules holds a copy of `@pulumi/pulumi`, not a symlink: Node resolves `typescript`
 * from a symlinked package's real path, which here would be the repository's node_modules (TypeScript 5).
 * The SDK's dependencies are symlinks to the repository's, without `typescript` and `ts-node`. The valid
 * program goes through the bin shim and the real pack; the failing ones through `runCli` in this process
 * with the real engine and no pack (their runs fail before any policy would see a resource).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../preflight/cli/main";
import { type CheckStages, defaultStages } from "../../../preflight/cli/stages";
import { Capture } from "./cli-helpers";

const ROOT = path.resolve(__dirname, "../../..");
const BIN = path.join(ROOT, "bin", "secure-ai.js");
const TIMEOUT_MS = 240_000;

/** A custom resource without a provider SDK (whose own `@pulumi/pulumi` would be the repository's). */
const KEY_PROGRAM = [
  'import * as pulumi from "@pulumi/pulumi";',
  'import "./probe";',
  "",
  "class Key extends pulumi.CustomResource {",
  "  constructor(name: string, args: Record<string, unknown>) {",
  '    super("aws:kms/key:Key", name, args);',
  "  }",
  "}",
  "",
  'const key = new Key("vendored-key", { enableKeyRotation: false, deletionWindowInDays: 30 });',
  "export const keyId: pulumi.Output<string> = key.id;",
].join("\n");

/** Tells which compiler files the run loaded (JavaScript, so that the type check does not see it). */
const PROBE = [
  "const loaded = Object.keys(require.cache).filter((file) => /[\\\\/]vendor[\\\\/]/.test(file));",
  'console.error("vendored: " + loaded.map((file) => require("path").basename(require("path").dirname(file))).sort().join(" "));',
].join("\n");

let root: string;
let sdkVersion: string;

/** A node_modules with a copy of the repository's `@pulumi/pulumi` (optionally without `vendor/`). */
function nodeModules(dir: string, withVendor: boolean): void {
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
  const sdk = path.join(ROOT, "node_modules", "@pulumi", "pulumi");
  fs.cpSync(sdk, path.join(modules, "@pulumi", "pulumi"), {
    recursive: true,
    filter: (source) => withVendor || source !== path.join(sdk, "vendor"),
  });
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (!entry.startsWith(".") && !["@pulumi", "typescript", "ts-node"].includes(entry)) {
      fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry), "dir");
    }
  }
}

/** A program directory under `base` (which holds the node_modules) with these files. */
function program(base: string, name: string, files: Record<string, string>): string {
  const dir = path.join(root, base, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  for (const [file, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function check(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["SECURE_AI_SKIP_TYPECHECK"];
  delete env["PULUMI_NODEJS_TRANSPILE_ONLY"];
  const result = spawnSync(process.execPath, [BIN, "check", "--mode", "preview", ...args], {
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The real engine, and no policy pack: analysis waits for the run, which these programs fail. */
const ENGINE_ONLY: CheckStages = {
  ...defaultStages,
  async analyzeStack(args) {
    await args.resources;
    return { packs: [], findings: [], remediatedInputs: {}, examinations: [] };
  },
};

/** `secure-ai check` in this process, with {@link ENGINE_ONLY}. */
async function checkInProcess(args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(["check", "--mode", "preview", "--quiet", ...args], {
    stdout,
    stderr,
    env: { NO_COLOR: "1" },
    cwd: root,
    packageRoot: ROOT,
    stages: ENGINE_ONLY,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The CLI's own failure lines (`secure-ai check: …`). */
function failureLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.startsWith("secure-ai check:"));
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-vendored-ts-"));
  nodeModules(path.join(root, "vendored"), true);
  nodeModules(path.join(root, "bare"), false);
  const manifest = path.join(root, "vendored", "node_modules", "@pulumi", "pulumi", "package.json");
  sdkVersion = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("secure-ai check on a program without its own TypeScript", () => {
  it("finds no typescript or ts-node from the fixture's @pulumi/pulumi (so the vendored ones are the fallback)", () => {
    const fromSdk = createRequire(
      path.join(root, "vendored", "node_modules", "@pulumi", "pulumi", "tsutils.js"),
    );
    expect(() => fromSdk.resolve("typescript")).toThrow(/Cannot find module/);
    expect(() => fromSdk.resolve("ts-node")).toThrow(/Cannot find module/);
  });

  it(
    "runs a valid program with the vendored TypeScript 3.8.3 and ts-node 7.0.1 and checks its resources",
    () => {
      const dir = program("vendored", "valid", { "index.ts": KEY_PROGRAM, "probe.js": PROBE });
      const result = check(["--program", dir, "--format", "json", "--verbose"]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(
        "Compiling the program's TypeScript with typescript 3.8.3 and ts-node 7.0.1 vendored in " +
          `@pulumi/pulumi ${sdkVersion}, as pulumi preview would.\n`,
      );
      expect(result.stderr).toContain("vendored: ts-node@7.0.1 typescript@3.8.3\n");
      const report = JSON.parse(result.stdout) as {
        stacks: {
          resources: { type: string; inputs: Record<string, unknown> }[];
          findings: { policy: string }[];
        }[];
      };
      const key = report.stacks[0]!.resources.find((resource) => resource.type === "aws:kms/key:Key");
      expect(key?.inputs).toMatchObject({ enableKeyRotation: false });
      expect(report.stacks[0]!.findings.map((finding) => finding.policy)).toContain(
        "aws-kms-key-require-rotation",
      );
    },
    TIMEOUT_MS,
  );

  it(
    "reports a type error as TypeScript 3.8.3 words it, one line, exit 2",
    async () => {
      const dir = program("vendored", "type-error", {
        "index.ts": `${KEY_PROGRAM.replace('import "./probe";', "")}\nconst port: number = "443";\nexport const exposed = port;\n`,
      });
      const result = await checkInProcess(["--program", dir]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe("");
      expect(failureLines(result.stderr)).toEqual([
        "secure-ai check: The Pulumi program has 1 type error (found with typescript 3.8.3 and ts-node 7.0.1 " +
          `vendored in @pulumi/pulumi ${sdkVersion}; pulumi preview would stop on them too):`,
      ]);
      // TypeScript 5 says "Type 'string' is not assignable"; 3.8 names the literal.
      const errors = result.stderr.split("\n").filter((line) => line.startsWith("  index.ts:"));
      expect(errors).toEqual([
        `  index.ts:12:7 - error TS2322: Type '"443"' is not assignable to type 'number'.`,
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    "runs an ES-module TypeScript program through CommonJS hooks as cmd/run does, so Node refuses the .ts",
    async () => {
      const dir = program("vendored", "es-module", {
        "index.ts": KEY_PROGRAM.replace('import "./probe";', ""),
        "package.json": JSON.stringify({ type: "module" }),
      });
      const result = await checkInProcess(["--program", dir, "--skip-typecheck"]);
      expect(result.code, result.stderr).toBe(2);
      expect(failureLines(result.stderr)).toEqual([
        `secure-ai check: The Pulumi program failed to run for stack "default": TypeError: Unknown file extension ".ts" for ${path.join(dir, "index.ts")}`,
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    "exits 2 with one line when neither the program nor its @pulumi/pulumi has any TypeScript",
    async () => {
      const dir = program("bare", "no-typescript", { "index.ts": KEY_PROGRAM, "probe.js": PROBE });
      const sdk = path.join(root, "bare", "node_modules", "@pulumi", "pulumi");
      const expected =
        `secure-ai check: No typescript and no ts-node for ${dir}: pulumi preview compiles a program with ` +
        `those its @pulumi/pulumi (${sdk}) resolves, else with the copies in that package's vendor folder, ` +
        "and there are none. Install them (npm install --save-dev typescript ts-node), or reinstall @pulumi/pulumi.";
      for (const args of [[], ["--skip-typecheck"]]) {
        const result = await checkInProcess(["--program", dir, ...args]);
        expect(result.code, result.stderr).toBe(2);
        expect(result.stdout).toBe("");
        expect(failureLines(result.stderr)).toEqual([expected]);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    },
    TIMEOUT_MS,
  );
});
