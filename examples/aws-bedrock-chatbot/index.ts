/**
 * A customer-support chatbot on Amazon Bedrock. The model is reached only through the platform's private
 * network; the one public surface is an HTTPS API on an Application Load Balancer that accepts TLS 1.3 only
 * and sits behind an AWS WAF web ACL with managed rules and a per-client rate limit.
 *
 * Outside this repository, import the package by name instead:
 *   import { SecureAiPlatform } from "secure-ai-platform";
 */
import * as pulumi from "@pulumi/pulumi";
import { SecureAiPlatform } from "../../components";

const config = new pulumi.Config();
const region = new pulumi.Config("aws").require("region");

const chatbot = new SecureAiPlatform("support-bot", {
  cloud: "aws",
  aws: { region },
  models: [
    {
      name: "support-chat",
      serving: "bedrock",
      baseModel: "anthropic.claude-3-haiku-20240307-v1:0",
    },
  ],
  datasets: [
    // Chat transcripts are personal data: lifecycle rules delete them after 30 days.
    { name: "chat-transcripts", personalData: true, retentionDays: 30 },
    // Product documentation the bot answers from; not personal, kept until deleted.
    { name: "product-docs" },
  ],
  transport: { minimumTlsVersion: "1.3" },
  publicApi: {
    enabled: true,
    waf: true,
    // Requests per client IP per five minutes before the WAF blocks it.
    rateLimit: 1000,
    certificate: config.require("certificateArn"),
    domainName: config.require("domainName"),
  },
  detection: {
    severityThreshold: "medium",
    notificationEmails: [config.require("alertEmail")],
  },
  tags: { application: "support-bot", "cost-center": "cx" },
});

/** Public URL of the chatbot API (HTTPS, TLS 1.3 only, behind WAF). */
export const apiUrl = chatbot.publicEndpoint;
/** Bedrock endpoint per model. */
export const modelEndpoints = chatbot.modelEndpoints;
/** Evidence per control: implemented, waived, gap or not applicable, with the resources that prove it. */
export const controls = chatbot.controls;
