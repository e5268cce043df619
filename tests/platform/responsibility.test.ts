import type * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { controlCatalog } from "../../components/controls";
import { type ResponsibilityTable, responsibilityTable } from "../../components/controls/responsibility";
import {
  CUSTOMER_RESPONSIBILITY,
  PROVIDER_RESPONSIBILITY,
  SCOPE_RESPONSIBILITY,
} from "../../components/controls/responsibility-data";
import { CONTROL_DOMAINS } from "../../components/controls/types";
import { awsArgs, buildAws, installAwsMocks } from "../helpers/aws-mocks";

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((value) => done(value)));
}

const TRAINING_DATA_CONTROLS = ["SAI-GOV-01", "SAI-IAM-02", "SAI-MOD-01"];

describe("the shared-responsibility table (data)", () => {
  it("has a provider and a customer entry for every domain on every cloud, and a split per scope", () => {
    for (const cloud of ["aws", "gcp", "azure"] as const) {
      for (const domain of CONTROL_DOMAINS) {
        expect(PROVIDER_RESPONSIBILITY[cloud][domain].length, `${cloud} ${domain}`).toBeGreaterThan(20);
        expect(CUSTOMER_RESPONSIBILITY[domain].length, domain).toBeGreaterThan(20);
      }
    }
    expect(Object.keys(SCOPE_RESPONSIBILITY)).toEqual(["pre-trained", "fine-tuned", "self-trained"]);
  });

  it("lists every catalog control once, in its domain, with the status it is given", () => {
    const table = responsibilityTable("gcp", [{ name: "chat", scope: "fine-tuned" }], (id) =>
      id === "SAI-ENC-01" ? "implemented" : undefined,
    );
    expect(table.rows.map((row) => row.domain)).toEqual([...CONTROL_DOMAINS]);
    const ids = table.rows.flatMap((row) => row.controls.map((c) => c.id));
    expect(ids.sort()).toEqual(controlCatalog.map((c) => c.id).sort());
    for (const row of table.rows) {
      for (const control of row.controls) {
        expect(controlCatalog.find((c) => c.id === control.id)?.domain).toBe(row.domain);
      }
    }
    const encryption = table.rows.find((row) => row.domain === "encryption");
    expect(encryption?.controls.find((c) => c.id === "SAI-ENC-01")?.status).toBe("implemented");
    expect(encryption?.controls.find((c) => c.id === "SAI-ENC-02")?.status).toBe("not reported");
    expect(table.models).toEqual([{ model: "chat", scope: "fine-tuned", scopingMatrix: "Scope 4" }]);
    expect(table.sources).toEqual([
      "https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate",
    ]);
  });

  it("marks the training-data controls beyond the scopes of a stack of pre-trained models", () => {
    const pre = responsibilityTable("azure", [{ name: "chat", scope: "pre-trained" }], () => "gap");
    const outOfScope = pre.rows.flatMap((row) =>
      row.controls.filter((c) => c.inScope === "no").map((c) => c.id),
    );
    expect(outOfScope.sort()).toEqual(TRAINING_DATA_CONTROLS);
    const tuned = responsibilityTable("azure", [{ name: "chat", scope: "self-trained" }], () => "gap");
    expect(tuned.rows.flatMap((row) => row.controls.filter((c) => c.inScope === "no"))).toEqual([]);
  });
});

describe("SecureAiPlatform's responsibility output", () => {
  let table: ResponsibilityTable;
  beforeAll(async () => {
    await installAwsMocks();
    const built = await buildAws(
      "resp",
      awsArgs({
        models: [
          { name: "chat", serving: "bedrock" },
          { name: "assistant", scope: "self-trained", artifact: "models/assistant/model.tar.gz" },
        ],
      }),
    );
    table = await resolved(built.platform.responsibility);
    const statuses = new Map(built.controls.map((c) => [c.id, c.status]));
    for (const row of table.rows) {
      for (const control of row.controls) expect(control.status).toBe(statuses.get(control.id));
    }
  });

  it("names the cloud, every model's scope and the provider's source", () => {
    expect(table.cloud).toBe("aws");
    expect(table.models).toEqual([
      { model: "chat", scope: "pre-trained", scopingMatrix: "Scope 3" },
      { model: "assistant", scope: "self-trained", scopingMatrix: "Scope 5" },
    ]);
    expect(table.sources).toEqual(["https://aws.amazon.com/compliance/shared-responsibility-model/"]);
  });

  it("splits the model domain by the scopes present, in scope order", () => {
    const model = table.rows.find((row) => row.domain === "model");
    expect(model).toMatchObject({
      title: "Model protection",
      provider: [
        PROVIDER_RESPONSIBILITY.aws.model,
        SCOPE_RESPONSIBILITY["pre-trained"].provider,
        SCOPE_RESPONSIBILITY["self-trained"].provider,
      ].join("; "),
      customer: [
        CUSTOMER_RESPONSIBILITY.model,
        SCOPE_RESPONSIBILITY["pre-trained"].customer,
        SCOPE_RESPONSIBILITY["self-trained"].customer,
      ].join("; "),
    });
    expect(model?.controls.map((c) => [c.id, c.inScope])).toEqual([
      ["SAI-MOD-01", "yes"],
      ["SAI-MOD-02", "yes"],
      ["SAI-MOD-03", "yes"],
    ]);
    const network = table.rows.find((row) => row.domain === "network");
    expect(network?.provider).toBe(PROVIDER_RESPONSIBILITY.aws.network);
  });
});
