/**
 * Every example is a small, complete Pulumi project: a Pulumi.yaml naming its runtime, a program, a README,
 * and the stack config files its program needs. Type-checking the TypeScript programs is `npm run typecheck`
 * (the root tsconfig includes examples/**), so this only checks the files a user copies.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXAMPLES } from "./run-check";

/** The examples of issue 8 (other examples may exist beside them and are checked the same way). */
const REQUIRED_EXAMPLES = [
  "adopt-existing-singletons",
  "aws-bedrock-chatbot",
  "aws-sagemaker-high-sensitivity",
  "azure-openai-assistant",
  "gcp-vertex-rag",
  "insecure-baseline",
  "multi-cloud",
  "yaml-component",
];

const examples = fs
  .readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function projectOf(example: string): Record<string, unknown> {
  return parse(fs.readFileSync(path.join(EXAMPLES, example, "Pulumi.yaml"), "utf8")) as Record<
    string,
    unknown
  >;
}

function runtimeOf(project: Record<string, unknown>): unknown {
  const runtime = project["runtime"];
  return typeof runtime === "object" && runtime !== null
    ? (runtime as Record<string, unknown>)["name"]
    : runtime;
}

describe("the examples folder", () => {
  it("holds every example the issue asks for", () => {
    expect(examples).toEqual(expect.arrayContaining(REQUIRED_EXAMPLES));
  });
});

describe.each(examples)("example %s", (example) => {
  const dir = path.join(EXAMPLES, example);

  it("has a Pulumi.yaml with a project name and a description, and a README", () => {
    const project = projectOf(example);
    expect(project["name"]).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(typeof project["description"]).toBe("string");
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toMatch(/^# \S/);
  });

  it("has a program for its runtime: index.ts for nodejs, resources in Pulumi.yaml for yaml", () => {
    const project = projectOf(example);
    const runtime = runtimeOf(project);
    expect(["nodejs", "yaml"]).toContain(runtime);
    if (runtime === "nodejs") {
      expect(project["main"] ?? "index.ts").toBe("index.ts");
      expect(fs.existsSync(path.join(dir, "index.ts"))).toBe(true);
    } else {
      expect(Object.keys(project["resources"] as object).length).toBeGreaterThan(0);
    }
  });

  it("keeps stack config in Pulumi.<stack>.yaml files whose keys are namespaced", () => {
    const stackFiles = fs.readdirSync(dir).filter((file) => /^Pulumi\..+\.yaml$/.test(file));
    for (const file of stackFiles) {
      const config =
        (parse(fs.readFileSync(path.join(dir, file), "utf8")) as { config?: object }).config ?? {};
      for (const key of Object.keys(config)) {
        expect(key, `${file}: ${key}`).toMatch(/^[a-z][a-z0-9-]*:[A-Za-z]/);
      }
    }
  });
});
