/**
 * TypeScript 6 rejects (TS5107) options that 5 accepted and that Pulumi's aws-typescript template writes
 * (`moduleResolution: node`); the engine allows them, as ignoreDeprecations does, unless the tsconfig says.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { deprecationsAllowed } from "../../../preflight/engine/typescript-loader";
import { temporaryProject } from "./helpers";

function fakeTypeScript(version: string): string {
  const dir = temporaryProject({
    "node_modules/typescript/package.json": JSON.stringify({ name: "typescript", version }),
    "node_modules/typescript/lib/typescript.js": "",
  });
  const file = path.join(dir, "node_modules/typescript/lib/typescript.js");
  expect(fs.existsSync(file)).toBe(true);
  return file;
}

describe("compiler options per TypeScript major", () => {
  it("allows TypeScript 6's deprecations, and adds nothing for 5", () => {
    expect(deprecationsAllowed(fakeTypeScript("6.0.3"))).toEqual({ ignoreDeprecations: "6.0" });
    expect(deprecationsAllowed(fakeTypeScript("5.9.3"))).toEqual({});
  });
});
