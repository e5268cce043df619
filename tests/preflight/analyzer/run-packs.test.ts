// End to end: two packs (TypeScript and JavaScript) over recorded resources, with and without a config file.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PolicyConfigError } from "../../../preflight/analyzer/policy-config";
import { PolicyPackStartError, type PolicyPackProcess } from "../../../preflight/analyzer/launch";
import { analyzeStack, type AnalyzeStackArgs } from "../../../preflight/analyzer/run-packs";
import { type Finding } from "../../../preflight/model";
import { isAlive, packDir, recordedResource, tempFile } from "./helpers";

const publicBucket = recordedResource("aws:s3/bucket:Bucket", "logs", {
  acl: "public-read",
  tags: { env: "dev" },
});
const database = recordedResource("test:index:Database", "sai-db", { password: { $secret: "hunter2" } });
const keyWithoutRotation = recordedResource("aws:kms/key:Key", "sai-key", { enableKeyRotation: false });

function args(overrides: Partial<AnalyzeStackArgs>): AnalyzeStackArgs {
  return {
    packs: [{ dir: packDir("fixture-policies") }, { dir: packDir("fixture-js") }],
    resources: [],
    stack: "dev",
    project: "fixture-project",
    dryRun: true,
    ...overrides,
  };
}

function summary(finding: Finding): string {
  return [
    finding.policyPack,
    finding.policy,
    finding.enforcementLevel,
    finding.severity,
    finding.urn ?? "-",
  ].join(" ");
}

describe("analyzeStack", { timeout: 180_000 }, () => {
  it("runs every pack over every resource and the stack, in a deterministic order", async () => {
    const launched: PolicyPackProcess[] = [];
    const answered: { pack: PolicyPackProcess; running: boolean }[] = [];
    const result = await analyzeStack(
      args({
        resources: [publicBucket, database],
        onLaunched: (pack) => launched.push(pack),
        onAnswered: (pack) => answered.push({ pack, running: !pack.exited() }),
      }),
    );
    // After the last answer and before the stop, once per pack, in pack order.
    expect(answered.map((item) => path.basename(item.pack.dir))).toEqual(["fixture-policies", "fixture-js"]);
    expect(new Set(answered.map((item) => item.pack))).toEqual(new Set(launched));
    expect(answered.every((item) => item.running)).toBe(true);
    expect(launched.every((pack) => pack.exited())).toBe(true);

    expect(result.packs.map((pack) => [pack.name, pack.version, pack.policies.length])).toEqual([
      ["fixture-policies", "1.2.3", 5],
      ["fixture-js", "0.4.0", 2],
    ]);
    expect(result.findings.map(summary)).toEqual([
      `fixture-policies bucket-remediate-managed-by-tag remediate unspecified ${publicBucket.urn}`,
      `fixture-policies bucket-disallow-public-acl mandatory high ${publicBucket.urn}`,
      `fixture-js name-require-sai-prefix advisory low ${publicBucket.urn}`,
      `fixture-policies database-password-min-length advisory low ${database.urn}`,
      "fixture-policies stack-require-kms-key advisory critical -",
    ]);
    const violation = result.findings[1]!;
    expect(violation).toEqual({
      policyPack: "fixture-policies",
      policy: "bucket-disallow-public-acl",
      controls: ["SAI-NET-02", "SAI-ENC-01"],
      severity: "high",
      enforcementLevel: "mandatory",
      urn: publicBucket.urn,
      message: "Buckets are not public.\nacl is 'public-read'",
      passes: ["preview"],
    });
    // What each resource policy examined, read from the packs' answers. These fixture policies never say
    // "not applicable", so by the protocol they ran on every resource: the database too.
    const examined = (urn: string) =>
      result.examinations
        .filter((entry) => entry.urn === urn)
        .map((entry) => `${entry.policyPack} ${entry.policy} ${entry.outcome} ${entry.pass}`);
    expect(examined(publicBucket.urn)).toContain(
      "fixture-policies bucket-disallow-public-acl examined preview",
    );
    expect(examined(database.urn)).toContain("fixture-policies bucket-disallow-public-acl examined preview");
    expect(examined(database.urn)).toContain(
      "fixture-policies database-password-min-length examined preview",
    );
    expect(result.findings[0]!.controls).toEqual(["SAI-GOV-01"]);
    expect(result.findings[4]!.controls).toEqual(["SAI-ENC-01"]);
    expect(result.findings[3]!.message).toContain("password (string 'hunter2') has 7 characters, minimum 12");
    expect(result.remediatedInputs).toEqual({
      [publicBucket.urn]: { acl: "public-read", tags: { env: "dev", managedBy: "secure-ai" } },
    });
    expect(launched).toHaveLength(2);
    expect(launched.map((pack) => isAlive(pack.pid))).toEqual([false, false]);
  });

  it("applies a config file: 'all', mandatory to advisory, disabled, and policy properties", async () => {
    const config = tempFile(
      "policy-config.json",
      JSON.stringify({
        all: "mandatory",
        "bucket-disallow-public-acl": "advisory",
        "key-require-rotation": { enforcementLevel: "disabled" },
        "database-password-min-length": { minLength: 4 },
      }),
    );
    const result = await analyzeStack(
      args({
        packs: [{ dir: packDir("fixture-policies"), config }, { dir: packDir("fixture-js") }],
        resources: [publicBucket, keyWithoutRotation, database],
      }),
    );
    expect(result.packs[0]!.policies.map((policy) => [policy.name, policy.enforcementLevel])).toEqual([
      ["bucket-disallow-public-acl", "advisory"],
      ["key-require-rotation", "disabled"],
      ["database-password-min-length", "mandatory"],
      ["bucket-remediate-managed-by-tag", "mandatory"],
      ["stack-require-kms-key", "mandatory"],
    ]);
    // No remediation (its level is now mandatory), no key finding (disabled), no password finding (minimum 4).
    expect(result.findings.map(summary)).toEqual([
      `fixture-policies bucket-disallow-public-acl advisory high ${publicBucket.urn}`,
      `fixture-js name-require-sai-prefix advisory low ${publicBucket.urn}`,
    ]);
    expect(result.remediatedInputs).toEqual({});
  });

  it("passes the stack context, stack config, tags, provider and options through to the packs", async () => {
    const provider = recordedResource("pulumi:providers:aws", "sai-eu", { region: "eu-west-1" });
    const probe = recordedResource(
      "test:index:ContextProbe",
      "sai-probe",
      {},
      {
        parent: provider.urn,
        provider: `${provider.urn}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`,
        options: {
          protect: false,
          retainOnDelete: false,
          ignoreChanges: [],
          aliases: [],
          additionalSecretOutputs: [],
          customTimeouts: { create: "10m" },
        },
      },
    );
    const result = await analyzeStack(
      args({
        packs: [{ dir: packDir("fixture-js") }],
        resources: [provider, probe],
        organization: "acme",
        stackConfig: { "fixture:region": "eu-central-1" },
        stackTags: { team: "platform" },
      }),
    );
    const reported = result.findings.filter((finding) => finding.policy === "probe-report-stack-context");
    expect(reported).toHaveLength(1);
    const context = JSON.parse(reported[0]!.message.split("\n")[1]!) as unknown;
    expect(context).toEqual({
      project: "fixture-project",
      stack: "dev",
      organization: "acme",
      dryRun: true,
      region: "eu-central-1",
      stackTags: { team: "platform" },
      provider: { name: "sai-eu", region: "eu-west-1" },
      parent: provider.urn,
      customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 0 },
    });
  });

  it("rejects a malformed config file before starting any pack", async () => {
    const launched: PolicyPackProcess[] = [];
    const config = tempFile("broken.json", '{ "all": "mandatory", }');
    await expect(
      analyzeStack(
        args({ packs: [{ dir: packDir("fixture-js"), config }], onLaunched: (pack) => launched.push(pack) }),
      ),
    ).rejects.toThrow(PolicyConfigError);
    expect(launched).toEqual([]);
  });

  it("rejects a config naming a policy the pack does not have, and stops the packs", async () => {
    const launched: PolicyPackProcess[] = [];
    const run = analyzeStack(
      args({
        packs: [{ dir: packDir("fixture-js"), config: { "name-require-sai-prefx": "disabled" } }],
        onLaunched: (pack) => launched.push(pack),
      }),
    );
    await expect(run).rejects.toThrow(
      `"name-require-sai-prefx" is not a policy of pack fixture-js (policies: name-require-sai-prefix, probe-report-stack-context)`,
    );
    expect(launched).toHaveLength(1);
    expect(isAlive(launched[0]!.pid)).toBe(false);
  });

  it("fails with the crashing pack's error and stops the packs that did start", async () => {
    const launched: PolicyPackProcess[] = [];
    const run = analyzeStack(
      args({
        packs: [{ dir: packDir("fixture-js") }, { dir: packDir("crash-at-start") }],
        onLaunched: (pack) => launched.push(pack),
      }),
    );
    await expect(run).rejects.toThrow(PolicyPackStartError);
    await expect(run).rejects.toThrow(/fixture pack crash-at-start fails on purpose/);
    expect(launched.map((pack) => [pack.dir, isAlive(pack.pid)])).toEqual([[packDir("fixture-js"), false]]);
  });

  it("starts the packs before the resources arrive and analyses them once they do", async () => {
    const launched: PolicyPackProcess[] = [];
    let deliver: (resources: readonly (typeof publicBucket)[]) => void = () => undefined;
    const resources = new Promise<readonly (typeof publicBucket)[]>((resolve) => {
      deliver = resolve;
    });
    const analysis = analyzeStack(args({ resources, onLaunched: (pack) => launched.push(pack) }));
    await expect.poll(() => launched.length, { timeout: 120_000, interval: 50 }).toBe(2);
    deliver([publicBucket]);
    const result = await analysis;
    expect(result.findings.map((finding) => finding.policy)).toContain("bucket-disallow-public-acl");
    expect(launched.every((pack) => !isAlive(pack.pid))).toBe(true);
  });

  it("stops the packs and rethrows when the resources never come (the program failed)", async () => {
    const launched: PolicyPackProcess[] = [];
    const programFailure = new Error("the program threw");
    const resources = new Promise<readonly (typeof publicBucket)[]>((_, reject) => {
      setTimeout(() => reject(programFailure), 50);
    });
    await expect(analyzeStack(args({ resources, onLaunched: (pack) => launched.push(pack) }))).rejects.toBe(
      programFailure,
    );
    expect(launched).toHaveLength(2);
    expect(launched.every((pack) => !isAlive(pack.pid))).toBe(true);
  });
});
