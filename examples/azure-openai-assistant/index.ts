/**
 * An internal knowledge assistant on Azure OpenAI. The OpenAI account has local (key) authentication off and
 * no public network access: applications reach it through a private endpoint with their managed identity.
 * Keys live in a purge-protected Key Vault; logs go to a Log Analytics workspace onboarded to Sentinel.
 *
 * Outside this repository, import the package by name instead:
 *   import { SecureAiPlatform } from "secure-ai-platform";
 */
import * as pulumi from "@pulumi/pulumi";
import { SecureAiPlatform } from "../../components";

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");

const assistant = new SecureAiPlatform("assistant", {
  cloud: "azure",
  azure: { location, tenantId: config.require("tenantId") },
  models: [{ name: "helpdesk", serving: "openai", baseModel: "gpt-4o-mini" }],
  datasets: [{ name: "kb-articles" }, { name: "conversations", personalData: true, retentionDays: 60 }],
  detection: {
    severityThreshold: "medium",
    notificationEmails: [config.require("responderEmail")],
  },
  tags: { application: "helpdesk-assistant" },
});

/** Azure OpenAI deployment endpoint per model (private). */
export const modelEndpoints = assistant.modelEndpoints;
/** Evidence per control. */
export const controls = assistant.controls;
