import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PreflightProgramError, PreflightUsageError } from "../../../preflight/engine/errors";
import { runStack } from "../../../preflight/engine/index";
import { SECRET_PLACEHOLDER_PREFIX } from "../../../preflight/engine/stack-config";
import type { RecordedValue, StackRun } from "../../../preflight/model";
import {
  REPOSITORY_NODE_MODULES,
  fixtureProgram,
  outputCollector,
  resourceNamed,
  temporaryProject,
} from "./helpers";

const STACK_URN = "urn:pulumi:dev::aws-storage::pulumi:pulumi:Stack::aws-storage-dev";
const KEY_URN = "urn:pulumi:dev::aws-storage::fixture:index:KeyVault$aws:kms/key:Key::vault-key";
const BUCKET_URN = "urn:pulumi:dev::aws-storage::pulumi:pulumi:Stack$aws:s3/bucket:Bucket::data";
const VAULT_URN = "urn:pulumi:dev::aws-storage::pulumi:pulumi:Stack$fixture:index:KeyVault::vault";

/** Runs a stack expecting it to fail, and returns the error. */
async function failure(programDir: string, stack?: string): Promise<Error> {
  const output = outputCollector();
  try {
    await runStack({ programDir, stack, onProgramOutput: output.onProgramOutput });
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${programDir} to fail`);
}

/** Removes every `{ $secret: ... }` value, leaving what a report could print. */
function withoutSecrets(value: RecordedValue): RecordedValue {
  if (Array.isArray(value)) {
    return value.map(withoutSecrets);
  }
  if (typeof value !== "object" || value === null) {
    return value;
  }
  if ("$secret" in value) {
    return null;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withoutSecrets(item as RecordedValue)]),
  );
}

describe("runStack on the aws-storage fixture (stack dev)", () => {
  let run: StackRun;
  const output = outputCollector();

  beforeAll(async () => {
    run = await runStack({
      programDir: fixtureProgram("aws-storage"),
      stack: "dev",
      onProgramOutput: output.onProgramOutput,
    });
  });

  it("records every resource with its exact type", () => {
    expect(run.project).toBe("aws-storage");
    expect(run.stack).toBe("dev");
    // Registration order follows when each resource's inputs resolve, so compare as a sorted list.
    expect(run.resources.map((resource) => `${resource.type}::${resource.name}`).sort()).toEqual(
      [
        "pulumi:pulumi:Stack::aws-storage-dev",
        "fixture:index:KeyVault::vault",
        "aws:kms/key:Key::vault-key",
        "aws:s3/bucket:Bucket::data",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::data-encryption",
        "aws:secretsmanager/secret:Secret::api-token",
        "aws:secretsmanager/secretVersion:SecretVersion::api-token-value",
        "pulumi:providers:aws::replica",
        "aws:kms/key:Key::replica-key",
      ].sort(),
    );
  });

  it("records the program's inputs, including values from structured config", () => {
    const key = resourceNamed(run, "aws:kms/key:Key", "vault-key");
    expect(key.custom).toBe(true);
    expect(key.inputs).toEqual({
      description: "Data key for test",
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });
    expect(resourceNamed(run, "aws:s3/bucket:Bucket", "data").inputs).toEqual({
      forceDestroy: false,
      tags: { costCenter: "4711", dataClass: "confidential", owners: "platform-team,security-team" },
    });
  });

  it("records a KMS key ARN used by the bucket encryption as unknown, with the key as its dependency", () => {
    const encryption = resourceNamed(
      run,
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "data-encryption",
    );
    expect(encryption.inputs).toEqual({
      bucket: { $unknown: true },
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: { $unknown: true } },
          bucketKeyEnabled: true,
        },
      ],
    });
    expect(encryption.propertyDependencies).toEqual({ bucket: [BUCKET_URN], rules: [KEY_URN] });
    expect(encryption.parent).toBe(BUCKET_URN);
    expect([...encryption.dependencies].sort()).toEqual([BUCKET_URN, KEY_URN].sort());
  });

  it("records parents: stack → component → child", () => {
    expect(resourceNamed(run, "pulumi:pulumi:Stack", "aws-storage-dev").parent).toBeUndefined();
    expect(resourceNamed(run, "fixture:index:KeyVault", "vault")).toMatchObject({
      parent: STACK_URN,
      custom: false,
    });
    expect(resourceNamed(run, "aws:kms/key:Key", "vault-key")).toMatchObject({
      parent: VAULT_URN,
      urn: KEY_URN,
    });
  });

  it("records resource options", () => {
    expect(resourceNamed(run, "aws:kms/key:Key", "vault-key").options).toEqual({
      protect: true,
      retainOnDelete: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
    });
    const bucketOptions = resourceNamed(run, "aws:s3/bucket:Bucket", "data").options;
    expect(bucketOptions).toMatchObject({
      protect: false,
      retainOnDelete: true,
      ignoreChanges: ["tags"],
      customTimeouts: { create: "5m" },
    });
    // The aws SDK itself aliases Bucket to its former BucketV2 type, parented like the bucket.
    expect(bucketOptions.aliases).toEqual([
      "urn:pulumi:dev::aws-storage::pulumi:pulumi:Stack$aws:s3/bucketV2:BucketV2::data",
    ]);
    expect(resourceNamed(run, "aws:kms/key:Key", "replica-key").options.deleteBeforeReplace).toBe(true);
    expect(
      resourceNamed(run, "aws:secretsmanager/secretVersion:SecretVersion", "api-token-value").options
        .additionalSecretOutputs,
    ).toContain("secretString");
  });

  it("records an explicit provider as its reference and the provider resource with its inputs", () => {
    const provider = resourceNamed(run, "pulumi:providers:aws", "replica");
    expect(provider.inputs).toMatchObject({ region: "eu-central-1" });
    expect(resourceNamed(run, "aws:kms/key:Key", "replica-key").provider).toMatch(
      /^urn:pulumi:dev::aws-storage::pulumi:pulumi:Stack\$pulumi:providers:aws::replica::/,
    );
    expect(resourceNamed(run, "aws:kms/key:Key", "vault-key").provider).toBeUndefined();
  });

  it("records a secret config value as secret, and its placeholder nowhere outside $secret", () => {
    const version = resourceNamed(run, "aws:secretsmanager/secretVersion:SecretVersion", "api-token-value");
    expect(version.inputs["secretString"]).toEqual({
      $secret: `${SECRET_PLACEHOLDER_PREFIX}aws-storage:apiToken`,
    });
    // The program read the same secret with a plain config.get: still recorded as secret.
    expect(resourceNamed(run, "aws:secretsmanager/secret:Secret", "api-token").inputs["description"]).toEqual(
      {
        $secret: `API token ${SECRET_PLACEHOLDER_PREFIX}aws-storage:apiToken`,
      },
    );
    const printable = JSON.stringify(withoutSecrets(run as unknown as RecordedValue));
    expect(printable).not.toContain(SECRET_PLACEHOLDER_PREFIX);
    expect(JSON.stringify(run)).not.toContain("q0tH0W2vLHZ1U8yB");
    expect(output.text()).not.toContain(SECRET_PLACEHOLDER_PREFIX);
  });

  it("records every invoke with its token and arguments", () => {
    expect(run.invokes).toEqual([
      { token: "aws:index/getCallerIdentity:getCallerIdentity", args: {} },
      { token: "aws:index/getRegion:getRegion", args: {} },
    ]);
  });

  it("collects stack outputs: invoke results known, computed values unknown, secrets masked", () => {
    expect(run.outputs).toEqual({
      accountId: "123456789012",
      regionName: "eu-west-1",
      keyArn: { $unknown: true },
      bucketName: expect.stringMatching(/^data-[0-9a-f]{7}$/),
      token: { $secret: "[secret]" },
    });
  });
});

describe("runStack on other programs", () => {
  it("runs a program without stack files once as default and calls its exported function", async () => {
    const run = await runStack({ programDir: fixtureProgram("no-stacks"), onProgramOutput: () => undefined });
    expect(run.stack).toBe("default");
    expect(resourceNamed(run, "gcp:storage/bucket:Bucket", "models").inputs).toEqual({
      location: "EU",
      project: "preflight-project",
      uniformBucketLevelAccess: true,
      versioning: { enabled: true },
    });
    expect(run.invokes).toEqual([{ token: "gcp:organizations/getProject:getProject", args: {} }]);
    expect(run.outputs).toEqual({ projectNumber: "123456789012", bucketUrl: { $unknown: true } });
  });

  it("runs a program outside the repository that links the repository's node_modules", async () => {
    const dir = temporaryProject({});
    fs.cpSync(fixtureProgram("aws-storage"), dir, { recursive: true });
    fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"), "dir");
    const run = await runStack({ programDir: dir, stack: "prod", onProgramOutput: () => undefined });
    expect(run.resources).toHaveLength(9);
    expect(resourceNamed(run, "aws:s3/bucket:Bucket", "data").inputs["tags"]).toEqual({
      owners: "platform-team",
    });
    expect(run.outputs["regionName"]).toBe("us-east-1");
  });

  it("reads the program's own tsconfig", async () => {
    const dir = temporaryProject({
      "Pulumi.yaml": "name: decorated\nruntime: nodejs\n",
      // Legacy decorators compile only when the program's tsconfig enables them.
      "tsconfig.json": JSON.stringify({
        compilerOptions: { experimentalDecorators: true, target: "ES2020" },
      }),
      "index.ts": [
        "function tagged(target: object, key: string) { (target as Record<string, unknown>)[`${key}Tagged`] = true; }",
        "class Settings { @tagged name = 'x'; }",
        "export const tagged = (Settings.prototype as unknown as Record<string, unknown>)['nameTagged'] === true;",
      ].join("\n"),
    });
    fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"), "dir");
    const run = await runStack({ programDir: dir, onProgramOutput: () => undefined });
    expect(run.outputs).toEqual({ tagged: true });
  });
});

describe("runStack failures", () => {
  it("reports a program that throws synchronously with its own message and stack", async () => {
    const error = await failure(fixtureProgram("throwing"));
    expect(error).toBeInstanceOf(PreflightProgramError);
    const programError = error as PreflightProgramError;
    expect(programError.programMessage).toBe("fixture failure: the key policy file is missing");
    expect(programError.programStack).toContain(`${fixtureProgram("throwing")}/index.ts:4`);
    expect(programError.exitCode).toBe(2);
    expect(programError.stackName).toBe("default");
  });

  it("reports a program whose exported async function rejects", async () => {
    const error = (await failure(fixtureProgram("rejecting"))) as PreflightProgramError;
    expect(error).toBeInstanceOf(PreflightProgramError);
    expect(error.programMessage).toBe("fixture failure: settings service unreachable");
  });

  it("reports a program that exits with a non-zero code, quoting its output", async () => {
    const error = (await failure(fixtureProgram("exits-early"))) as PreflightProgramError;
    expect(error).toBeInstanceOf(PreflightProgramError);
    expect(error.programMessage).toContain("the program exited with code 3");
    expect(error.programMessage).toContain("fixture: giving up on purpose");
  });

  it("reports a program that does not compile", async () => {
    const dir = temporaryProject({
      "Pulumi.yaml": "name: broken\nruntime: nodejs\n",
      "index.ts": "export const value = {;\n",
    });
    fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"), "dir");
    const error = (await failure(dir)) as PreflightProgramError;
    expect(error).toBeInstanceOf(PreflightProgramError);
    expect(error.programMessage).toContain("index.ts(1,23): error TS1136: Property assignment expected.");
  });

  it("reports a program whose dependencies are not installed as a usage error", async () => {
    const dir = temporaryProject({
      "Pulumi.yaml": "name: uninstalled\nruntime: nodejs\n",
      "index.ts": "export const x = 1;\n",
    });
    const error = await failure(dir);
    expect(error).toBeInstanceOf(PreflightUsageError);
    expect(error.message).toContain("Cannot find @pulumi/pulumi");
  });

  it("reports config of the wrong type before running anything", async () => {
    const error = await failure(fixtureProgram("bad-config-type"), "dev");
    expect(error).toBeInstanceOf(PreflightUsageError);
    expect((error as PreflightUsageError).configKey).toBe("bad-config-type:replicas");
  });

  it("reports a missing Pulumi.yaml and an unsupported runtime as usage errors", async () => {
    expect(await failure(temporaryProject({ "index.ts": "" }))).toBeInstanceOf(PreflightUsageError);
    expect(await failure(fixtureProgram("python-runtime"))).toBeInstanceOf(PreflightUsageError);
  });

  it("asks for a stack when the project has several", async () => {
    const error = await failure(fixtureProgram("aws-storage"));
    expect(error).toBeInstanceOf(PreflightUsageError);
    expect(error.message).toContain("several stacks (dev, prod)");
  });
});
