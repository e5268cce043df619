/**
 * The `since` of the fact tables (issue 16: a finding asking for a property the user's SDK major lacks names
 * the version that adds it). Every `since` reads `@pulumi/<package> v<major>`, names its cloud's package and
 * a major no newer than the installed one, and the installed SDK's `<Class>Args` has the property. Which
 * facts carry one comes from the older majors' declarations (`scripts/facts/since-versions.ts --check`,
 * which needs them installed outside the repository); here the rule that turns declarations into `since`.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { AWS_FACTS } from "../../../policy-packs/secure-ai/policies/aws/facts";
import { AZURE_FACTS } from "../../../policy-packs/secure-ai/policies/azure/facts";
import { GCP_FACTS } from "../../../policy-packs/secure-ai/policies/gcp/facts";
import { SdkDeclarations, type Presence } from "../../../scripts/facts/sdk-args";
import { CLOUD_PACKAGES, sinceOf } from "../../../scripts/facts/since-versions";

const ROOT = path.resolve(__dirname, "../../..");
const FORMAT = /^(@pulumi\/[a-z-]+) v(\d+)$/;

const INSTALLED = {
  aws: new SdkDeclarations(path.join(ROOT, "node_modules", CLOUD_PACKAGES.aws)),
  gcp: new SdkDeclarations(path.join(ROOT, "node_modules", CLOUD_PACKAGES.gcp)),
  azure: new SdkDeclarations(path.join(ROOT, "node_modules", CLOUD_PACKAGES.azure)),
};

const SINCE_FACTS = (
  [
    ["aws", AWS_FACTS],
    ["gcp", GCP_FACTS],
    ["azure", AZURE_FACTS],
  ] as const
).flatMap(([cloud, rows]) =>
  rows.flatMap((row) =>
    row.groups.flatMap((group) =>
      group.facts.flatMap((fact) =>
        fact.since === undefined ? [] : [{ cloud, type: row.type, path: fact.path, since: fact.since }],
      ),
    ),
  ),
);

describe("fact since", () => {
  it("is set on some facts", () => {
    expect(SINCE_FACTS.length).toBeGreaterThan(0);
  });

  it.each(SINCE_FACTS)("$type $path: $since", ({ cloud, type, path: propertyPath, since }) => {
    const match = FORMAT.exec(since);
    expect(match, `"${since}" is not "@pulumi/<package> v<major>"`).not.toBeNull();
    const installed = INSTALLED[cloud];
    expect(match?.[1]).toBe(installed.packageInfo.name);
    expect(Number(match?.[2])).toBeLessThanOrEqual(installed.packageInfo.major);
    expect(installed.presence(type, propertyPath)).toEqual({ kind: "present" });
  });
});

describe("SdkDeclarations", () => {
  const aws = INSTALLED.aws;

  it("follows nested input types and list elements", () => {
    expect(aws.presence("aws:dynamodb/table:Table", "serverSideEncryption.kmsKeyArn")).toEqual({
      kind: "present",
    });
    expect(aws.presence("aws:ec2/instance:Instance", "ebsBlockDevices[].kmsKeyId")).toEqual({
      kind: "present",
    });
  });

  it("names the first missing segment and an unknown type", () => {
    expect(aws.presence("aws:dynamodb/table:Table", "serverSideEncryption.noSuchKey")).toEqual({
      kind: "absent",
      missing: "serverSideEncryption.noSuchKey",
    });
    expect(aws.presence("aws:rds/noSuchThing:NoSuchThing", "kmsKeyId")).toEqual({ kind: "no-type" });
  });
});

describe("sinceOf", () => {
  const sdk = (major: number, kind: Presence["kind"]) => ({
    packageInfo: { name: "@pulumi/aws", version: `${major}.1.0`, major },
    presence: (): Presence =>
      kind === "absent"
        ? { kind, missing: "p" }
        : kind === "unresolved"
          ? { kind, at: "p", typeText: "any" }
          : { kind },
  });

  it("is the lowest major of the unbroken run that ends at the newest", () => {
    expect(sinceOf([sdk(5, "absent"), sdk(7, "present"), sdk(6, "present")], "t", "p").since).toBe(
      "@pulumi/aws v6",
    );
    expect(sinceOf([sdk(7, "present"), sdk(6, "no-type")], "t", "p").since).toBe("@pulumi/aws v7");
    expect(sinceOf([sdk(7, "present"), sdk(6, "absent"), sdk(5, "present")], "t", "p").since).toBe(
      "@pulumi/aws v7",
    );
  });

  it("counts a property an older major declares under another of the row's tokens", () => {
    const renamed = (major: number, token: string) => ({
      packageInfo: { name: "@pulumi/azure-native", version: `${major}.0.0`, major },
      presence: (type: string): Presence => (type === token ? { kind: "present" } : { kind: "no-type" }),
    });
    const sdks = [renamed(3, "azure-native:cosmosdb:A"), renamed(2, "azure-native:documentdb:A")];
    expect(sinceOf(sdks, "azure-native:cosmosdb:A", "p").since).toBe("@pulumi/azure-native v3");
    expect(
      sinceOf(sdks, ["azure-native:cosmosdb:A", "azure-native:documentdb:A"], "p").since,
    ).toBeUndefined();
  });

  it("is undefined when every major checked has it, or nothing can be said", () => {
    expect(sinceOf([sdk(7, "present"), sdk(6, "present")], "t", "p").since).toBeUndefined();
    expect(sinceOf([sdk(7, "present"), sdk(6, "unresolved")], "t", "p").since).toBeUndefined();
    expect(sinceOf([sdk(7, "absent"), sdk(6, "present")], "t", "p").since).toBeUndefined();
  });
});
