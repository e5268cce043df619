/**
 * Azure compute, containers, web apps, API Management and network interfaces. Property names and enum
 * values verified in node_modules/@pulumi/azure-native 3.28.
 */
import { atLeast, is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { UNKNOWN, get } from "../../lib/values";
import { publicAccessOff } from "./common";

const DES =
  "/subscriptions/s/resourceGroups/platform/providers/Microsoft.Compute/diskEncryptionSets/platform";
const SSE = "https://learn.microsoft.com/azure/virtual-machines/disk-encryption#customer-managed-keys";
const APIM_PROTOCOLS = "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.";
const OLD_PROTOCOLS = [
  "Protocols.Tls10",
  "Protocols.Tls11",
  "Backend.Protocols.Tls10",
  "Backend.Protocols.Tls11",
];

/** The TLS 1.0 / 1.1 switches of API Management that are not "false" (their key names contain dots). */
function oldProtocolsOn(customProperties: unknown): string | undefined {
  const on = OLD_PROTOCOLS.filter((suffix) => {
    const value = get(customProperties, `${APIM_PROTOCOLS}${suffix}`);
    return value !== UNKNOWN && String(value).toLowerCase() !== "false";
  });
  return on.length === 0
    ? undefined
    : `leaves ${on.map((suffix) => APIM_PROTOCOLS + suffix).join(", ")} on (not "false")`;
}

const APP_TLS = "https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-tls-versions";

/** Azure compute, container, web and network rows. */
export const AZURE_COMPUTE_WEB_FACTS: readonly ResourceFacts[] = [
  {
    type: "azure-native:containerregistry:Registry",
    service: "containerregistry",
    resource: "registry",
    title: "Container registries",
    baseline: {
      resourceGroupName: "platform",
      sku: { name: "Premium" },
      adminUserEnabled: false,
      publicNetworkAccess: "Disabled",
      encryption: {
        status: "enabled",
        keyVaultProperties: { keyIdentifier: "https://platform-kv.vault.azure.net/keys/acr" },
      },
    },
    groups: [
      {
        concern: "auth",
        facts: [
          is(
            "adminUserEnabled",
            false,
            false,
            "the admin user's password grants push and pull",
            "https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account",
            { fix: false },
          ),
        ],
      },
      {
        concern: "public",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/container-registry/container-registry-access-selected-networks#disable-public-network-access",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          oneOf(
            "encryption.status",
            ["enabled"],
            "disabled",
            "images are encrypted with a Microsoft-managed key",
            "https://learn.microsoft.com/azure/container-registry/tutorial-enable-customer-managed-keys",
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:containerservice:ManagedCluster",
    service: "containerservice",
    resource: "managedcluster",
    title: "AKS clusters",
    baseline: {
      resourceGroupName: "platform",
      apiServerAccessProfile: { enablePrivateCluster: true },
      disableLocalAccounts: true,
      aadProfile: { managed: true, enableAzureRBAC: true },
      diskEncryptionSetID: DES,
    },
    groups: [
      {
        concern: "public",
        facts: [
          is(
            "apiServerAccessProfile.enablePrivateCluster",
            true,
            false,
            "the Kubernetes API is reachable from the internet",
            "https://learn.microsoft.com/azure/aks/private-clusters",
          ),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "disableLocalAccounts",
            true,
            false,
            "the local cluster-admin certificate bypasses Entra ID",
            "https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad",
            { fix: true },
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet(
            "diskEncryptionSetID",
            "node disks are encrypted with platform-managed keys",
            "https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys",
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:compute:Disk",
    service: "compute",
    resource: "disk",
    title: "Managed disks",
    baseline: {
      resourceGroupName: "platform",
      creationData: { createOption: "Empty" },
      diskSizeGB: 128,
      encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: DES },
      networkAccessPolicy: "DenyAll",
      publicNetworkAccess: "Disabled",
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "encryption.type",
            ["EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformAndCustomerKeys"],
            "EncryptionAtRestWithPlatformKey",
            "the disk uses a platform-managed key",
            SSE,
          ),
          isSet("encryption.diskEncryptionSetId", "a customer key needs a disk encryption set", SSE),
        ],
      },
      {
        concern: "public",
        facts: [
          oneOf(
            "networkAccessPolicy",
            ["DenyAll", "AllowPrivate"],
            "AllowAll",
            "the disk can be exported through a public SAS URL",
            "https://learn.microsoft.com/azure/virtual-machines/disks-enable-private-links-for-import-export-portal",
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:compute:VirtualMachine",
    service: "compute",
    resource: "virtualmachine",
    title: "Virtual machines",
    baseline: {
      resourceGroupName: "platform",
      storageProfile: {
        osDisk: { createOption: "FromImage", managedDisk: { diskEncryptionSet: { id: DES } } },
        dataDisks: [
          { lun: 0, createOption: "Empty", diskSizeGB: 64, managedDisk: { diskEncryptionSet: { id: DES } } },
        ],
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "storageProfile.osDisk.managedDisk.diskEncryptionSet.id",
            "the OS disk uses a platform-managed key",
            SSE,
          ),
          isSet(
            "storageProfile.dataDisks[].managedDisk.diskEncryptionSet.id",
            "the data disk uses a platform-managed key",
            SSE,
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:web:WebApp",
    alsoTypes: ["azure-native:web:WebAppSlot"],
    service: "web",
    resource: "webapp",
    title: "App Service and Functions apps (web apps, function apps and their slots)",
    baseline: {
      resourceGroupName: "platform",
      serverFarmId: "/subscriptions/s/resourceGroups/platform/providers/Microsoft.Web/serverfarms/plan",
      httpsOnly: true,
      publicNetworkAccess: "Disabled",
      siteConfig: { minTlsVersion: "1.2", scmMinTlsVersion: "1.2", ftpsState: "Disabled" },
    },
    groups: [
      {
        concern: "https",
        facts: [
          is(
            "httpsOnly",
            true,
            false,
            "the app answers plain HTTP",
            "https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https",
            { fix: true },
          ),
          oneOf(
            "siteConfig.ftpsState",
            ["Disabled", "FtpsOnly"],
            undefined,
            "deployments may use plain FTP",
            "https://learn.microsoft.com/azure/app-service/deploy-ftp#enforce-ftps",
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          atLeast(
            "siteConfig.minTlsVersion",
            ["1.0", "1.1", "1.2", "1.3"],
            "1.2",
            "1.2",
            "clients may negotiate TLS 1.0 or 1.1",
            APP_TLS,
          ),
          atLeast(
            "siteConfig.scmMinTlsVersion",
            ["1.0", "1.1", "1.2", "1.3"],
            "1.2",
            "1.2",
            "the deployment (SCM) site accepts TLS 1.0 or 1.1",
            APP_TLS,
          ),
        ],
      },
      {
        concern: "public",
        level: "advisory",
        description:
          "App Service and Functions apps set publicNetworkAccess Disabled and are reached through a private endpoint or a gateway; advisory, because a public front end is often the app's purpose (put it behind a WAF, SAI-NET-05).",
        facts: [
          publicAccessOff(
            "publicNetworkAccess",
            "https://learn.microsoft.com/azure/app-service/overview-private-endpoint",
          ),
        ],
      },
    ],
  },
  {
    type: "azure-native:apimanagement:ApiManagementService",
    service: "apimanagement",
    resource: "service",
    title: "API Management services",
    baseline: {
      resourceGroupName: "platform",
      publisherEmail: "platform@example.com",
      publisherName: "Platform",
      sku: { name: "Premium", capacity: 1 },
      virtualNetworkType: "Internal",
      customProperties: {
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "false",
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11": "false",
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "false",
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "false",
      },
    },
    groups: [
      {
        concern: "public",
        level: "advisory",
        facts: [
          oneOf(
            "virtualNetworkType",
            ["Internal"],
            "None",
            "the gateway is reachable from the internet; front a public API with a WAF",
            "https://learn.microsoft.com/azure/api-management/api-management-using-with-internal-vnet",
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          {
            path: "customProperties",
            expect: {
              kind: "custom",
              describe: "TLS 1.0 and 1.1 switched off for clients and backends",
              test: oldProtocolsOn,
            },
            why: "the gateway negotiates TLS 1.0 or 1.1 unless each is switched off",
            doc: "https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers",
            negative: {},
          },
        ],
      },
    ],
  },
  {
    type: "azure-native:network:NetworkInterface",
    service: "network",
    resource: "networkinterface",
    title: "Network interfaces of workloads",
    baseline: {
      resourceGroupName: "platform",
      ipConfigurations: [
        {
          name: "primary",
          subnet: {
            id: "/subscriptions/s/resourceGroups/platform/providers/Microsoft.Network/virtualNetworks/v/subnets/app",
          },
        },
      ],
    },
    groups: [
      {
        concern: "public-ip",
        facts: [
          {
            path: "ipConfigurations[].publicIPAddress",
            expect: {
              kind: "custom",
              describe: "absent (no public IP address on a workload)",
              test: () => "is set",
            },
            why: "the workload is reachable from the internet",
            doc: "https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses",
            negative: {
              id: "/subscriptions/s/resourceGroups/platform/providers/Microsoft.Network/publicIPAddresses/vm",
            },
          },
        ],
      },
    ],
  },
];
