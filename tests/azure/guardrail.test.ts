import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError } from "../../components/errors";
import { SecureAiPlatform } from "../../components/platform";
import { azureArgs, buildAzure, installAzureMocks } from "../helpers/azure-mocks";

const RAI = "azure-native:cognitiveservices:RaiPolicy";

beforeAll(() => installAzureMocks());

/** The content filters of an RAI policy whose harm categories are filtered from `threshold` severity. */
function contentFilters(threshold: string) {
  return [
    ...["Hate", "Sexual", "Violence", "Selfharm"].flatMap((name) =>
      ["Prompt", "Completion"].map((source) => ({
        name,
        source,
        enabled: true,
        blocking: true,
        severityThreshold: threshold,
      })),
    ),
    { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
    { name: "Indirect Attack", source: "Prompt", enabled: true, blocking: true },
    { name: "Protected Material Text", source: "Completion", enabled: true, blocking: true },
    { name: "Protected Material Code", source: "Completion", enabled: true, blocking: true },
  ];
}

describe("SAI-MOD-03 on Azure: RAI policies with Prompt Shields", () => {
  it("attaches to each OpenAI deployment a synchronous RAI policy blocking from Low severity with both Prompt Shields", async () => {
    const built = await buildAzure(
      "rai",
      azureArgs({ models: [{ name: "chat", baseModel: "gpt-35-turbo:0125" }] }),
    );
    const policy = built.named(RAI, "rai-model-chat-filter");
    expect(policy.inputs.raiPolicyName).toBe("secure-ai-filter");
    expect(policy.inputs.properties).toEqual({
      basePolicyName: "Microsoft.DefaultV2",
      mode: "Default",
      contentFilters: contentFilters("Low"),
    });
    const evidence = built.control("SAI-MOD-03");
    expect(evidence.status).toBe("gap");
    expect(evidence.resources).toEqual([expect.stringMatching(/::rai-model-chat-filter$/)]);
    expect(evidence.note).toContain("Prompt Shields blocking Jailbreak and Indirect Attack");
    expect(evidence.note).toContain("severity chat from Low");
    expect(evidence.note).toContain("no sensitive-data filter: Azure OpenAI's PII filter is a preview");
  });

  it("raises the threshold only under a SAI-MOD-03 waiver and reports Azure ML models without a filter", async () => {
    const built = await buildAzure(
      "raiw",
      azureArgs({
        models: [
          { name: "chat", guardrailStrength: "low", baseModel: "gpt-35-turbo:0125" },
          { name: "scorer", serving: "ml" },
        ],
        waivers: [{ control: "SAI-MOD-03", reason: "red-team sandbox, internal users only" }],
      }),
    );
    expect(built.ofType(RAI).map((r) => r.name)).toEqual(["raiw-model-chat-filter"]);
    expect(built.named(RAI, "raiw-model-chat-filter").inputs.properties).toMatchObject({
      contentFilters: contentFilters("High"),
    });
    const evidence = built.control("SAI-MOD-03");
    expect(evidence.status).toBe("waived");
    expect(evidence.note).toMatch(/^waived: red-team sandbox, internal users only; /);
    expect(evidence.note).toContain("Azure ML online endpoints (models scorer) have no content filter");
  });

  it("rejects a weaker guardrail without a waiver, naming the argument", () => {
    const build = () =>
      new SecureAiPlatform("raibad", azureArgs({ models: [{ name: "chat", guardrailStrength: "medium" }] }));
    expect(build).toThrow(SecureAiConfigError);
    expect(build).toThrow(/models\[0\]\.guardrailStrength: received "medium"; .*SAI-MOD-03/);
  });
});
