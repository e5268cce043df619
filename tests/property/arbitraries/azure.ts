/** Valid Azure arguments: the neutral rules plus `components/azure/validate.ts` (GUIDs, Key Vault, Event Hub). */
import fc from "fast-check";
import type { ModelArgs } from "../../../components/spec/args";
import {
  type GeneratedSpec,
  caBundle,
  compact,
  compliance,
  datasets,
  detection,
  federatedWorkloads,
  maybe,
  models,
  privateCidr,
  resourceName,
  tags,
  waiversFor,
  weakenedControls,
  weakenings,
} from "./common";

/**
 * Locations where the default OpenAI model (gpt-4o-mini 2024-07-18) has a regional Standard deployment; in
 * others the spec must name a model (a SecureAiConfigError, tested in tests/azure).
 */
const LOCATIONS = ["swedencentral", "eastus2", "westus3", "northcentralus"] as const;
const guid = fc.uuid({ version: 4 });
const vaultName = fc.stringMatching(/^[a-z][a-z0-9-]{1,20}[a-z0-9]$/);

/** Entra object IDs. */
const objectIds = maybe(fc.uniqueArray(guid, { maxLength: 2 }));

/** OpenAI model names or Azure ML instance sizes. */
function modelExtras(serving: string | undefined): fc.Arbitrary<Partial<ModelArgs>> {
  if (serving === "ml") {
    return fc.record({ instanceType: maybe(fc.constantFrom("Standard_DS3_v2", "Standard_E4s_v3")) });
  }
  return fc.record({});
}

/** A valid Azure spec. */
export const azureSpec: fc.Arbitrary<GeneratedSpec> = fc
  .record({
    name: resourceName(),
    location: fc.constantFrom(...LOCATIONS),
    tenantId: guid,
    subscription: guid,
    resourceGroupName: maybe(fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}[a-zA-Z0-9]$/)),
    models: models(["openai", "ml"], modelExtras),
    datasets,
    weak: weakenings,
    publicApi: fc.boolean(),
    existingNetwork: fc.boolean(),
    hsmAll: maybe(fc.constantFrom("high-sensitivity", "all")),
    useManagedHsm: fc.boolean(),
    hsmName: vaultName,
    breakGlass: objectIds,
    dataScientists: objectIds,
    admins: objectIds,
    federated: federatedWorkloads,
    cidr: maybe(privateCidr),
    zoneCount: maybe(fc.integer({ min: 1, max: 3 })),
    subnetNames: fc.uniqueArray(resourceName(), { minLength: 2, maxLength: 3 }),
    siemExport: fc.boolean(),
    retention: maybe(fc.integer({ min: 1, max: 3653 })),
    lock: maybe(fc.integer({ min: 1, max: 3650 })),
    rateLimit: maybe(fc.integer({ min: 100, max: 2_000_000 })),
    vault: vaultName,
    secretName: resourceName(),
    domainName: maybe(resourceName(20).map((label) => `${label}.example.com`)),
    mutualTls: fc.boolean(),
    caBundle,
    detection,
    compliance,
    tags,
    rotationDays: maybe(fc.integer({ min: 1, max: 90 })),
  })
  .chain((draw) => {
    const weakened = weakenedControls(draw.weak, draw.publicApi);
    const group = `/subscriptions/${draw.subscription}/resourceGroups/network-rg`;
    const vnet = `${group}/providers/Microsoft.Network/virtualNetworks/shared-vnet`;
    return waiversFor(weakened).map((waivers): GeneratedSpec => ({
      name: draw.name,
      weakened,
      args: compact({
        cloud: "azure",
        azure: compact({
          location: draw.location,
          tenantId: draw.tenantId,
          resourceGroupName: draw.resourceGroupName,
        }),
        models: draw.models,
        datasets: draw.datasets,
        encryption: compact({
          rotationDays: draw.rotationDays,
          hsm: draw.hsmAll,
          breakGlassPrincipals: draw.breakGlass,
          externalKeyStore: draw.useManagedHsm ? `https://${draw.hsmName}.managedhsm.azure.net` : undefined,
        }),
        transport: compact({
          minimumTlsVersion: draw.weak.tls12 ? "1.2" : undefined,
          mutualTls:
            draw.publicApi && draw.mutualTls ? { enabled: true, caBundle: draw.caBundle } : undefined,
        }),
        network: draw.existingNetwork
          ? {
              existing: {
                networkId: vnet,
                subnetIds: draw.subnetNames.map((subnet) => `${vnet}/subnets/${subnet}`),
              },
            }
          : compact({ cidr: draw.cidr, zoneCount: draw.zoneCount }),
        identity: compact({
          dataScientists: draw.dataScientists,
          admins: draw.admins,
          requireMfa: draw.weak.mfaOff ? false : undefined,
          federatedWorkloads: draw.federated,
        }),
        logging: compact({
          retentionDays: draw.retention,
          auditLockDays: draw.lock,
          siem: draw.weak.siemNone ? "none" : draw.siemExport ? "export" : undefined,
          siemDestination:
            !draw.weak.siemNone && draw.siemExport
              ? `/subscriptions/${draw.subscription}/resourceGroups/siem-rg/providers/Microsoft.EventHub/namespaces/siem-ns/authorizationRules/send`
              : undefined,
        }),
        detection: draw.detection,
        publicApi: draw.publicApi
          ? compact({
              enabled: true,
              waf: draw.weak.wafOff ? false : undefined,
              rateLimit: draw.rateLimit,
              certificate: `https://${draw.vault}.vault.azure.net/secrets/${draw.secretName}`,
              // The vault holding it, whose secret the gateway's identity is granted read on.
              certificateVaultId: `/subscriptions/${draw.subscription}/resourceGroups/certs-rg/providers/Microsoft.KeyVault/vaults/${draw.vault}`,
              domainName: draw.domainName,
            })
          : undefined,
        compliance: draw.compliance,
        waivers,
        tags: draw.tags,
      }),
    }));
  });
