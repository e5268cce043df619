/**
 * The package as a user of one cloud gets it: `npm pack` (whose prepack runs the build) in a staging copy of
 * the repository, then a scratch consumer project that installs only the tarball, @pulumi/pulumi and
 * @pulumi/aws, and runs a plain JavaScript program with SecureAiPlatform `cloud: "aws"` under Pulumi's mocks.
 * The GCP and Azure SDKs must be neither installed nor loaded.
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

const ROOT = path.resolve(__dirname, "../..");
const SETUP_TIMEOUT_MS = 20 * 60_000;
const STEP_TIMEOUT_MS = 15 * 60_000;
/** What the build and the package need: the manifest, the build configs, the sources `files` ships. */
const STAGED_ENTRIES = [
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "README.md",
  "LICENSE",
  "bin",
  "components",
  "policy-packs",
  "preflight",
];
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

/** Packs a staging copy, so that the build's dist/ never lands in the shared working tree. */
function packTarball(): string {
  const stage = path.join(workDir, "stage");
  fs.mkdirSync(stage);
  for (const entry of STAGED_ENTRIES) {
    fs.cpSync(path.join(ROOT, entry), path.join(stage, entry), {
      recursive: true,
      filter: (source) => !source.split(path.sep).includes("node_modules"),
    });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(stage, "node_modules"), "dir");
  const packed = run("npm", ["pack", "--pack-destination", workDir, "--json"], stage);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as {
    filename: string;
  }[];
  return path.join(workDir, filename);
}

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-install-"));
  const tarball = packTarball();
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
