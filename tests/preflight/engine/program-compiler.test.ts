/**
 * The compiler a program gets, found as the Pulumi CLI finds it (`@pulumi/pulumi/tsutils.js`,
 * `cmd/run/run.js`): the SDK's resolution of `typescript` and `ts-node`, else its vendored copies; the
 * automatic ESM mode's conditions. A stand-in SDK (its files empty) keeps these checks free of any compiler.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PreflightUsageError } from "../../../preflight/engine/errors";
import {
  automaticEsmMode,
  describeProgramCompiler,
  nodeNextByDefault,
  type ProgramCompiler,
  resolveProgramCompiler,
} from "../../../preflight/engine/program-compiler";
import { REPOSITORY_NODE_MODULES, temporaryProject } from "./helpers";

/** A program directory whose node_modules holds a stand-in `@pulumi/pulumi` with the given vendor files. */
function programWithStandInSdk(vendor: string[]): string {
  const sdk = "node_modules/@pulumi/pulumi";
  return temporaryProject({
    [`${sdk}/package.json`]: JSON.stringify({ name: "@pulumi/pulumi", version: "3.200.0" }),
    [`${sdk}/tsutils.js`]: "",
    [`${sdk}/cmd/run/index.js`]: "",
    [`${sdk}/cmd/run/run.js`]: "",
    ...Object.fromEntries(vendor.map((file) => [`${sdk}/vendor/${file}`, ""])),
  });
}

function compiler(overrides: Partial<ProgramCompiler>): ProgramCompiler {
  return {
    typescriptPath: "/x/typescript.js",
    typescriptVersion: "5.9.3",
    tsNodePath: "/x/ts-node.js",
    tsNodeVersion: "10.9.2",
    vendoredTypeScript: false,
    vendoredTsNode: false,
    sdkDir: "/x/@pulumi/pulumi",
    sdkVersion: "3.248.0",
    tsNodeEsm: true,
    ...overrides,
  };
}

describe("the program's compiler", () => {
  it("is the typescript and ts-node the program's @pulumi/pulumi resolves (the repository's, through a link)", () => {
    const dir = temporaryProject({ "index.ts": "" });
    fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"), "dir");
    const found = resolveProgramCompiler(dir);
    expect(found.typescriptPath).toBe(require.resolve("typescript"));
    expect(found.tsNodePath).toBe(require.resolve("ts-node"));
    expect(found).toMatchObject({ vendoredTypeScript: false, vendoredTsNode: false, tsNodeEsm: true });
    // The real path: the link's target, where Node resolves the SDK's own requires from.
    expect(found.sdkDir).toBe(fs.realpathSync(path.join(REPOSITORY_NODE_MODULES, "@pulumi", "pulumi")));
  });

  it("falls back to the SDK's vendored TypeScript 3.8.3 and ts-node 7.0.1", () => {
    const dir = programWithStandInSdk(["typescript@3.8.3/typescript.js", "ts-node@7.0.1/index.js"]);
    const found = resolveProgramCompiler(dir);
    const sdk = fs.realpathSync(path.join(dir, "node_modules", "@pulumi", "pulumi"));
    expect(found).toEqual({
      typescriptPath: path.join(sdk, "vendor", "typescript@3.8.3", "typescript.js"),
      typescriptVersion: "3.8.3",
      tsNodePath: path.join(sdk, "vendor", "ts-node@7.0.1", "index.js"),
      tsNodeVersion: "7.0.1",
      vendoredTypeScript: true,
      vendoredTsNode: true,
      sdkDir: sdk,
      sdkVersion: "3.200.0",
      tsNodeEsm: false,
    });
    expect(describeProgramCompiler(found)).toBe(
      "typescript 3.8.3 and ts-node 7.0.1 vendored in @pulumi/pulumi 3.200.0",
    );
  });

  it("is a usage error naming what is missing when the SDK has neither, or when there is no SDK", () => {
    const noVendor = programWithStandInSdk(["typescript@3.8.3/typescript.js"]);
    expect(() => resolveProgramCompiler(noVendor)).toThrow(PreflightUsageError);
    expect(() => resolveProgramCompiler(noVendor)).toThrow(
      /^No ts-node for .*Install them \(npm install --save-dev ts-node\), or reinstall @pulumi\/pulumi\.$/,
    );
    const noSdk = temporaryProject({ "index.ts": "" });
    expect(() => resolveProgramCompiler(noSdk)).toThrow(/^Cannot find @pulumi\/pulumi from /);
  });

  it("names where each part came from", () => {
    expect(describeProgramCompiler(compiler({}))).toBe("typescript 5.9.3 and ts-node 10.9.2");
    expect(describeProgramCompiler(compiler({ vendoredTsNode: true, tsNodeVersion: "7.0.1" }))).toBe(
      "typescript 5.9.3 and ts-node 7.0.1 (vendored in @pulumi/pulumi 3.248.0)",
    );
  });
});

describe("the automatic ESM mode", () => {
  it("needs TypeScript above 4.7.0, ts-node/esm and no loader among the Node.js arguments, as run.js checks", () => {
    expect(automaticEsmMode(compiler({}), [])).toBe(true);
    expect(automaticEsmMode(compiler({ typescriptVersion: "4.7.1" }), [])).toBe(true);
    // run.js compares with `> 0`: 4.7.0 itself, a prerelease of it and 3.8.3 get the CommonJS hooks.
    expect(automaticEsmMode(compiler({ typescriptVersion: "4.7.0" }), [])).toBe(false);
    expect(automaticEsmMode(compiler({ typescriptVersion: "4.7.0-beta" }), [])).toBe(false);
    expect(automaticEsmMode(compiler({ typescriptVersion: "3.8.3" }), [])).toBe(false);
    expect(automaticEsmMode(compiler({ tsNodeEsm: false }), [])).toBe(false);
    for (const loader of ["--loader", "--import", "--require"]) {
      expect(automaticEsmMode(compiler({}), ["--max-old-space-size=4096", loader, "x"])).toBe(false);
    }
    // run.js looks for the bare flag only.
    expect(automaticEsmMode(compiler({}), ["--import=x"])).toBe(true);
  });

  it("is the CommonJS path's nodenext default from TypeScript 4.7.0 on", () => {
    expect(nodeNextByDefault("4.7.0")).toBe(true);
    expect(nodeNextByDefault("4.6.4")).toBe(false);
    expect(nodeNextByDefault("3.8.3")).toBe(false);
    expect(nodeNextByDefault("10.0.0")).toBe(true);
  });
});
