/**
 * ES-module programs (package.json `"type": "module"`) run as the Pulumi language host runs them: loaded
 * with `import()`, TypeScript through ts-node's ESM hooks, the default export used when there is one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runStack } from "../../../preflight/engine/index";
import { esmEntryFile, programModuleType } from "../../../preflight/engine/esm-loader";
import { REPOSITORY_NODE_MODULES, temporaryProject } from "./helpers";

/** A temporary ES-module project linking the repository's node_modules. */
function esmProject(files: Record<string, string>): string {
  const dir = temporaryProject({
    "Pulumi.yaml": "name: esm-program\nruntime: nodejs\n",
    "package.json": JSON.stringify({ name: "esm-program", type: "module" }),
    ...files,
  });
  fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"), "dir");
  return dir;
}

const RESOURCE = 'new pulumi.ComponentResource("fixture:index:Thing", "thing");';

describe("ES-module programs", () => {
  it("runs a TypeScript ES module under the tsconfig of Pulumi's aws-ts-s3-folder example (module commonjs)", async () => {
    const dir = esmProject({
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "commonjs",
          moduleResolution: "node",
          strict: true,
          skipLibCheck: true,
        },
        files: ["index.ts"],
      }),
      "index.ts": [
        'import * as pulumi from "@pulumi/pulumi";',
        'import * as path from "path";',
        RESOURCE,
        'export const base: string = path.basename("/www/index.html");',
      ].join("\n"),
    });
    const run = await runStack({ programDir: dir, onProgramOutput: () => undefined });
    expect(run.resources.map((resource) => resource.type)).toContain("fixture:index:Thing");
    expect(run.outputs).toEqual({ base: "index.html" });
  });

  it("runs a TypeScript ES module compiled as nodenext: relative .js imports and import.meta", async () => {
    const dir = esmProject({
      "tsconfig.json": JSON.stringify({
        compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true },
      }),
      "index.ts": [
        'import * as pulumi from "@pulumi/pulumi";',
        'import { sizeOf } from "./helper.js";',
        RESOURCE,
        "export const size: number = sizeOf(3);",
        'export const moduleUrl = import.meta.url.startsWith("file:");',
      ].join("\n"),
      "helper.ts": "export function sizeOf(n: number): number { return n * 2; }\n",
    });
    const run = await runStack({ programDir: dir, onProgramOutput: () => undefined });
    expect(run.resources.map((resource) => resource.type)).toContain("fixture:index:Thing");
    expect(run.outputs).toEqual({ size: 6, moduleUrl: true });
  });

  it("runs a JavaScript ES module whose default export is an async function", async () => {
    const dir = esmProject({
      "index.js": [
        'import * as pulumi from "@pulumi/pulumi";',
        "export default async () => {",
        `  ${RESOURCE}`,
        "  return { answer: 42 };",
        "};",
      ].join("\n"),
    });
    const run = await runStack({ programDir: dir, onProgramOutput: () => undefined });
    expect(run.resources.map((resource) => resource.type)).toContain("fixture:index:Thing");
    expect(run.outputs).toEqual({ answer: 42 });
  });

  it("tells ES-module packages from CommonJS ones by the nearest package.json", () => {
    const esm = esmProject({ "index.js": "" });
    const cjs = temporaryProject({ "package.json": "{}", "src/index.ts": "" });
    expect(programModuleType(esm)).toBe("module");
    expect(programModuleType(path.join(esm, "index.js"))).toBe("module");
    expect(programModuleType(path.join(cjs, "src", "index.ts"))).toBe("commonjs");
  });

  it("finds the entry as the language host does: package.json exports, then main, then index files", () => {
    const withExports = esmProject({ "src/app.js": "", "index.js": "" });
    fs.writeFileSync(
      path.join(withExports, "package.json"),
      JSON.stringify({ type: "module", exports: { ".": { import: "./src/app.js" } }, main: "index.js" }),
    );
    expect(esmEntryFile(withExports)).toBe(path.join(fs.realpathSync(withExports), "src", "app.js"));
    const withMain = esmProject({ "src/main.ts": "", "index.ts": "" });
    fs.writeFileSync(
      path.join(withMain, "package.json"),
      JSON.stringify({ type: "module", main: "src/main.ts" }),
    );
    expect(esmEntryFile(withMain)).toBe(path.join(fs.realpathSync(withMain), "src", "main.ts"));
    const plain = esmProject({ "index.mts": "", "index.ts": "" });
    expect(esmEntryFile(plain)).toBe(path.join(fs.realpathSync(plain), "index.ts"));
  });
});
