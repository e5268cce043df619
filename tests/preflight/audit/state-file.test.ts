import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { StateFileError } from "../../../preflight/audit/errors";
import { deploymentFromRun } from "../../../preflight/audit/export-state";
import { parseDeployment, readStateFile } from "../../../preflight/audit/state-file";
import type { StackRun } from "../../../preflight/model";
import { manifest, PROVIDER_REF, ROOT_URN, SECRET_SIG, SIG, smallDeployment, urnOf } from "./state-builders";

function problem(document: unknown): string {
  try {
    parseDeployment(document, "state.json");
  } catch (error) {
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as StateFileError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error("no StateFileError");
}

function withResources(resources: unknown[]): Record<string, unknown> {
  return smallDeployment({ resources });
}

describe("readStateFile: a pulumi stack export of deployment version 3", () => {
  it("reads the stack, project, resources, options, provider and component outputs", () => {
    const stack = parseDeployment(smallDeployment(), "state.json");
    expect(stack).toMatchObject({
      stack: "prod",
      project: "shop",
      mode: "update",
      pulumiVersion: "v3.190.0",
    });
    expect(stack.deployedAt).toBe("2026-11-30T06:00:00Z");
    expect(stack.secretsProvider).toBe("passphrase");
    expect(stack.resources.map((resource) => resource.type)).toEqual([
      "pulumi:pulumi:Stack",
      "pulumi:providers:aws",
      "aws:kms/key:Key",
      "aws:s3/bucket:Bucket",
    ]);
    expect(stack.outputs).toEqual({ bucket: "data-1234" });
    const key = stack.resources[2]!;
    expect(key).toMatchObject({
      name: "data",
      custom: true,
      parent: ROOT_URN,
      provider: PROVIDER_REF,
      inputs: { enableKeyRotation: true, deletionWindowInDays: 30 },
      state: { id: "1234abcd-12ab-34cd-56ef-1234567890ab" },
    });
    expect(key.options.protect).toBe(true);
  });

  it("reads plaintext secrets as secrets, resource references as the referenced ID, timeouts as durations", () => {
    const bucket = parseDeployment(smallDeployment(), "state.json").resources[3]!;
    expect(bucket.inputs["tags"]).toEqual({ owner: { $secret: "team-secret-owner" } });
    expect(bucket.inputs["policyKey"]).toBe("1234abcd-12ab-34cd-56ef-1234567890ab");
    expect(bucket.propertyDependencies).toEqual({ policyKey: [urnOf("aws:kms/key:Key", "data")] });
    expect(bucket.options.customTimeouts).toEqual({ create: "300s", delete: "90s" });
  });

  it("leaves out resources pending deletion or replacement, and warns about pending operations", () => {
    const document = smallDeployment();
    const deployment = document["deployment"] as {
      resources: Record<string, unknown>[];
      pending_operations?: unknown[];
    };
    deployment.resources.push({ ...deployment.resources[3]!, delete: true, id: "old-bucket" });
    deployment.pending_operations = [{ type: "creating", resource: deployment.resources[3] }];
    const stack = parseDeployment(document, "state.json");
    expect(stack.resources).toHaveLength(4);
    expect(stack.warnings).toEqual([
      expect.stringContaining("1 operation(s) of an interrupted update are pending"),
    ]);
  });

  it("reads a ciphertext secret as an unknown value only when asked, and counts it", () => {
    const document = smallDeployment();
    const bucket = (document["deployment"] as { resources: Record<string, Record<string, unknown>>[] })
      .resources[3]!;
    bucket["inputs"]!["tags"] = { owner: { [SIG]: SECRET_SIG, ciphertext: "v1:AAAA:BBBB" } };
    expect(problem(document)).toBe(
      `State file state.json: ${urnOf("aws:s3/bucket:Bucket", "data")} inputs.tags.owner is a secret encrypted by the "passphrase" secrets provider, which secure-ai audit cannot decrypt. ` +
        "Export with `pulumi stack export --show-secrets --file <file>` (keep that file out of artifacts), or pass --encrypted-secrets unknown to audit without secret values (policies that need them report unverified).",
    );
    const stack = parseDeployment(document, "state.json", { encryptedSecrets: "unknown" });
    expect(stack.resources[3]!.inputs["tags"]).toEqual({ owner: { $secret: { $unknown: true } } });
    expect(stack.encryptedSecrets).toBe(1);
  });

  it("round-trips what deploymentFromRun writes for a run of the update pass", () => {
    const run: StackRun = {
      stack: "prod",
      project: "shop",
      mode: "update",
      invokes: [],
      outputs: {},
      resources: [
        {
          urn: ROOT_URN,
          type: "pulumi:pulumi:Stack",
          name: "shop-prod",
          custom: false,
          inputs: {},
          dependencies: [],
          propertyDependencies: {},
          options: {
            protect: false,
            retainOnDelete: false,
            ignoreChanges: [],
            aliases: [],
            additionalSecretOutputs: [],
          },
        },
        {
          urn: urnOf("aws:s3/bucket:Bucket", "data"),
          type: "aws:s3/bucket:Bucket",
          name: "data",
          custom: true,
          inputs: { bucket: "data-1234", tags: { owner: { $secret: "x" } } },
          parent: ROOT_URN,
          dependencies: [],
          propertyDependencies: {},
          options: {
            protect: false,
            retainOnDelete: true,
            ignoreChanges: ["tags"],
            aliases: [],
            additionalSecretOutputs: [],
          },
          state: { id: "data-1234", outputs: { bucket: "data-1234", arn: "arn:aws:s3:::data-1234" } },
        },
      ],
    };
    const exported = deploymentFromRun(run, {
      providerVersions: { aws: "7.48.0" },
      stackConfig: { "aws:region": "eu-west-1" },
    });
    const back = parseDeployment(JSON.parse(JSON.stringify(exported)), "state.json");
    expect(back.resources.map((resource) => resource.urn)).toEqual([
      ROOT_URN,
      urnOf("pulumi:providers:aws", "default_7_48_0"),
      urnOf("aws:s3/bucket:Bucket", "data"),
    ]);
    expect(back.resources[1]!.inputs).toEqual({ region: "eu-west-1", version: "7.48.0" });
    expect(back.resources[2]).toMatchObject({
      inputs: run.resources[1]!.inputs,
      state: run.resources[1]!.state,
      options: { retainOnDelete: true, ignoreChanges: ["tags"] },
    });
    expect(back.resources[2]!.provider).toMatch(
      /^urn:pulumi:prod::shop::pulumi:providers:aws::default_7_48_0::[0-9a-f-]{36}$/,
    );
  });
});

describe("readStateFile: damaged or foreign files exit 2 naming the problem", () => {
  it.each([
    ["an array", [], "is not a `pulumi stack export` document"],
    [
      "a secure-ai report",
      { tool: { name: "secure-ai check" }, stacks: [] },
      "is a secure-ai report, not a state file",
    ],
    ["no version", { deployment: {} }, "has no version; secure-ai audit reads deployment version 3"],
    [
      "version 4",
      { version: 4, deployment: {} },
      "has version 4; secure-ai audit reads deployment version 3",
    ],
    ["no deployment", { version: 3 }, "has no deployment object."],
    [
      "no resources",
      { version: 3, deployment: { manifest: manifest() } },
      "holds no resources: the stack was never deployed, or was destroyed.",
    ],
    [
      "resources not a list",
      { version: 3, deployment: { manifest: manifest(), resources: {} } },
      "deployment.resources is not a list.",
    ],
  ])("%s", (_name, document, message) => {
    expect(problem(document)).toContain(message);
  });

  it("a manifest whose magic does not match its version", () => {
    const document = smallDeployment();
    (document["deployment"] as { manifest: Record<string, unknown> }).manifest["magic"] = "0".repeat(64);
    expect(problem(document)).toContain("deployment.manifest.magic does not match its version");
  });

  it("no manifest", () => {
    const document = smallDeployment();
    delete (document["deployment"] as Record<string, unknown>)["manifest"];
    expect(problem(document)).toContain("has no deployment.manifest");
  });

  it.each([
    ["a resource that is not an object", ["x"], "deployment.resources[0] is not an object."],
    ["no URN", [{ type: "aws:s3/bucket:Bucket" }], "deployment.resources[0] has no URN"],
    [
      "a malformed URN",
      [{ urn: "arn:aws:s3:::b", type: "aws:s3/bucket:Bucket" }],
      'the malformed URN "arn:aws:s3:::b"',
    ],
    ["no type", [{ urn: ROOT_URN }], `deployment.resources[0] (${ROOT_URN}) has no type.`],
    [
      "inputs not an object",
      [{ urn: ROOT_URN, type: "pulumi:pulumi:Stack", inputs: [1] }],
      "inputs is not an object.",
    ],
    [
      "dependencies not a list",
      [{ urn: ROOT_URN, type: "pulumi:pulumi:Stack", dependencies: "x" }],
      "dependencies is not a list.",
    ],
    [
      "a URN listed twice",
      [
        { urn: ROOT_URN, type: "pulumi:pulumi:Stack" },
        { urn: ROOT_URN, type: "pulumi:pulumi:Stack" },
      ],
      `lists ${ROOT_URN} twice.`,
    ],
    [
      "two stacks in one file",
      [
        { urn: ROOT_URN, type: "pulumi:pulumi:Stack" },
        { urn: "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev", type: "pulumi:pulumi:Stack" },
      ],
      "holds resources of more than one stack (shop/prod, shop/dev)",
    ],
    [
      "a secret without plaintext or ciphertext",
      [{ urn: ROOT_URN, type: "pulumi:pulumi:Stack", custom: true, inputs: { p: { [SIG]: SECRET_SIG } } }],
      "inputs.p: a secret with neither plaintext nor ciphertext.",
    ],
    [
      "an unknown signature",
      [{ urn: ROOT_URN, type: "pulumi:pulumi:Stack", custom: true, inputs: { p: { [SIG]: "feedface" } } }],
      'inputs.p: unknown signature "feedface".',
    ],
  ])("%s", (_name, resources, message) => {
    expect(problem(withResources(resources))).toContain(message);
  });

  it("a file that is not JSON, or cannot be read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-state-"));
    const file = path.join(dir, "state.json");
    fs.writeFileSync(file, '{"version": 3,');
    expect(() => readStateFile(file)).toThrow(new RegExp(`^State file ${file}: is not JSON \\(`));
    expect(() => readStateFile(path.join(dir, "missing.json"))).toThrow("cannot be read (ENOENT).");
  });
});
