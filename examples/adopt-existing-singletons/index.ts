/**
 * Platforms that move into accounts and subscriptions where the central security team already owns the
 * per-account singletons. Creating a second GuardDuty detector, Security Hub, Defender plan or Sentinel
 * onboarding would fail or fight theirs, so each is `adopt`ed: the platform relies on the existing one,
 * builds everything else (keys, storage, network, serving, audit, finding routing), and the evidence says
 * which controls rest on the adopted services.
 *
 * The policy pack is told the same thing through its config (policy-config.json), so its account-level
 * checks do not ask for singletons this stack deliberately does not own.
 *
 * Outside this repository, import the package by name instead:
 *   import { SecureAiPlatform } from "secure-ai-platform";
 */
import * as pulumi from "@pulumi/pulumi";
import { SecureAiPlatform } from "../../components";

const config = new pulumi.Config();

const awsPlatform = new SecureAiPlatform("landing-aws", {
  cloud: "aws",
  aws: { region: config.require("awsRegion") },
  models: [{ name: "doc-classifier", serving: "bedrock" }],
  detection: {
    singletons: {
      threatDetection: "adopt", // the organisation's delegated GuardDuty administrator
      postureManagement: "adopt", // Security Hub with the central standards
      modelInvocationLogging: "adopt", // Bedrock invocation logging, a per-region account setting
    },
  },
});

const azurePlatform = new SecureAiPlatform("landing-azure", {
  cloud: "azure",
  azure: {
    location: config.require("azureLocation"),
    tenantId: config.require("azureTenantId"),
    resourceGroupName: config.require("azureResourceGroup"),
  },
  // westeurope offers no regional Standard gpt-4o-mini 2024-07-18 (the default): name a model it offers,
  // as the bundled azure-prod stack does (Azure OpenAI model availability tables).
  models: [{ name: "doc-classifier", serving: "openai", baseModel: "gpt-35-turbo:0125" }],
  detection: {
    singletons: {
      threatDetection: "adopt", // Defender for Cloud plans set by the subscription's owners
      postureManagement: "adopt", // Defender CSPM
      siemOnboarding: "adopt", // the SOC's Sentinel workspace onboarding
      auditConfig: "adopt", // the subscription activity-log export
    },
  },
});

/** Evidence per control; adopted singletons show as implemented with an "adopted" note. */
export const controls = { aws: awsPlatform.controls, azure: azurePlatform.controls };
