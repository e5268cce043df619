import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsProvider } from "../helpers/aws-mocks";
import { azureProvider } from "../helpers/azure-mocks";
import { gcpProvider } from "../helpers/gcp-mocks";
import type { FakeProvider } from "../helpers/mock-engine";
import { type PluginHost, construct, getSchema, startProviderPlugin } from "../helpers/grpc-engine";

/*
 * SecureAiPlatform as Python, Go, .NET and YAML programs use it: the engine starts provider/ as a plugin, asks
 * for its schema and sends Construct; the component registers its children with the engine's resource monitor.
 * Here the engine and the monitor are mocks, the plugin is the real provider started the engine's way. One
 * plugin serves the three clouds' Constructs, as one plugin serves every SecureAiPlatform of a program; the
 * monitor answers each resource with the fake of its cloud.
 */

const TOKEN = "secure-ai-platform:index:SecureAiPlatform";
const PROJECT = "polyglot";

interface CloudCase {
  cloud: string;
  inputs: Record<string, unknown>;
  /** Child types every platform of this cloud must register. */
  children: string[];
}

const CASES: CloudCase[] = [
  {
    cloud: "aws",
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

/** The fake of the cloud a type token (or an explicit provider's `pulumi:providers:<cloud>`) belongs to. */
function fakeOf(token: string): FakeProvider {
  const cloud = token.replace(/^pulumi:providers:/, "").split(":")[0];
  if (cloud === "gcp") return gcpProvider;
  if (cloud === "azure-native") return azureProvider;
  return awsProvider;
}

const anyCloud: FakeProvider = {
  computedState: (type, name, inputs) => fakeOf(type).computedState(type, name, inputs),
  invoke: (token, inputs) => fakeOf(token).invoke(token, inputs),
};

let host: PluginHost;

beforeAll(async () => {
  host = await startProviderPlugin(anyCloud, PROJECT);
}, 300_000);

afterAll(async () => {
  await host?.stop();
});

describe.each(CASES)("the provider plugin over gRPC on $cloud", ({ cloud, inputs, children }) => {
  const name = `${cloud}-platform`;
  let result: { urn: string; state: Record<string, unknown> };
  /** What this Construct registered: the component and the children named after it. */
  const registered = () => host.registered.filter((child) => child.name.startsWith(name));

  beforeAll(async () => {
    result = await construct(host, PROJECT, TOKEN, name, inputs);
  }, 300_000);

  it("serves its schema with SecureAiPlatform as a component", async () => {
    const schema = await getSchema(host);
    expect(schema.name).toBe("secure-ai-platform");
    expect(schema.resources[TOKEN].isComponent).toBe(true);
  });

  it("constructs the component under the caller's stack and returns every output", () => {
    expect(result.urn).toBe(`urn:pulumi:dev::${PROJECT}::${TOKEN}::${name}`);
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
    const types = new Set(registered().map((child) => child.type));
    for (const type of children) expect(types, type).toContain(type);
    const component = registered().find((child) => child.type === TOKEN);
    expect(component?.urn).toBe(result.urn);
    expect(component?.custom).toBe(false);
    for (const child of registered().filter((c) => c.custom)) {
      expect(child.parent, `${child.type} ${child.name}`).toBe(component?.urn);
    }
  });
});

it("registers nothing that is not named after one of the platforms it constructed", () => {
  const names = CASES.map(({ cloud }) => `${cloud}-platform`);
  expect(host.registered.length).toBeGreaterThan(CASES.length);
  expect(
    host.registered.filter((child) => !names.some((name) => child.name.startsWith(name))).map((c) => c.name),
  ).toEqual([]);
});
