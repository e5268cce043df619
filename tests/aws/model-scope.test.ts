import { beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNT_ID,
  DEPLOYER_ARN,
  awsArgs,
  buildAws,
  installAwsMocks,
  parsePolicy,
} from "../helpers/aws-mocks";

const ROLE = "aws:iam/role:Role";

beforeAll(installAwsMocks);

const DEPLOYER_TRUST = {
  Sid: "DeployerAssumesPublisher",
  Effect: "Allow",
  Principal: { AWS: [DEPLOYER_ARN] },
  Action: "sts:AssumeRole",
};
const TRAINING_TRUST = {
  Sid: "SageMakerTrainingAssumesPublisher",
  Effect: "Allow",
  Principal: { Service: ["sagemaker.amazonaws.com"] },
  Action: "sts:AssumeRole",
  Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT_ID } },
};

describe("models[i].scope on AWS", () => {
  it("pre-trained only (Bedrock): SageMaker training jobs may not assume the publisher role", async () => {
    const built = await buildAws("scpre", awsArgs({ models: [{ name: "chat", serving: "bedrock" }] }));
    const trust = parsePolicy(built.named(ROLE, "scpre-publisher-role").inputs.assumeRolePolicy);
    expect(trust.Statement).toEqual([DEPLOYER_TRUST]);
    expect(built.named("aws:bedrock/guardrail:Guardrail", "scpre-chat-guardrail").inputs.tags).toEqual({
      "secure-ai-platform": "scpre",
      "secure-ai-model-scope": "pre-trained",
    });
  });

  it("a SageMaker model declared pre-trained trains nothing either", async () => {
    const built = await buildAws(
      "scsm",
      awsArgs({
        models: [{ name: "assistant", scope: "pre-trained", artifact: "models/assistant/model.tar.gz" }],
      }),
    );
    const trust = parsePolicy(built.named(ROLE, "scsm-publisher-role").inputs.assumeRolePolicy);
    expect(trust.Statement).toEqual([DEPLOYER_TRUST]);
    expect(built.named("aws:sagemaker/model:Model", "scsm-assistant").inputs.tags).toEqual({
      "secure-ai-platform": "scsm",
      "secure-ai-model-scope": "pre-trained",
    });
  });

  it("fine-tuned (the SageMaker default): training jobs of the account may assume the publisher role", async () => {
    const built = await buildAws(
      "scft",
      awsArgs({
        models: [
          { name: "chat", serving: "bedrock" },
          { name: "assistant", artifact: "models/assistant/model.tar.gz" },
        ],
      }),
    );
    const trust = parsePolicy(built.named(ROLE, "scft-publisher-role").inputs.assumeRolePolicy);
    expect(trust.Statement).toEqual([DEPLOYER_TRUST, TRAINING_TRUST]);
    const scopeTag = (type: string, name: string) =>
      (built.named(type, name).inputs.tags as Record<string, string>)["secure-ai-model-scope"];
    expect(scopeTag("aws:sagemaker/model:Model", "scft-assistant")).toBe("fine-tuned");
    expect(
      scopeTag("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "scft-assistant-config"),
    ).toBe("fine-tuned");
    expect(scopeTag("aws:sagemaker/endpoint:Endpoint", "scft-assistant-endpoint")).toBe("fine-tuned");
    expect(scopeTag("aws:bedrock/guardrail:Guardrail", "scft-chat-guardrail")).toBe("pre-trained");
  });

  it("self-trained: the same training trust", async () => {
    const built = await buildAws(
      "scst",
      awsArgs({
        models: [{ name: "assistant", scope: "self-trained", artifact: "models/assistant/model.tar.gz" }],
      }),
    );
    const trust = parsePolicy(built.named(ROLE, "scst-publisher-role").inputs.assumeRolePolicy);
    expect(trust.Statement).toEqual([DEPLOYER_TRUST, TRAINING_TRUST]);
  });
});
