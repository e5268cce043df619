/**
 * AWS Bedrock agents and their knowledge-base data sources. Property names verified in
 * node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import type { ResourceFacts } from "../../lib/facts";
import { KEY, cmk } from "./common";

/** Bedrock agents and agent data sources. */
export const AWS_BEDROCK_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:bedrock/agentAgent:AgentAgent",
    service: "bedrock",
    resource: "agentagent",
    title: "Bedrock agents",
    baseline: {
      agentName: "assistant",
      agentResourceRoleArn: "arn:aws:iam::111111111111:role/agent",
      foundationModel: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      customerEncryptionKeyArn: KEY,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "customerEncryptionKeyArn",
            "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents.html",
            { since: "@pulumi/aws v6" },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:bedrock/agentDataSource:AgentDataSource",
    service: "bedrock",
    resource: "agentdatasource",
    title: "Bedrock knowledge-base data sources",
    baseline: {
      knowledgeBaseId: "KB123",
      dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::corpus" } },
      serverSideEncryptionConfiguration: { kmsKeyArn: KEY },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "serverSideEncryptionConfiguration.kmsKeyArn",
            "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-kb.html",
            { since: "@pulumi/aws v6" },
          ),
        ],
      },
    ],
  },
];
