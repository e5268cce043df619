import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { expect, it } from "vitest";
import type { ControlEvidenceOutput } from "../../components/evidence";
import { installAzureMocks } from "../helpers/azure-mocks";

/** Stack config as the Pulumi CLI passes it to the program: `project:key` → string (JSON for objects). */
function stackConfig(file: string): Record<string, string> {
  const document = parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  return Object.fromEntries(
    Object.entries(document.config).map(([key, value]) => [
      key,
      typeof value === "string" ? value : JSON.stringify(value),
    ]),
  );
}

it("builds the azure-prod stack with every control reported", async () => {
  const config = stackConfig(path.resolve(__dirname, "../../stacks/Pulumi.azure-prod.yaml"));
  // The CLI fills project-level defaults (Pulumi.yaml) that the stack file leaves out.
  await installAzureMocks(false, "secure-ai-platform");
  pulumi.runtime.setAllConfig({ "secure-ai-platform:platformName": "genai", ...config });
  const program = (await import("../../stacks/index")) as {
    controls: pulumi.Output<ControlEvidenceOutput[]>;
  };
  const controls = await new Promise<ControlEvidenceOutput[]>((done) => program.controls.apply(done));
  expect(controls).toHaveLength(35);
  expect(controls.find((entry) => entry.id === "SAI-ENC-04")?.status).toBe("implemented");
  expect(controls.find((entry) => entry.id === "SAI-TLS-02")?.status).toBe("gap");
});
