import { beforeAll, describe, expect, it } from "vitest";
import { azureArgs, buildAzure, installAzureMocks } from "../helpers/azure-mocks";

const OPENAI = "azure-native:cognitiveservices:Account";
const DEPLOYMENT = "azure-native:cognitiveservices:Deployment";
const WORKSPACE = "azure-native:machinelearningservices:Workspace";
const ONLINE_ENDPOINT = "azure-native:machinelearningservices:OnlineEndpoint";

beforeAll(() => installAzureMocks());

function scopeTag(inputs: Record<string, unknown>): string | undefined {
  return (inputs.tags as Record<string, string> | undefined)?.["secure-ai-model-scope"];
}

describe("models[i].scope on Azure", () => {
  it("tags each model's services with its scope: OpenAI pre-trained, Azure ML fine-tuned or as declared", async () => {
    const built = await buildAzure(
      "zsc",
      azureArgs({
        models: [
          { name: "chat", baseModel: "gpt-35-turbo:0125" },
          { name: "tuned", serving: "ml" },
          { name: "own", serving: "ml", scope: "self-trained" },
        ],
      }),
    );
    expect(built.named(OPENAI, "zsc-model-chat").inputs.tags).toEqual({
      "secure-ai-platform": "zsc",
      "secure-ai-model-scope": "pre-trained",
    });
    expect(scopeTag(built.named(DEPLOYMENT, "zsc-model-chat-deployment").inputs)).toBe("pre-trained");
    expect(scopeTag(built.named(WORKSPACE, "zsc-model-tuned").inputs)).toBe("fine-tuned");
    expect(scopeTag(built.named(ONLINE_ENDPOINT, "zsc-model-tuned-endpoint").inputs)).toBe("fine-tuned");
    expect(scopeTag(built.named(WORKSPACE, "zsc-model-own").inputs)).toBe("self-trained");
  });
});
