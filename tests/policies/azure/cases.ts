/** Azure resource policy fixtures: a compliant baseline per resource type and the properties each policy checks. */
import { azureCdnAfdcustomdomainRequireTls13 } from "../../../policy-packs/secure-ai/policies/azure/cdn-afdcustomdomain-require-tls13";
import { azureCognitiveservicesAccountDisallowLocalAuth } from "../../../policy-packs/secure-ai/policies/azure/cognitiveservices-account-disallow-local-auth";
import { azureCognitiveservicesAccountDisallowPublicNetworkAccess } from "../../../policy-packs/secure-ai/policies/azure/cognitiveservices-account-disallow-public-network-access";
import { azureCognitiveservicesAccountRequireCmk } from "../../../policy-packs/secure-ai/policies/azure/cognitiveservices-account-require-cmk";
import { azureCognitiveservicesAccountRequireOutboundRestriction } from "../../../policy-packs/secure-ai/policies/azure/cognitiveservices-account-require-outbound-restriction";
import { azureKeyvaultKeyLimitRotationPeriod } from "../../../policy-packs/secure-ai/policies/azure/keyvault-key-limit-rotation-period";
import { azureKeyvaultKeyRequireHsm } from "../../../policy-packs/secure-ai/policies/azure/keyvault-key-require-hsm";
import { azureKeyvaultVaultDisallowPublicNetworkAccess } from "../../../policy-packs/secure-ai/policies/azure/keyvault-vault-disallow-public-network-access";
import { azureKeyvaultVaultRequirePurgeProtection } from "../../../policy-packs/secure-ai/policies/azure/keyvault-vault-require-purge-protection";
import { azureKeyvaultVaultRequireRbac } from "../../../policy-packs/secure-ai/policies/azure/keyvault-vault-require-rbac";
import { azureMachinelearningservicesWorkspaceDisallowPublicNetworkAccess } from "../../../policy-packs/secure-ai/policies/azure/machinelearningservices-workspace-disallow-public-network-access";
import { azureMachinelearningservicesWorkspaceRequireCmk } from "../../../policy-packs/secure-ai/policies/azure/machinelearningservices-workspace-require-cmk";
import { azureNetworkApplicationgatewayRequireTls13 } from "../../../policy-packs/secure-ai/policies/azure/network-applicationgateway-require-tls13";
import { azureNetworkApplicationgatewayRequireWaf } from "../../../policy-packs/secure-ai/policies/azure/network-applicationgateway-require-waf";
import { azureNetworkSecurityruleDisallowPublicIngress } from "../../../policy-packs/secure-ai/policies/azure/network-securityrule-disallow-public-ingress";
import { azureStorageAccountDisallowBlobPublicAccess } from "../../../policy-packs/secure-ai/policies/azure/storage-account-disallow-blob-public-access";
import { azureStorageAccountDisallowPublicNetworkAccess } from "../../../policy-packs/secure-ai/policies/azure/storage-account-disallow-public-network-access";
import { azureStorageAccountDisallowSharedKeyAccess } from "../../../policy-packs/secure-ai/policies/azure/storage-account-disallow-shared-key-access";
import { azureStorageAccountRequireCmk } from "../../../policy-packs/secure-ai/policies/azure/storage-account-require-cmk";
import { azureStorageAccountRequireHttpsTls12 } from "../../../policy-packs/secure-ai/policies/azure/storage-account-require-https-tls12";
import { azureStorageAccountRequireInfrastructureEncryption } from "../../../policy-packs/secure-ai/policies/azure/storage-account-require-infrastructure-encryption";
import { azureStorageBlobservicepropertiesRequireSoftDelete } from "../../../policy-packs/secure-ai/policies/azure/storage-blobserviceproperties-require-soft-delete";
import type { PolicyCase } from "../gcp/case-runner";

const VAULT_URI = "https://sai-kv.vault.azure.net/";
const GATEWAY_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationGateways/agw";

/** Compliant baselines written with the provider's own input names (@pulumi/azure-native 3.28). */
export const BASELINES = {
  blobService: {
    resourceGroupName: "rg",
    accountName: "datasets",
    blobServicesName: "default",
    isVersioningEnabled: true,
    deleteRetentionPolicy: { enabled: true, days: 30 },
    containerDeleteRetentionPolicy: { enabled: true, days: 30 },
  },
  storageAccount: {
    resourceGroupName: "rg",
    kind: "StorageV2",
    sku: { name: "Standard_ZRS" },
    encryption: {
      keySource: "Microsoft.Keyvault",
      keyVaultProperties: { keyName: "datasets", keyVaultUri: VAULT_URI },
      requireInfrastructureEncryption: true,
    },
    publicNetworkAccess: "Disabled",
    allowBlobPublicAccess: false,
    allowSharedKeyAccess: false,
    enableHttpsTrafficOnly: true,
    minimumTlsVersion: "TLS1_2",
  },
  vault: {
    resourceGroupName: "rg",
    properties: {
      tenantId: "t",
      sku: { family: "A", name: "premium" },
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      publicNetworkAccess: "Disabled",
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
    },
  },
  key: {
    resourceGroupName: "rg",
    vaultName: "sai-kv",
    keyName: "model-chat",
    tags: { sensitivity: "high" },
    properties: {
      kty: "RSA-HSM",
      keySize: 3072,
      rotationPolicy: {
        attributes: { expiryTime: "P1Y" },
        lifetimeActions: [
          { action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } },
          { action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } },
        ],
      },
    },
  },
  cognitiveAccount: {
    resourceGroupName: "rg",
    kind: "AIServices",
    properties: {
      customSubDomainName: "sai-chat",
      disableLocalAuth: true,
      publicNetworkAccess: "Disabled",
      restrictOutboundNetworkAccess: true,
      allowedFqdnList: ["sai-kv.vault.azure.net"],
      encryption: {
        keySource: "Microsoft.KeyVault",
        keyVaultProperties: { keyName: "model-chat", keyVaultUri: VAULT_URI },
      },
    },
  },
  mlWorkspace: {
    resourceGroupName: "rg",
    publicNetworkAccess: "Disabled",
    encryption: {
      status: "Enabled",
      keyVaultProperties: {
        keyIdentifier: `${VAULT_URI}keys/artifacts`,
        keyVaultArmId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/sai-kv",
      },
    },
  },
  applicationGateway: {
    resourceGroupName: "rg",
    sku: { name: "WAF_v2", tier: "WAF_v2" },
    sslPolicy: { policyType: "CustomV2", minProtocolVersion: "TLSv1_3" },
    firewallPolicy: { id: `${GATEWAY_ID}/waf` },
    frontendIPConfigurations: [
      {
        name: "public",
        publicIPAddress: {
          id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/agw-ip",
        },
      },
    ],
  },
  afdCustomDomain: {
    resourceGroupName: "rg",
    profileName: "edge",
    hostName: "chat.example.com",
    tlsSettings: {
      certificateType: "ManagedCertificate",
      minimumTlsVersion: "TLS13",
      cipherSuiteSetType: "Customized",
    },
  },
  securityRule: {
    resourceGroupName: "rg",
    networkSecurityGroupName: "nsg",
    direction: "Inbound",
    access: "Allow",
    priority: 100,
    protocol: "Tcp",
    sourceAddressPrefix: "VirtualNetwork",
    destinationPortRange: "443",
  },
  subnet: {
    resourceGroupName: "rg",
    virtualNetworkName: "vnet",
    subnetName: "workloads",
    addressPrefix: "10.0.1.0/24",
    defaultOutboundAccess: false,
  },
} as const;

const T = {
  storage: "azure-native:storage:StorageAccount",
  vault: "azure-native:keyvault:Vault",
  key: "azure-native:keyvault:Key",
  cognitive: "azure-native:cognitiveservices:Account",
  ml: "azure-native:machinelearningservices:Workspace",
  gateway: "azure-native:network:ApplicationGateway",
};

/** One entry per Azure resource policy. */
export const AZURE_CASES: readonly PolicyCase[] = [
  {
    policy: azureStorageBlobservicepropertiesRequireSoftDelete,
    type: "azure-native:storage:BlobServiceProperties",
    baseline: BASELINES.blobService,
    negatives: [
      ["isVersioningEnabled", undefined],
      ["isVersioningEnabled", false],
      ["deleteRetentionPolicy", undefined],
      ["deleteRetentionPolicy.enabled", false],
      ["containerDeleteRetentionPolicy.enabled", false],
    ],
    unknownPasses: ["isVersioningEnabled", "deleteRetentionPolicy.enabled"],
  },
  {
    policy: azureStorageAccountRequireCmk,
    type: T.storage,
    baseline: BASELINES.storageAccount,
    negatives: [
      ["encryption", undefined],
      ["encryption.keySource", "Microsoft.Storage"],
      ["encryption.keyVaultProperties", undefined],
      ["encryption.keyVaultProperties.keyVaultUri", ""],
    ],
    unknownPasses: [
      "encryption.keySource",
      "encryption.keyVaultProperties.keyName",
      "encryption.keyVaultProperties",
    ],
    passes: [["encryption.keySource", "microsoft.keyvault"]],
  },
  {
    policy: azureStorageAccountRequireInfrastructureEncryption,
    type: T.storage,
    baseline: BASELINES.storageAccount,
    negatives: [
      ["encryption.requireInfrastructureEncryption", undefined],
      ["encryption.requireInfrastructureEncryption", false],
    ],
    unknownPasses: ["encryption.requireInfrastructureEncryption"],
  },
  {
    policy: azureStorageAccountDisallowPublicNetworkAccess,
    type: T.storage,
    baseline: BASELINES.storageAccount,
    negatives: [
      ["publicNetworkAccess", undefined],
      ["publicNetworkAccess", "Enabled"],
    ],
    unknownPasses: ["publicNetworkAccess"],
    passes: [["publicNetworkAccess", "SecuredByPerimeter"]],
    remediable: ["publicNetworkAccess"],
  },
  {
    policy: azureStorageAccountDisallowBlobPublicAccess,
    type: T.storage,
    baseline: BASELINES.storageAccount,
    negatives: [["allowBlobPublicAccess", true]],
    unknownPasses: ["allowBlobPublicAccess"],
    passes: [["allowBlobPublicAccess", undefined]],
    remediable: ["allowBlobPublicAccess"],
  },
  {
    policy: azureStorageAccountDisallowSharedKeyAccess,
    type: T.storage,
    baseline: BASELINES.storageAccount,
    negatives: [
      ["allowSharedKeyAccess", undefined],
      ["allowSharedKeyAccess", true],
    ],
    unknownPasses: ["allowSharedKeyAccess"],
    remediable: ["allowSharedKeyAccess"],
  },
  {
    policy: azureStorageAccountRequireHttpsTls12,
    type: T.storage,
    baseline: BASELINES.storageAccount,
    negatives: [
      ["minimumTlsVersion", undefined],
      ["minimumTlsVersion", "TLS1_1"],
      ["minimumTlsVersion", "TLS1_3"],
      ["enableHttpsTrafficOnly", false],
    ],
    unknownPasses: ["minimumTlsVersion", "enableHttpsTrafficOnly"],
    passes: [["enableHttpsTrafficOnly", undefined]],
    configured: [
      {
        config: { allowedMinimumTlsVersions: ["TLS1_2", "TLS1_3"] },
        passesWith: ["minimumTlsVersion", "TLS1_3"],
      },
    ],
    remediable: ["minimumTlsVersion", "enableHttpsTrafficOnly"],
  },
  {
    policy: azureKeyvaultVaultRequirePurgeProtection,
    type: T.vault,
    baseline: BASELINES.vault,
    negatives: [
      ["properties.enablePurgeProtection", undefined],
      ["properties.enablePurgeProtection", false],
      ["properties.enableSoftDelete", false],
      ["properties.softDeleteRetentionInDays", 7],
    ],
    unknownPasses: ["properties.enablePurgeProtection", "properties.softDeleteRetentionInDays"],
    passes: [["properties.softDeleteRetentionInDays", undefined]],
    configured: [
      { config: { minSoftDeleteRetentionDays: 7 }, passesWith: ["properties.softDeleteRetentionInDays", 7] },
    ],
    remediable: ["properties.enablePurgeProtection", "properties.enableSoftDelete"],
  },
  {
    policy: azureKeyvaultVaultRequireRbac,
    type: T.vault,
    baseline: BASELINES.vault,
    negatives: [
      ["properties.enableRbacAuthorization", undefined],
      ["properties.enableRbacAuthorization", false],
    ],
    unknownPasses: ["properties.enableRbacAuthorization"],
    remediable: ["properties.enableRbacAuthorization"],
  },
  {
    policy: azureKeyvaultVaultDisallowPublicNetworkAccess,
    type: T.vault,
    baseline: BASELINES.vault,
    negatives: [
      ["properties.publicNetworkAccess", undefined],
      ["properties.publicNetworkAccess", "enabled"],
      ["properties.networkAcls", undefined],
      ["properties.networkAcls.defaultAction", "Allow"],
    ],
    unknownPasses: ["properties.publicNetworkAccess", "properties.networkAcls"],
    passes: [["properties.publicNetworkAccess", "disabled"]],
    remediable: [
      "properties.publicNetworkAccess",
      "properties.networkAcls",
      "properties.networkAcls.defaultAction",
    ],
  },
  {
    policy: azureKeyvaultKeyLimitRotationPeriod,
    type: T.key,
    baseline: BASELINES.key,
    negatives: [
      ["properties.rotationPolicy", undefined],
      [
        "properties.rotationPolicy.lifetimeActions",
        [{ action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } }],
      ],
      [
        "properties.rotationPolicy.lifetimeActions",
        [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P1Y" } }],
      ],
      [
        "properties.rotationPolicy.lifetimeActions",
        [{ action: { type: "Rotate" }, trigger: { timeAfterCreate: "P3M" } }],
      ],
      [
        "properties.rotationPolicy.lifetimeActions",
        [{ action: { type: "rotate" }, trigger: { timeBeforeExpiry: "P30D" } }],
      ],
      [
        "properties.rotationPolicy.lifetimeActions",
        [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "ninety days" } }],
      ],
    ],
    unknownPasses: ["properties.rotationPolicy", "properties.rotationPolicy.lifetimeActions"],
    passes: [
      [
        "properties.rotationPolicy.lifetimeActions",
        [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P12W" } }],
      ],
      ["properties.rotationPolicy.attributes.expiryTime", "P120D"],
    ],
    configured: [{ config: { maxRotationDays: 30 }, failsBaseline: true }],
    remediable: ["properties.rotationPolicy", "properties.rotationPolicy.lifetimeActions"],
  },
  {
    policy: azureKeyvaultKeyRequireHsm,
    type: T.key,
    baseline: BASELINES.key,
    negatives: [
      ["properties.kty", "RSA"],
      ["properties.kty", undefined],
    ],
    unknownPasses: ["properties.kty"],
    passes: [
      ["tags", undefined],
      ["tags.sensitivity", "standard"],
      ["properties.kty", "EC-HSM"],
    ],
    configured: [
      {
        config: { sensitivityLabel: [], highSensitivityKeys: ["res0"] },
        failsWith: ["properties.kty", "RSA"],
      },
    ],
  },
  {
    policy: azureCognitiveservicesAccountRequireCmk,
    type: T.cognitive,
    baseline: BASELINES.cognitiveAccount,
    negatives: [
      ["properties.encryption", undefined],
      ["properties.encryption.keySource", "Microsoft.CognitiveServices"],
      ["properties.encryption.keyVaultProperties.keyName", undefined],
    ],
    unknownPasses: ["properties.encryption.keyVaultProperties.keyName", "properties.encryption.keySource"],
  },
  {
    policy: azureCognitiveservicesAccountDisallowLocalAuth,
    type: T.cognitive,
    baseline: BASELINES.cognitiveAccount,
    negatives: [
      ["properties.disableLocalAuth", undefined],
      ["properties.disableLocalAuth", false],
    ],
    unknownPasses: ["properties.disableLocalAuth"],
    remediable: ["properties.disableLocalAuth"],
  },
  {
    policy: azureCognitiveservicesAccountDisallowPublicNetworkAccess,
    type: T.cognitive,
    baseline: BASELINES.cognitiveAccount,
    negatives: [
      ["properties.publicNetworkAccess", undefined],
      ["properties.publicNetworkAccess", "Enabled"],
    ],
    unknownPasses: ["properties.publicNetworkAccess"],
    remediable: ["properties.publicNetworkAccess"],
  },
  {
    policy: azureCognitiveservicesAccountRequireOutboundRestriction,
    type: T.cognitive,
    baseline: BASELINES.cognitiveAccount,
    negatives: [
      ["properties.restrictOutboundNetworkAccess", undefined],
      ["properties.restrictOutboundNetworkAccess", false],
    ],
    unknownPasses: ["properties.restrictOutboundNetworkAccess"],
  },
  {
    policy: azureMachinelearningservicesWorkspaceRequireCmk,
    type: T.ml,
    baseline: BASELINES.mlWorkspace,
    negatives: [
      ["encryption", undefined],
      ["encryption.status", "Disabled"],
      ["encryption.keyVaultProperties.keyIdentifier", ""],
      ["encryption.keyVaultProperties.keyVaultArmId", undefined],
    ],
    unknownPasses: ["encryption.keyVaultProperties.keyIdentifier", "encryption.status"],
  },
  {
    policy: azureMachinelearningservicesWorkspaceDisallowPublicNetworkAccess,
    type: T.ml,
    baseline: BASELINES.mlWorkspace,
    negatives: [
      ["publicNetworkAccess", undefined],
      ["publicNetworkAccess", "Enabled"],
    ],
    unknownPasses: ["publicNetworkAccess"],
    remediable: ["publicNetworkAccess"],
  },
  {
    policy: azureNetworkApplicationgatewayRequireTls13,
    type: T.gateway,
    baseline: BASELINES.applicationGateway,
    negatives: [
      ["sslPolicy", undefined],
      ["sslPolicy", { policyType: "Predefined", policyName: "AppGwSslPolicy20220101S" }],
      ["sslPolicy.minProtocolVersion", "TLSv1_2"],
      ["sslPolicy.policyType", "Custom"],
      [
        "sslProfiles",
        [{ name: "legacy", sslPolicy: { policyType: "CustomV2", minProtocolVersion: "TLSv1_2" } }],
      ],
    ],
    unknownPasses: ["sslPolicy", "sslPolicy.minProtocolVersion"],
    passes: [
      [
        "sslProfiles",
        [{ name: "clients", sslPolicy: { policyType: "CustomV2", minProtocolVersion: "TLSv1_3" } }],
      ],
    ],
    remediable: ["sslPolicy", "sslPolicy.minProtocolVersion", "sslPolicy.policyType"],
  },
  {
    policy: azureNetworkApplicationgatewayRequireWaf,
    type: T.gateway,
    baseline: BASELINES.applicationGateway,
    negatives: [
      ["firewallPolicy", undefined],
      ["firewallPolicy.id", ""],
    ],
    unknownPasses: ["firewallPolicy", "firewallPolicy.id"],
    passes: [
      ["frontendIPConfigurations", [{ name: "private", privateIPAddress: "10.0.2.10", subnet: { id: "s" } }]],
    ],
  },
  {
    policy: azureCdnAfdcustomdomainRequireTls13,
    type: "azure-native:cdn:AFDCustomDomain",
    baseline: BASELINES.afdCustomDomain,
    negatives: [
      ["tlsSettings.minimumTlsVersion", "TLS12"],
      ["tlsSettings.minimumTlsVersion", undefined],
      ["tlsSettings", undefined],
    ],
    unknownPasses: ["tlsSettings", "tlsSettings.minimumTlsVersion"],
  },
  {
    policy: azureNetworkSecurityruleDisallowPublicIngress,
    type: "azure-native:network:SecurityRule",
    baseline: BASELINES.securityRule,
    negatives: [
      ["sourceAddressPrefix", "*"],
      ["sourceAddressPrefix", "Internet"],
      ["sourceAddressPrefix", "0.0.0.0/0"],
      ["sourceAddressPrefixes", ["10.0.0.0/8", "::/0"]],
    ],
    unknownPasses: ["sourceAddressPrefix"],
    passes: [
      ["direction", "Outbound"],
      ["access", "Deny"],
    ],
    configured: [
      { config: { allowedPublicPorts: ["443"] }, passesWith: ["sourceAddressPrefix", "Internet"] },
      { config: { allowedPublicPorts: ["80"] }, failsWith: ["sourceAddressPrefix", "Internet"] },
    ],
  },
];
