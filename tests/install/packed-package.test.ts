/**
 * The package as a user of one cloud gets it: `npm pack` (whose prepack runs the build) in a staging copy of
 * the repository (tests/helpers/built-package.ts, shared with published-files.test.ts), then a scratch consumer project that installs only the tarball, @pulumi/pulumi and
 * @pulumi/aws, and runs a plain JavaScript program with SecureAiPlatform `cloud: "aws"` under Pulumi's mocks.
 * The GCP and Azure SDKs must be neither installed nor loaded. The same consumer then checks TypeScript
 * programs written with the tsconfig of Pulumi's `aws-typescript` template, on TypeScript 5 and (in a
 * nested project with its own compiler) TypeScript 6, and starts the installed policy pack the way the
 * Pulumi CLI does.
 *
 * Slow (a TypeScript build and an npm install). Skipped, saying so, only when npm cannot reach the registry
 * and its offline cache does not hold the packages.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlCatalog } from "../../components/controls";
import { launchPolicyPack } from "../../preflight/analyzer/launch";
import { builtPackage } from "../helpers/built-package";

const ROOT = path.resolve(__dirname, "../..");
const SETUP_TIMEOUT_MS = 20 * 60_000;
const STEP_TIMEOUT_MS = 15 * 60_000;
/** npm error codes that mean "no registry and no cache", the one reason to skip. */
const OFFLINE = /E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|NOTCACHED)|ETIMEDOUT|network/;

interface ConsumerReport {
  controls: string[];
  resourceTypes: string[];
  foreignSdkModules: string[];
  packageFile: string;
}

let workDir = "";
let consumerDir = "";
let skipReason: string | undefined;
let report: ConsumerReport | undefined;
let programError = "";

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: STEP_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: "false", NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

function installedVersion(name: string): string {
  return (
    JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-install-"));
  // Shared with tests/package/published-files.test.ts: one build and `npm pack` of these sources.
  const { tarball } = await builtPackage(SETUP_TIMEOUT_MS);
  consumerDir = path.join(workDir, "consumer");
  fs.mkdirSync(consumerDir);
  fs.writeFileSync(
    path.join(consumerDir, "package.json"),
    JSON.stringify({ name: "aws-only-consumer", version: "1.0.0", private: true }),
  );
  const install = run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      tarball,
      `@pulumi/pulumi@${installedVersion("@pulumi/pulumi")}`,
      `@pulumi/aws@${installedVersion("@pulumi/aws")}`,
      `typescript@${installedVersion("typescript")}`,
      // Pulumi's TypeScript templates and examples have it.
      `@types/node@${installedVersion("@types/node")}`,
    ],
    consumerDir,
  );
  if (install.code !== 0) {
    if (OFFLINE.test(install.stderr)) {
      skipReason = `npm registry unreachable and the offline cache lacks the packages: ${install.stderr.split("\n")[0]}`;
      return;
    }
    throw new Error(`npm install in the consumer failed:\n${install.stderr}`);
  }
  fs.copyFileSync(path.join(__dirname, "consumer-program.js"), path.join(consumerDir, "index.js"));
  prepareTypeScriptConsumers();
  const program = run(process.execPath, ["index.js"], consumerDir);
  programError = program.stderr;
  if (program.code === 0) {
    report = JSON.parse(program.stdout.trim().split("\n").pop() ?? "") as ConsumerReport;
  }
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (workDir !== "") fs.rmSync(workDir, { recursive: true, force: true });
});

describe("the packed package in an AWS-only consumer", () => {
  it("installs without the GCP or Azure SDK", (context) => {
    if (skipReason !== undefined) context.skip(skipReason);
    const pulumiPackages = fs.readdirSync(path.join(consumerDir, "node_modules", "@pulumi")).sort();
    expect(pulumiPackages).toContain("aws");
    expect(pulumiPackages).not.toContain("gcp");
    expect(pulumiPackages).not.toContain("azure-native");
  });

  it("runs a program with SecureAiPlatform on AWS under mocks, from the installed tarball", (context) => {
    if (skipReason !== undefined) context.skip(skipReason);
    expect(report, programError).toBeDefined();
    expect(report!.packageFile).toBe(
      path.join(
        fs.realpathSync(consumerDir),
        "node_modules",
        "secure-ai-platform",
        "dist",
        "components",
        "index.js",
      ),
    );
    expect(report!.controls).toEqual(controlCatalog.map((control) => control.id));
    expect(report!.resourceTypes).toContain("aws:kms/key:Key");
    expect(report!.resourceTypes).toContain("aws:s3/bucket:Bucket");
    expect(report!.resourceTypes.filter((type) => !type.startsWith("aws:"))).toEqual([
      "secure-ai-platform:index:SecureAiPlatform",
    ]);
  });

  it("loads no module of the GCP or Azure SDK", (context) => {
    if (skipReason !== undefined) context.skip(skipReason);
    expect(report, programError).toBeDefined();
    expect(report!.foreignSdkModules).toEqual([]);
  });
});

/** The tsconfig of Pulumi's `aws-typescript` template (pulumi/templates). */
const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
};

/** The template's program, with a type from this package so that its declarations are checked too. */
const TEMPLATE_PROGRAM = [
  'import * as aws from "@pulumi/aws";',
  'import type { SecureAiPlatformArgs } from "secure-ai-platform";',
  'const cloud: SecureAiPlatformArgs["cloud"] = "aws";',
  'const bucket = new aws.s3.Bucket("my-bucket", { tags: { cloud } });',
  "export const bucketName = bucket.id;",
].join("\n");

/** TypeScript 6 for the nested project, when the registry (or npm's cache) has it. */
const TYPESCRIPT_6 = "6.0.3";
let typescript6Skip: string | undefined;

function writeProgram(dir: string, name: string, program: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
  );
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG, null, 4));
  fs.writeFileSync(path.join(dir, "index.ts"), `${program}\n`);
}

/**
 * ts5/ uses the consumer's TypeScript 5; esm/ is an ES module with the tsconfig of Pulumi's aws-ts-s3-folder
 * example; ts6/ installs TypeScript 6 in its own node_modules.
 */
function prepareTypeScriptConsumers(): void {
  writeProgram(path.join(consumerDir, "ts5"), "ts5-consumer", TEMPLATE_PROGRAM);
  const esm = path.join(consumerDir, "esm");
  writeProgram(esm, "esm-consumer", TEMPLATE_PROGRAM);
  fs.writeFileSync(path.join(esm, "package.json"), JSON.stringify({ name: "esm-consumer", type: "module" }));
  fs.writeFileSync(
    path.join(esm, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        outDir: "bin",
        sourceMap: true,
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "node",
        types: ["node"],
        strict: true,
        skipLibCheck: true,
      },
      files: ["index.ts"],
    }),
  );
  const ts6 = path.join(consumerDir, "ts6");
  writeProgram(ts6, "ts6-consumer", TEMPLATE_PROGRAM);
  fs.writeFileSync(path.join(ts6, "package.json"), JSON.stringify({ name: "ts6-consumer", private: true }));
  writeProgram(
    path.join(ts6, "with-type-error"),
    "ts6-type-error",
    `${TEMPLATE_PROGRAM}\nexport const retentionDays: number = "thirty";`,
  );
  const install = run(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", `typescript@${TYPESCRIPT_6}`],
    ts6,
  );
  if (install.code !== 0) {
    if (OFFLINE.test(install.stderr)) {
      typescript6Skip = `typescript@${TYPESCRIPT_6} is not reachable: ${install.stderr.split("\n")[0]}`;
      return;
    }
    throw new Error(`npm install typescript@${TYPESCRIPT_6} failed:\n${install.stderr}`);
  }
}

/** `secure-ai check` of the installed package, on one program. */
function check(programDir: string): { code: number | null; stdout: string; stderr: string } {
  const bin = path.join(consumerDir, "node_modules", "secure-ai-platform", "bin", "secure-ai.js");
  return run(
    process.execPath,
    [bin, "check", "--program", programDir, "--mode", "preview", "--format", "json"],
    consumerDir,
  );
}

describe("TypeScript consumers with the tsconfig of Pulumi's aws-typescript template", () => {
  it("checks the program on TypeScript 5 (type-checked, run, reported)", (context) => {
    if (skipReason !== undefined) context.skip(skipReason);
    const result = check(path.join(consumerDir, "ts5"));
    expect(result.stderr).not.toContain("error TS");
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { stacks: { resources: { type: string }[] }[] };
    expect(report.stacks[0]!.resources.map((resource) => resource.type)).toContain("aws:s3/bucket:Bucket");
  });

  it("checks an ES-module program (package.json type module), which used to exit 2 with ERR_REQUIRE_ESM", (context) => {
    if (skipReason !== undefined) context.skip(skipReason);
    const result = check(path.join(consumerDir, "esm"));
    expect(result.stderr).not.toContain("ERR_REQUIRE_ESM");
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { stacks: { resources: { type: string }[] }[] };
    expect(report.stacks[0]!.resources.map((resource) => resource.type)).toContain("aws:s3/bucket:Bucket");
  });

  it("checks the program on TypeScript 6, without TS5107 for moduleResolution node", (context) => {
    if (skipReason !== undefined) context.skip(skipReason);
    if (typescript6Skip !== undefined) context.skip(typescript6Skip);
    const version = JSON.parse(
      fs.readFileSync(path.join(consumerDir, "ts6", "node_modules", "typescript", "package.json"), "utf8"),
    ) as { version: string };
    expect(version.version).toBe(TYPESCRIPT_6);
    const result = check(path.join(consumerDir, "ts6"));
    expect(result.stderr).not.toContain("TS5107");
    expect(result.stderr).not.toContain("error TS");
    expect(result.code, result.stderr).toBe(1);
  });

  it("reports a type error on TypeScript 6 as pulumi preview would: exit 2, one line", (context) => {
    if (skipReason !== undefined) context.skip(skipReason);
    if (typescript6Skip !== undefined) context.skip(typescript6Skip);
    const result = check(path.join(consumerDir, "ts6", "with-type-error"));
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      "index.ts:6:14 - error TS2322: Type 'string' is not assignable to type 'number'.",
    );
    expect(result.stdout).toBe("");
  });
});

describe("the policy pack folder of the installed package", () => {
  it("holds PulumiPolicy.yaml and a main that exists, and starts as the Pulumi CLI starts it", async (context) => {
    if (skipReason !== undefined) context.skip(skipReason);
    const packDir = path.join(consumerDir, "node_modules", "secure-ai-platform", "policy-packs", "secure-ai");
    expect(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
    const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as {
      main: string;
    };
    expect(fs.existsSync(path.join(packDir, manifest.main))).toBe(true);
    expect(fs.existsSync(path.join(packDir, "index.ts"))).toBe(false);
    // run-policy-pack resolved from the pack folder, program "." (the folder's package.json main), cwd there:
    // what `pulumi preview --policy-pack <dir>` runs. Its dependencies resolve from the consumer's node_modules.
    const pack = await launchPolicyPack(packDir, { preferCompiled: false });
    try {
      expect(pack.program).toEqual({ program: ".", compiled: false });
      expect(pack.address).toMatch(/^127\.0\.0\.1:\d+$/);
    } finally {
      await pack.close();
    }
  }, 120_000);
});
