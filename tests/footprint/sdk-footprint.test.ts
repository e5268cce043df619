/**
 * Which provider SDKs each cloud loads: SecureAiPlatform and SecureAiGuardrails load their cloud's backend with
 * Node's `require`, so that one cloud's users never load another cloud's SDK (nor azure-native's root index,
 * which loads every Azure service); the policy pack loads none at all. Each build runs in a process of its own
 * (fresh-process.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { builds } from "./builds";
import { modulesLoadedBy } from "./fresh-process";

const loaded = new Map<string, string[]>();

/** The provider SDK packages among loaded files, sorted. */
function sdksIn(files: readonly string[]): string[] {
  const sdks = new Set<string>();
  for (const file of files) {
    const match = /[\\/]node_modules[\\/]@pulumi[\\/](aws|gcp|azure-native)[\\/]/.exec(file);
    if (match?.[1]) sdks.add(match[1]);
  }
  return [...sdks].sort();
}

const filesOf = (build: string): string[] => {
  const files = loaded.get(build);
  if (files === undefined) throw new Error(`build ${build} did not run`);
  return files;
};

beforeAll(async () => {
  const names = Object.keys(builds);
  const results = await Promise.all(names.map((name) => modulesLoadedBy(name)));
  names.forEach((name, index) => loaded.set(name, results[index]!));
}, 300_000);

describe("provider SDKs loaded", () => {
  it.each([
    ["aws-platform", ["aws"]],
    ["gcp-platform", ["gcp"]],
    ["azure-platform", ["azure-native"]],
    ["aws-guardrails", ["aws"]],
    ["gcp-guardrails", ["gcp"]],
    ["azure-guardrails", ["azure-native"]],
    ["policy-pack", []],
  ])("%s loads %j", (build, sdks) => {
    expect(sdksIn(filesOf(build))).toEqual(sdks);
  });

  it("an Azure platform loads the azure-native submodules it uses, never the root index", () => {
    const files = filesOf("azure-platform");
    expect(files.some((file) => /node_modules\/@pulumi\/azure-native\/keyvault\//.test(file))).toBe(true);
    expect(files.filter((file) => /node_modules\/@pulumi\/azure-native\/index\.js$/.test(file))).toEqual([]);
  });

  it("sees every module of the build: the AWS platform's backend and SDK entry", () => {
    const files = filesOf("aws-platform");
    expect(files.some((file) => file.endsWith(`components${"/"}aws${"/"}index.ts`))).toBe(true);
    expect(files.some((file) => file.includes("node_modules/@pulumi/aws/"))).toBe(true);
  });
});
