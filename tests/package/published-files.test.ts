/**
 * What `npm publish` ships: the file list of `npm pack` after its prepack build (tests/helpers/built-package.ts,
 * a staging copy built once and shared with tests/install/packed-package.test.ts, so the working tree never
 * gets a dist/), checked against the manifest's exports, bin and peers.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtPackage } from "../helpers/built-package";

const root = join(__dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
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
  /^policy-packs\/secure-ai\/(PulumiPolicy\.yaml|package\.json|README\.md|index\.js)$/,
  /^policy-packs\/secure-ai\/dist\//,
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
];

let files: string[] = [];
/** The built staging copy the list was packed from. */
let stage = "";

beforeAll(async () => {
  // The list `npm pack` gave after its prepack build: what `npm publish` ships.
  const built = await builtPackage(20 * 60_000);
  files = built.files;
  stage = built.stage;
}, 20 * 60_000);

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
      expect(existsSync(join(stage, path)), `${target} exists after build`).toBe(true);
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

  it("ships the policy pack folder as the Pulumi CLI runs it: PulumiPolicy.yaml and a JavaScript main", () => {
    const packManifest = JSON.parse(
      readFileSync(join(stage, "policy-packs", "secure-ai", "package.json"), "utf8"),
    ) as { main: string; dependencies: Record<string, string> };
    expect(files).toContain("policy-packs/secure-ai/PulumiPolicy.yaml");
    expect(packManifest.main).toMatch(/\.js$/);
    expect(files).toContain(`policy-packs/secure-ai/${packManifest.main}`);
    // The entry loads the compiled pack inside the folder (self-contained, so it also publishes from there).
    expect(files).toContain("policy-packs/secure-ai/dist/policy-packs/secure-ai/index.js");
    expect(files.some((file) => file.startsWith("policy-packs/secure-ai/dist/components/controls/"))).toBe(
      true,
    );
    expect(
      files.filter((file) => file.startsWith("policy-packs/secure-ai/") && file.endsWith(".ts")),
    ).toEqual([]);
    expect(Object.keys(packManifest.dependencies).sort()).toEqual(["@pulumi/policy", "@pulumi/pulumi"]);
  });

  it("names its repository, homepage and issue tracker", () => {
    const repository = "https://github.com/secure-ai-platform/secure-ai-platform";
    expect(manifest.repository.url).toBe(`git+${repository}.git`);
    expect(manifest.homepage.startsWith(repository)).toBe(true);
    expect(manifest.bugs.url).toBe(`${repository}/issues`);
  });
});
