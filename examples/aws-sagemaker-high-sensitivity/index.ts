/**
 * A claims-triage model for an insurer, served by Amazon SageMaker from a private VPC. The model is marked
 * high-sensitivity, so its keys and the keys of the data it uses get the strongest protection the backend
 * offers; there is no public API, humans need MFA, and personal data expires after a year.
 *
 * Outside this repository, import the package by name instead:
 *   import { SecureAiPlatform } from "secure-ai-platform";
 */
import * as pulumi from "@pulumi/pulumi";
import { SecureAiPlatform } from "../../components";

const config = new pulumi.Config();
const region = new pulumi.Config("aws").require("region");

const claims = new SecureAiPlatform("claims", {
  cloud: "aws",
  aws: { region },
  models: [
    {
      name: "claims-triage",
      sensitivity: "high",
      serving: "sagemaker",
      // An instance type without local NVMe storage, so the endpoint volume is encrypted with the model's key.
      instanceType: "ml.m5.xlarge",
      // Served once the packaged weights are uploaded there (SageMaker's CreateModel checks the object); a
      // brand-new account leaves this out for the first `pulumi up`, uploads with the publisher role, then sets it.
      artifact: "models/claims-triage/model.tar.gz",
    },
  ],
  datasets: [
    { name: "claims-history", personalData: true, retentionDays: 365 },
    { name: "fraud-labels", personalData: true, retentionDays: 365 },
  ],
  encryption: { rotationDays: 90, hsm: "all" },
  network: { cidr: "10.60.0.0/16", zoneCount: 3 },
  identity: {
    dataScientists: [config.require("dataScientistRoleArn")],
    admins: [config.require("adminRoleArn")],
    requireMfa: true,
  },
  logging: { retentionDays: 2557, auditLockDays: 2557 },
  detection: { severityThreshold: "low" },
  compliance: { frameworks: ["hipaa", "gdpr", "iso27001"] },
  tags: { application: "claims-triage", "data-class": "restricted" },
});

/** SageMaker endpoint per model. */
export const modelEndpoints = claims.modelEndpoints;
/** KMS key IDs by purpose. */
export const keys = claims.keys;
/** Evidence per control. */
export const controls = claims.controls;
