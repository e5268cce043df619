import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runStack } from "../../../preflight/engine";
import { REPOSITORY_NODE_MODULES, temporaryProject } from "./helpers";

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";

class Evidence extends pulumi.ComponentResource {
  public readonly controls: pulumi.Output<{ id: string; status: string }[]>;
  constructor(name: string) {
    super("fixture:index:Evidence", name, {});
    this.controls = pulumi.output([{ id: "SAI-ENC-01", status: "implemented" }]);
    this.registerOutputs({ controls: this.controls, token: pulumi.secret("s3cr3t-token") });
  }
}

class Silent extends pulumi.ComponentResource {
  constructor(name: string) {
    super("fixture:index:Silent", name, {});
    this.registerOutputs({});
  }
}

new Evidence("platform");
new Silent("quiet");
`;

describe("component outputs", () => {
  it("are recorded by URN with secrets masked, and components without outputs are left out", async () => {
    const dir = temporaryProject({ "Pulumi.yaml": "name: outputs\nruntime: nodejs\n", "index.ts": PROGRAM });
    fs.symlinkSync(REPOSITORY_NODE_MODULES, path.join(dir, "node_modules"), "dir");
    const run = await runStack({ programDir: dir, onProgramOutput: () => undefined });
    const urn = run.resources.find((resource) => resource.type === "fixture:index:Evidence")?.urn;
    expect(urn).toBeDefined();
    expect(run.resourceOutputs?.[urn!]?.controls).toEqual([{ id: "SAI-ENC-01", status: "implemented" }]);
    expect(JSON.stringify(run.resourceOutputs)).not.toContain("s3cr3t-token");
    const silent = run.resources.find((resource) => resource.type === "fixture:index:Silent")?.urn;
    expect(run.resourceOutputs?.[silent!]).toBeUndefined();
  });
});
