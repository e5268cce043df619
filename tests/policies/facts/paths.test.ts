/**
 * Every property path of every fact-table row exists in the SDK its users write (issue 16: a fact on a
 * property the SDK does not declare can never fire, like the EC2 instance's former
 * `networkInterfaces[].associatePublicIpAddress`). For the row's `type` and each `alsoTypes`, the installed
 * SDK's `<Class>Args` must have each fact's path and its `when` path (relative to the list element for list
 * paths); for each `previousTypes` token, the older major that the row names must have them, checked when
 * that major is installed under `SECURE_AI_SDK_OLD` (default `/tmp/sdk-old`, see
 * scripts/facts/since-versions.ts), and the installed SDK must not declare the token (it would belong in
 * `alsoTypes`). A path the `.d.ts` walker cannot follow (a map, a JSON string) fails here too: no row has one.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { AWS_FACTS } from "../../../policy-packs/secure-ai/policies/aws/facts";
import { AZURE_FACTS } from "../../../policy-packs/secure-ai/policies/azure/facts";
import { GCP_FACTS } from "../../../policy-packs/secure-ai/policies/gcp/facts";
import type { Fact, ResourceFacts } from "../../../policy-packs/secure-ai/policies/lib/facts";
import { SdkDeclarations } from "../../../scripts/facts/sdk-args";
import { CLOUD_PACKAGES, olderSdks } from "../../../scripts/facts/since-versions";

const ROOT = path.resolve(__dirname, "../../..");
const OLD_ROOT = process.env.SECURE_AI_SDK_OLD ?? "/tmp/sdk-old";
const SINCE = /^(@pulumi\/[a-z-]+) v(\d+)$/;

type Cloud = keyof typeof CLOUD_PACKAGES;

const INSTALLED: Record<Cloud, SdkDeclarations> = {
  aws: new SdkDeclarations(path.join(ROOT, "node_modules", CLOUD_PACKAGES.aws)),
  gcp: new SdkDeclarations(path.join(ROOT, "node_modules", CLOUD_PACKAGES.gcp)),
  azure: new SdkDeclarations(path.join(ROOT, "node_modules", CLOUD_PACKAGES.azure)),
};

const TABLES: readonly (readonly [Cloud, readonly ResourceFacts[]])[] = [
  ["aws", AWS_FACTS],
  ["gcp", GCP_FACTS],
  ["azure", AZURE_FACTS],
];

/** The property paths a fact reads: its own, and its condition's (under the same list element). */
export function pathsOf(fact: Fact): string[] {
  if (fact.when === undefined) {
    return [fact.path];
  }
  const element = fact.path.lastIndexOf("[].");
  return [fact.path, element < 0 ? fact.when.path : `${fact.path.slice(0, element + 3)}${fact.when.path}`];
}

/** Every distinct property path of a row. */
function rowPaths(row: ResourceFacts): string[] {
  return [...new Set(row.groups.flatMap((group) => group.facts.flatMap(pathsOf)))];
}

const CURRENT = TABLES.flatMap(([cloud, rows]) =>
  rows.flatMap((row) =>
    [row.type, ...(row.alsoTypes ?? [])].flatMap((type) =>
      rowPaths(row).map((propertyPath) => ({ cloud, type, propertyPath })),
    ),
  ),
);

const PREVIOUS = TABLES.flatMap(([cloud, rows]) =>
  rows.flatMap((row) =>
    Object.entries(row.previousTypes ?? {}).map(([type, sdk]) => ({ cloud, row, type, sdk })),
  ),
);

/** The installed older major named by `sdk` (`@pulumi/azure-native v2`), or undefined. */
function olderMajor(cloud: Cloud, sdk: string): SdkDeclarations | undefined {
  const major = Number(SINCE.exec(sdk)?.[2]);
  return olderSdks(OLD_ROOT, CLOUD_PACKAGES[cloud]).find((older) => older.packageInfo.major === major);
}

describe("fact property paths in the installed SDK", () => {
  it("reads every row", () => {
    expect(CURRENT.length).toBeGreaterThan(200);
  });

  it.each(CURRENT)("$type $propertyPath", ({ cloud, type, propertyPath }) => {
    expect(INSTALLED[cloud].presence(type, propertyPath)).toEqual({ kind: "present" });
  });

  it("tells a list element's missing member from a present one (the EC2 public-IP switches)", () => {
    const aws = INSTALLED.aws;
    expect(aws.presence("aws:ec2/instance:Instance", "networkInterfaces[].associatePublicIpAddress")).toEqual(
      { kind: "absent", missing: "networkInterfaces.associatePublicIpAddress" },
    );
    expect(aws.presence("aws:ec2/instance:Instance", "associatePublicIpAddress")).toEqual({
      kind: "present",
    });
    expect(
      aws.presence("aws:ec2/launchTemplate:LaunchTemplate", "networkInterfaces[].associatePublicIpAddress"),
    ).toEqual({ kind: "present" });
  });

  it("resolves a condition under the list element it applies to", () => {
    expect(
      pathsOf({ path: "a[].b.c", when: { path: "d", in: ["x"] }, expect: { kind: "set" }, why: "", doc: "" }),
    ).toEqual(["a[].b.c", "a[].d"]);
    expect(
      pathsOf({ path: "b.c", when: { path: "d", present: true }, expect: { kind: "set" }, why: "", doc: "" }),
    ).toEqual(["b.c", "d"]);
  });
});

describe("previous majors' tokens", () => {
  it("some row examines one", () => {
    expect(PREVIOUS.length).toBeGreaterThan(0);
  });

  it.each(PREVIOUS)(
    "$type ($sdk) names an older major and a token the installed SDK lacks",
    ({ cloud, type, sdk }) => {
      const match = SINCE.exec(sdk);
      expect(match, `"${sdk}" is not "@pulumi/<package> v<major>"`).not.toBeNull();
      expect(match?.[1]).toBe(CLOUD_PACKAGES[cloud]);
      expect(Number(match?.[2])).toBeLessThan(INSTALLED[cloud].packageInfo.major);
      expect(
        INSTALLED[cloud].argsOf(type),
        `${type} is declared by the installed SDK: alsoTypes`,
      ).toBeUndefined();
    },
  );

  for (const { cloud, row, type, sdk } of PREVIOUS) {
    const older = olderMajor(cloud, sdk);
    it.skipIf(older === undefined)(
      `${type}: ${sdk} has every path of ${row.type}${older === undefined ? ` (not installed under ${OLD_ROOT})` : ""}`,
      () => {
        const missing = rowPaths(row)
          .map((propertyPath) => ({ propertyPath, presence: older?.presence(type, propertyPath) }))
          .filter(({ presence }) => presence?.kind !== "present");
        expect(missing).toEqual([]);
      },
    );
  }
});
