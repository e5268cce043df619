/**
 * One program, two clouds: the primary platform on AWS and a second one on Google Cloud (for example for
 * a data-residency or exit-strategy requirement), described by the same cloud-neutral arguments. Each
 * platform gets its own explicit provider, passed with `providers`; every child resource inherits it
 * through its parent, so no resource falls back to an ambient default provider.
 *
 * Outside this repository, import the package by name instead:
 *   import { SecureAiPlatform } from "secure-ai-platform";
 */
import * as pulumi from "@pulumi/pulumi";
import { Provider as AwsProvider } from "@pulumi/aws/provider";
import { Provider as GcpProvider } from "@pulumi/gcp/provider";
import { SecureAiPlatform, type DatasetArgs, type ModelArgs } from "../../components";

const config = new pulumi.Config();
const awsRegion = config.require("awsRegion");
const gcpProject = config.require("gcpProject");
const gcpRegion = config.require("gcpRegion");

const awsProvider = new AwsProvider("aws-primary", { region: awsRegion });
const gcpProvider = new GcpProvider("gcp-secondary", { project: gcpProject, region: gcpRegion });

// The cloud-neutral part, shared by both platforms. Serving is left to each cloud's default.
const models: ModelArgs[] = [{ name: "summarizer" }];
const datasets: DatasetArgs[] = [{ name: "reports", personalData: true, retentionDays: 180 }];
const tags = { application: "summarizer", "deployment-model": "multi-cloud" };

const primary = new SecureAiPlatform(
  "primary",
  { cloud: "aws", aws: { region: awsRegion }, models, datasets, tags },
  { providers: [awsProvider] },
);

const secondary = new SecureAiPlatform(
  "secondary",
  { cloud: "gcp", gcp: { project: gcpProject, region: gcpRegion }, models, datasets, tags },
  { providers: [gcpProvider] },
);

/** Serving endpoints of both platforms. */
export const modelEndpoints = { aws: primary.modelEndpoints, gcp: secondary.modelEndpoints };
/** Evidence per control of both platforms. */
export const controls = { aws: primary.controls, gcp: secondary.controls };
