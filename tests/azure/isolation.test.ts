import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiPlatform } from "../../components";
import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { azureArgs, type BuiltPlatform, buildAzure, installAzureMocks } from "../helpers/azure-mocks";
import { bankArgs } from "./fixtures";

/** Inputs that hold physical (globally or RG-unique) names. */
const PHYSICAL_NAME_INPUTS = [
  "vaultName",
  "accountName",
  "workspaceName",
  "endpointName",
  "applicationGatewayName",
];

function physicalNames(built: BuiltPlatform): string[] {
  return built.resources
    .filter((r) => r.type !== "azure-native:storage:BlobServiceProperties" && !r.type.includes("Container"))
    .flatMap((r) => PHYSICAL_NAME_INPUTS.map((key) => r.inputs[key]))
    .filter((name): name is string => typeof name === "string");
}

let first: BuiltPlatform;
let second: BuiltPlatform;

beforeAll(async () => {
  await installAzureMocks();
  first = await buildAzure("alpha", bankArgs());
  second = await buildAzure("beta", bankArgs());
});

describe("Azure instances", () => {
  it("two platforms in one stack share no logical or physical name", () => {
    const logical = (built: BuiltPlatform) => new Set(built.resources.map((r) => `${r.type}::${r.name}`));
    const overlap = [...logical(first)].filter((name) => logical(second).has(name));
    expect(overlap).toEqual([]);
    const names = physicalNames(first);
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(names.filter((name) => physicalNames(second).includes(name))).toEqual([]);
  });

  it("scales per model by a fixed, modest number of resources", async () => {
    const oneModel = await buildAzure("one", azureArgs());
    const tenModels = await buildAzure(
      "ten",
      azureArgs({
        models: Array.from({ length: 10 }, (_, index) => ({
          name: `model-${index}`,
          baseModel: "gpt-35-turbo:0125",
        })),
      }),
    );
    const perModel = (tenModels.resources.length - oneModel.resources.length) / 9;
    expect(Number.isInteger(perModel)).toBe(true);
    // 13 for an OpenAI model: its own RSA 2048 key in the access-policy vault and the access policy of its identity.
    expect(perModel).toBeLessThanOrEqual(13);
  });
});

describe("Azure-specific input errors", () => {
  const cases: [string, SecureAiPlatformArgs, string][] = [
    [
      "tenant",
      azureArgs({ azure: { location: "westeurope", tenantId: "contoso.onmicrosoft.com" } }),
      "azure.tenantId",
    ],
    [
      "location",
      azureArgs({ azure: { location: "West Europe", tenantId: "11111111-1111-4111-8111-111111111111" } }),
      "azure.location",
    ],
    [
      "breakglass",
      azureArgs({ encryption: { breakGlassPrincipals: ["alice@example.com"] } }),
      "encryption.breakGlassPrincipals[0]",
    ],
    [
      "scientist",
      azureArgs({ identity: { dataScientists: ["group:ds@example.com"] } }),
      "identity.dataScientists[0]",
    ],
    [
      "hsm",
      azureArgs({ encryption: { externalKeyStore: "arn:aws:kms:xks" } }),
      "encryption.externalKeyStore",
    ],
    [
      "export",
      azureArgs({ logging: { siem: "export", siemDestination: "projects/p/topics/t" } }),
      "logging.siemDestination",
    ],
  ];
  for (const [label, args, path] of cases) {
    it(`rejects a bad ${label} with SecureAiConfigError at ${path}`, () => {
      expect(() => new SecureAiPlatform(`bad-${label}`, args)).toThrow(
        expect.objectContaining({ name: "SecureAiConfigError", path }),
      );
    });
  }

  it("accepts Entra object IDs, a Managed HSM URI and an Event Hub export", () => {
    expect(
      () =>
        new SecureAiPlatform(
          "good-inputs",
          azureArgs({
            encryption: { externalKeyStore: "https://corp-hsm.managedhsm.azure.net" },
            logging: {
              siem: "export",
              siemDestination:
                "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/soc/providers/Microsoft.EventHub/namespaces/soc-hub/authorizationRules/send",
            },
          }),
        ),
    ).not.toThrow();
  });
});
