import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsProvider } from "../helpers/aws-mocks";
import { azureProvider } from "../helpers/azure-mocks";
import { gcpProvider } from "../helpers/gcp-mocks";
import type { FakeProvider } from "../helpers/mock-engine";
import { type PluginHost, construct, getSchema, startProviderPlugin } from "../helpers/grpc-engine";

/*
 * SecureAiPlatform as Python, Go, .NET and YAML programs use it: the engine starts provider/ as a plugin, asks
 * for its schema and sends Construct; the component registers its children with the engine's resource monitor.
 * Here the engine and the monitor are mocks, the plugin is the real provider started the engine's way.
 */

const TOKEN = "secure-ai-platform:index:SecureAiPlatform";
const PROJECT = "polyglot";

interface CloudCase {
  cloud: string;
  fake: FakeProvider;
  inputs: Record<string, unknown>;
  /** Child types every platform of this cloud must register. */
  children: string[];
}

const CASES: CloudCase[] = [
  {
    cloud: "aws",
    fake: awsProvider,
    inputs: {
      cloud: "aws",
      aws: { region: "eu-west-1" },
      models: [{ name: "chat", serving: "bedrock" }],
    },
    children: [
      "aws:kms/key:Key",
      "aws:s3/bucket:Bucket",
      "aws:bedrock/guardrail:Guardrail",
      "aws:cloudtrail/trail:Trail",
    ],
  },
  {
    cloud: "gcp",
    fake: gcpProvider,
    inputs: {
      cloud: "gcp",
      gcp: { project: "acme-ai-prod", region: "europe-west4" },
      models: [{ name: "chat" }],
    },
    children: [
      "gcp:kms/cryptoKey:CryptoKey",
      "gcp:storage/bucket:Bucket",
      "gcp:vertex/aiEndpoint:AiEndpoint",
      "gcp:monitoring/alertPolicy:AlertPolicy",
    ],
  },
  {
    cloud: "azure",
    fake: azureProvider,
    inputs: {
      cloud: "azure",
      azure: { location: "swedencentral", tenantId: "11111111-1111-4111-8111-111111111111" },
      models: [{ name: "chat" }],
    },
    children: [
      "azure-native:keyvault:Vault",
      "azure-native:storage:StorageAccount",
      "azure-native:cognitiveservices:Account",
      "azure-native:keyvault:AccessPolicy",
    ],
  },
];

describe.each(CASES)("the provider plugin over gRPC on $cloud", ({ cloud, fake, inputs, children }) => {
  let host: PluginHost;
  let result: { urn: string; state: Record<string, unknown> };

  beforeAll(async () => {
    host = await startProviderPlugin(fake, PROJECT);
    result = await construct(host, PROJECT, TOKEN, `${cloud}-platform`, inputs);
  }, 300_000);

  afterAll(async () => {
    await host?.stop();
  });

  it("serves its schema with SecureAiPlatform as a component", async () => {
    const schema = await getSchema(host);
    expect(schema.name).toBe("secure-ai-platform");
    expect(schema.resources[TOKEN].isComponent).toBe(true);
  });

  it("constructs the component under the caller's stack and returns every output", () => {
    expect(result.urn).toBe(`urn:pulumi:dev::${PROJECT}::${TOKEN}::${cloud}-platform`);
    expect(Object.keys(result.state).sort()).toEqual(
      expect.arrayContaining([
        "controls",
        "keys",
        "modelEndpoints",
        "networkId",
        "storage",
        "workloadIdentities",
      ]),
    );
    const controls = result.state.controls as { id: string; status: string }[];
    expect(controls.length).toBeGreaterThanOrEqual(30);
  });

  it("registers the cloud's children, each parented to the component", () => {
    const types = new Set(host.registered.map((child) => child.type));
    for (const type of children) expect(types, type).toContain(type);
    const component = host.registered.find((child) => child.type === TOKEN);
    expect(component?.custom).toBe(false);
    for (const child of host.registered.filter((c) => c.custom)) {
      expect(child.parent, `${child.type} ${child.name}`).toBe(component?.urn);
    }
  });
});
