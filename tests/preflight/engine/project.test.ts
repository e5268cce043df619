import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PreflightUsageError } from "../../../preflight/engine/errors";
import { listStacks } from "../../../preflight/engine/index";
import { loadProject } from "../../../preflight/engine/project";
import {
  SECRET_PLACEHOLDER_PREFIX,
  pulumiConfigEnvironment,
  readStackConfig,
} from "../../../preflight/engine/stack-config";
import { fixtureProgram, temporaryProject } from "./helpers";

/** Runs `action` and returns the PreflightUsageError it throws. */
function usageError(action: () => unknown): PreflightUsageError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PreflightUsageError);
    return error as PreflightUsageError;
  }
  throw new Error("expected a PreflightUsageError");
}

describe("loadProject", () => {
  it("reads name, main, runtime options and typed config declarations", () => {
    const project = loadProject(fixtureProgram("aws-storage"));
    expect(project.name).toBe("aws-storage");
    expect(project.main).toBe(`${fixtureProgram("aws-storage")}/index.ts`);
    expect(project.runtime).toEqual({ typescript: true, tsconfig: "tsconfig.json", nodeArgs: [] });
    expect(project.stackConfigDir).toBe(fixtureProgram("aws-storage"));
    expect(project.config).toEqual({
      "aws-storage:retentionDays": { type: "integer", itemsType: undefined, default: 7, secret: false },
      "aws-storage:owners": { type: "array", itemsType: "string", default: undefined, secret: false },
      "aws-storage:environmentName": { type: "string", itemsType: undefined, default: "test", secret: false },
    });
  });

  it("reads stackConfigDir, tsconfig and nodeargs options and short-form config defaults", () => {
    const dir = temporaryProject({
      "Pulumi.yaml": [
        "name: tuned",
        "runtime:",
        "  name: nodejs",
        "  options:",
        "    typescript: false",
        "    tsconfig: build/tsconfig.json",
        "    nodeargs: --max-old-space-size=4096 --no-warnings",
        "main: src/main.js",
        "stackConfigDir: stacks",
        "config:",
        "  replicas: 3",
        "  aws:region:",
        "    value: eu-north-1",
      ].join("\n"),
      "src/main.js": "",
      "stacks/Pulumi.prod.yaml": "config: {}\n",
      "stacks/Pulumi.dev.yaml": "config: {}\n",
    });
    const project = loadProject(dir);
    expect(project.main).toBe(`${dir}/src/main.js`);
    expect(project.stackConfigDir).toBe(`${dir}/stacks`);
    expect(project.runtime).toEqual({
      typescript: false,
      tsconfig: "build/tsconfig.json",
      nodeArgs: ["--max-old-space-size=4096", "--no-warnings"],
    });
    expect(project.config["tuned:replicas"]).toEqual({ type: "integer", default: 3, secret: false });
    expect(project.config["aws:region"]?.default).toBe("eu-north-1");
    expect(listStacks(dir)).toEqual(["dev", "prod"]);
  });

  it("fails as the language host does when the runtime option tsconfig names a missing file", () => {
    const dir = temporaryProject({
      "Pulumi.yaml":
        "name: tuned\nruntime:\n  name: nodejs\n  options:\n    tsconfig: tsconfig.pulumi.json\n",
      "index.ts": "",
    });
    const error = usageError(() => loadProject(dir));
    expect(error.message).toContain(
      `the runtime option tsconfig is "tsconfig.pulumi.json", but ${dir}/tsconfig.pulumi.json does not exist`,
    );
    fs.writeFileSync(path.join(dir, "tsconfig.pulumi.json"), "{}");
    expect(loadProject(dir).runtime.tsconfig).toBe("tsconfig.pulumi.json");
  });

  it("fails with a usage error naming the directory when Pulumi.yaml is missing", () => {
    const dir = temporaryProject({ "index.ts": "" });
    const error = usageError(() => loadProject(dir));
    expect(error.message).toContain(`No Pulumi.yaml in ${dir}`);
    expect(error.file).toBe(`${dir}/Pulumi.yaml`);
    expect(error.exitCode).toBe(2);
  });

  it("fails with a usage error naming the file on YAML that does not parse", () => {
    const dir = temporaryProject({ "Pulumi.yaml": "name: broken\nruntime: [nodejs\n", "index.ts": "" });
    const error = usageError(() => loadProject(dir));
    expect(error.message).toContain(`${dir}/Pulumi.yaml is not valid YAML`);
  });

  it("rejects a runtime other than nodejs", () => {
    const error = usageError(() => loadProject(fixtureProgram("python-runtime")));
    expect(error.message).toContain('declares runtime "python"');
    expect(error.file).toBe(`${fixtureProgram("python-runtime")}/Pulumi.yaml`);
  });

  it("rejects a main that does not exist", () => {
    const error = usageError(() => loadProject(fixtureProgram("missing-main")));
    expect(error.message).toContain('the program\'s main "src/index.ts" does not exist');
  });

  it("rejects a directory without an entry point", () => {
    const dir = temporaryProject({ "Pulumi.yaml": "name: empty\nruntime: nodejs\n", "README.md": "" });
    expect(usageError(() => loadProject(dir)).message).toContain("no program entry point");
  });
});

describe("listStacks", () => {
  it("lists one stack per Pulumi.<stack>.yaml, sorted", () => {
    expect(listStacks(fixtureProgram("aws-storage"))).toEqual(["dev", "prod"]);
  });

  it("runs a project without stack files once as default", () => {
    expect(listStacks(fixtureProgram("no-stacks"))).toEqual(["default"]);
  });
});

describe("readStackConfig", () => {
  const project = loadProject(fixtureProgram("aws-storage"));

  it("namespaces bare keys, keeps structured values, applies defaults and hides secure values", () => {
    const config = readStackConfig(project, "dev");
    expect(config.values).toEqual({
      "aws:region": "eu-west-1",
      "aws-storage:owners": ["platform-team", "security-team"],
      "aws-storage:retentionDays": 14,
      "aws-storage:tags": { costCenter: "4711", dataClass: "confidential" },
      "aws-storage:apiToken": `${SECRET_PLACEHOLDER_PREFIX}aws-storage:apiToken`,
      "aws-storage:environmentName": "test",
    });
    expect(config.secretKeys).toEqual(["aws-storage:apiToken"]);
    expect(JSON.stringify(config)).not.toContain("v1:q0tH0W2vLHZ1U8yB");
  });

  it("serializes config for the SDK as PULUMI_CONFIG strings and PULUMI_CONFIG_SECRET_KEYS", () => {
    const environment = pulumiConfigEnvironment(readStackConfig(project, "prod"));
    expect(JSON.parse(environment.PULUMI_CONFIG)).toEqual({
      "aws:region": "us-east-1",
      "aws-storage:owners": '["platform-team"]',
      "aws-storage:apiToken": `${SECRET_PLACEHOLDER_PREFIX}aws-storage:apiToken`,
      "aws-storage:retentionDays": "7",
      "aws-storage:environmentName": "test",
    });
    expect(JSON.parse(environment.PULUMI_CONFIG_SECRET_KEYS)).toEqual(["aws-storage:apiToken"]);
  });

  it("marks a structured value secret when any part of it is encrypted", () => {
    const dir = temporaryProject({
      "Pulumi.yaml": "name: nested\nruntime: nodejs\n",
      "index.ts": "",
      "Pulumi.dev.yaml":
        "config:\n  nested:database:\n    user: app\n    password:\n      secure: v1:abc:def\n",
    });
    const config = readStackConfig(loadProject(dir), "dev");
    expect(config.values["nested:database"]).toEqual({
      user: "app",
      password: `${SECRET_PLACEHOLDER_PREFIX}nested:database`,
    });
    expect(config.secretKeys).toEqual(["nested:database"]);
  });

  it("rejects a value of the wrong type, naming the file and key", () => {
    const badProject = loadProject(fixtureProgram("bad-config-type"));
    const error = usageError(() => readStackConfig(badProject, "dev"));
    expect(error.configKey).toBe("bad-config-type:replicas");
    expect(error.file).toBe(`${fixtureProgram("bad-config-type")}/Pulumi.dev.yaml`);
    expect(error.message).toContain('config "bad-config-type:replicas" must be an integer, got "three"');
  });

  it("rejects array items of the wrong type", () => {
    const dir = temporaryProject({
      "Pulumi.yaml":
        "name: arr\nruntime: nodejs\nconfig:\n  ports:\n    type: array\n    items:\n      type: integer\n",
      "index.ts": "",
      "Pulumi.dev.yaml": "config:\n  arr:ports: [80, http]\n",
    });
    expect(usageError(() => readStackConfig(loadProject(dir), "dev")).message).toContain(
      "must be an array of integer",
    );
  });

  it("accepts integers and booleans written as strings, as the CLI stores them", () => {
    const dir = temporaryProject({
      "Pulumi.yaml":
        "name: typed\nruntime: nodejs\nconfig:\n  count:\n    type: integer\n  enabled:\n    type: boolean\n",
      "index.ts": "",
      "Pulumi.dev.yaml": 'config:\n  typed:count: "12"\n  typed:enabled: "true"\n',
    });
    expect(readStackConfig(loadProject(dir), "dev").values).toEqual({
      "typed:count": "12",
      "typed:enabled": "true",
    });
  });

  it("requires declared keys without a default", () => {
    const error = usageError(() => readStackConfig(project, "default"));
    expect(error.configKey).toBe("aws-storage:owners");
    expect(error.message).toContain('missing the required config value "aws-storage:owners"');
  });

  it("rejects a stack without a config file", () => {
    expect(usageError(() => readStackConfig(project, "staging")).message).toContain(
      'No config file for stack "staging"',
    );
  });
});
