import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
  engines: { node: string };
};

/** Prefixes of everything a user of the package needs; nothing else may be published. */
const ALLOWED = [
  /^dist\/components\//,
  /^dist\/policy-packs\//,
  /^dist\/preflight\//,
  /^bin\//,
  /^policy-packs\/secure-ai\/(PulumiPolicy\.yaml|package\.json|README\.md)$/,
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
];

let files: string[] = [];

beforeAll(() => {
  // Build once so the list reflects what `npm publish` ships, then list it without running scripts again.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "pipe" });
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
  });
  files = (JSON.parse(output) as { files: { path: string }[] }[])[0].files.map((file) => file.path);
}, 240_000);

describe("the published package", () => {
  it("contains only what a user needs", () => {
    const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
    expect(unexpected).toEqual([]);
    expect(files.filter((file) => /(^|\/)tests?\//.test(file) || file.endsWith(".test.js"))).toEqual([]);
  });

  it("ships every file its exports map and bin point to", () => {
    const targets = Object.values(manifest.exports).flatMap((target) =>
      typeof target === "string" ? [target] : [target.types, target.default],
    );
    for (const target of [...targets, ...Object.values(manifest.bin)]) {
      const path = target.replace(/^\.\//, "");
      expect(files, `${target} is published`).toContain(path);
      expect(existsSync(join(root, path)), `${target} exists after build`).toBe(true);
    }
  });

  it("keeps cloud SDKs optional peers so one cloud's users install one SDK", () => {
    for (const sdk of ["@pulumi/aws", "@pulumi/gcp", "@pulumi/azure-native"]) {
      expect(manifest.dependencies[sdk]).toBeUndefined();
      expect(manifest.peerDependencies[sdk]).toBeDefined();
      expect(manifest.peerDependenciesMeta[sdk]?.optional).toBe(true);
      expect(manifest.devDependencies[sdk]).toBeDefined();
    }
    expect(manifest.peerDependencies["@pulumi/aws"]).toMatch(/^\^7\./);
    expect(manifest.peerDependencies["@pulumi/gcp"]).toMatch(/^\^9\./);
    expect(manifest.peerDependencies["@pulumi/azure-native"]).toMatch(/^\^3\./);
  });

  it("depends on the Pulumi SDKs with open caret ranges and supports Node 20", () => {
    expect(manifest.dependencies["@pulumi/pulumi"]).toMatch(/^\^3\./);
    expect(manifest.dependencies["@pulumi/policy"]).toMatch(/^\^1\.21/);
    expect(manifest.engines.node).toBe(">=20");
    expect(manifest.devDependencies.typescript).toMatch(/^\^5\./);
  });
});
