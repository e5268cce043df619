/**
 * `@pulumi/awsguard`, the peer pack on npm, made runnable for the policy-evaluation benchmark without adding
 * it to this package: installed on demand into a cache folder outside the repository
 * (`$TMPDIR/secure-ai-bench-peers`, kept between runs), and wrapped in a one-file pack that enables every
 * awsguard policy as advisory. It depends on `@pulumi/aws` 4 and `aws-sdk` 2, so it gets its own
 * `node_modules` there.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BenchmarkContext } from "./benchmark";

/** The awsguard version measured. */
export const AWSGUARD_VERSION = "0.3.1";

/** The cache folder holding awsguard's install. */
export const PEERS_DIR = path.join(os.tmpdir(), "secure-ai-bench-peers");

/** The exact install command, for the record. */
export const AWSGUARD_INSTALL = `npm install --prefix $TMPDIR/secure-ai-bench-peers @pulumi/awsguard@${AWSGUARD_VERSION} --no-audit --no-fund`;

/**
 * Returns the awsguard pack directory, installing awsguard first when the cache lacks it; or the reason it
 * cannot be loaded.
 *
 * @param context - the harness context (progress messages).
 */
export function awsguardPack(context: BenchmarkContext): { dir: string } | { reason: string } {
  const installed = path.join(PEERS_DIR, "node_modules", "@pulumi", "awsguard", "package.json");
  if (!fs.existsSync(installed)) {
    context.log(`installing @pulumi/awsguard@${AWSGUARD_VERSION} into ${PEERS_DIR}…`);
    fs.mkdirSync(PEERS_DIR, { recursive: true });
    const npm = spawnSync(
      "npm",
      ["install", "--prefix", PEERS_DIR, `@pulumi/awsguard@${AWSGUARD_VERSION}`, "--no-audit", "--no-fund"],
      { encoding: "utf8", timeout: 600_000 },
    );
    if (npm.status !== 0 || !fs.existsSync(installed)) {
      return { reason: `npm install failed (exit ${npm.status}): ${(npm.stderr ?? "").slice(-500)}` };
    }
  }
  const dir = path.join(PEERS_DIR, "awsguard-pack");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "PulumiPolicy.yaml"),
    "runtime: nodejs\ndescription: awsguard, every policy advisory\n",
  );
  fs.writeFileSync(
    path.join(dir, "package.json"),
    `${JSON.stringify({ name: "bench-awsguard", version: "1.0.0", private: true, main: "index.js" }, null, 2)}\n`,
  );
  fs.writeFileSync(
    path.join(dir, "index.js"),
    '"use strict";\nconst { AwsGuard } = require("@pulumi/awsguard");\nnew AwsGuard({ all: "advisory" });\n',
  );
  const link = path.join(dir, "node_modules");
  if (!fs.existsSync(link)) {
    fs.symlinkSync(path.join(PEERS_DIR, "node_modules"), link, "dir");
  }
  return { dir };
}
