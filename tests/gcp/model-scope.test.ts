import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

const ACCOUNT = "gcp:serviceaccount/account:Account";
const BUCKET_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
const PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
const ENDPOINT = "gcp:vertex/aiEndpoint:AiEndpoint";

beforeAll(installGcpMocks);

/** Logical names of the training service account's grants. */
function trainingGrants(built: BuiltPlatform): string[] {
  return [...built.ofType(BUCKET_MEMBER), ...built.ofType(PROJECT_MEMBER)]
    .map((r) => r.name)
    .filter((n) => n.includes("-training-"))
    .sort();
}

describe("models[i].scope on Google Cloud", () => {
  it("pre-trained only: no training service account and no training grants", async () => {
    const built = await buildGcp("gpre", gcpArgs({ models: [{ name: "chat", scope: "pre-trained" }] }));
    expect(
      built
        .ofType(ACCOUNT)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["gpre-gateway", "gpre-logs-owner", "gpre-serving"]);
    expect(trainingGrants(built)).toEqual([]);
    expect(Object.keys(built.outputs.workloadIdentities).sort()).toEqual(["gateway", "serving"]);
    expect(built.named(ENDPOINT, "gpre-chat").inputs.labels).toEqual({
      "secure-ai-platform": "gpre",
      "secure-ai-model-scope": "pre-trained",
    });
    expect(built.control("SAI-IAM-01").note).toContain("no training account");
  });

  it("a fine-tuned model beside a pre-trained one: the training account writes only the tuned model's bucket", async () => {
    const built = await buildGcp(
      "gmix",
      gcpArgs({
        models: [
          { name: "chat", scope: "pre-trained" },
          { name: "tuned", scope: "fine-tuned" },
        ],
      }),
    );
    expect(built.named(ACCOUNT, "gmix-training").inputs).toMatchObject({
      description: "Training pipelines: read datasets, write artifacts",
    });
    expect(trainingGrants(built)).toEqual([
      "gmix-training-reads-datasets",
      "gmix-training-vertex",
      "gmix-training-writes-artifacts",
      "gmix-training-writes-tuned",
    ]);
    expect(built.named(BUCKET_MEMBER, "gmix-training-writes-tuned").inputs).toMatchObject({
      role: "roles/storage.objectCreator",
    });
    expect(built.named(BUCKET_MEMBER, "gmix-training-writes-tuned").inputs.member).toMatch(
      /^serviceAccount:.*training/,
    );
    expect(
      (built.named(ENDPOINT, "gmix-tuned").inputs.labels as Record<string, string>)["secure-ai-model-scope"],
    ).toBe("fine-tuned");
  });

  it("the default (fine-tuned) and self-trained build the training account as before", async () => {
    const built = await buildGcp(
      "gdef",
      gcpArgs({ models: [{ name: "chat" }, { name: "own", scope: "self-trained" }] }),
    );
    expect(trainingGrants(built)).toEqual([
      "gdef-training-reads-datasets",
      "gdef-training-vertex",
      "gdef-training-writes-artifacts",
      "gdef-training-writes-chat",
      "gdef-training-writes-own",
    ]);
    expect(Object.keys(built.outputs.workloadIdentities)).toContain("training");
  });
});
