/**
 * Azure Native type tokens the policies match on, as strings, so the pack never loads @pulumi/azure-native.
 * Verified against `__pulumiType` in node_modules/@pulumi/azure-native 3.28.
 */
export const AZURE = {
  keyVault: "azure-native:keyvault:Vault",
  keyVaultKey: "azure-native:keyvault:Key",
  storageAccount: "azure-native:storage:StorageAccount",
  storageBlobService: "azure-native:storage:BlobServiceProperties",
  storageManagementPolicy: "azure-native:storage:ManagementPolicy",
  cognitiveAccount: "azure-native:cognitiveservices:Account",
  mlWorkspace: "azure-native:machinelearningservices:Workspace",
  applicationGateway: "azure-native:network:ApplicationGateway",
  networkSecurityGroup: "azure-native:network:NetworkSecurityGroup",
  securityRule: "azure-native:network:SecurityRule",
  publicIpAddress: "azure-native:network:PublicIPAddress",
  subnet: "azure-native:network:Subnet",
  privateEndpoint: "azure-native:network:PrivateEndpoint",
  virtualNetwork: "azure-native:network:VirtualNetwork",
  frontDoorCustomDomain: "azure-native:cdn:AFDCustomDomain",
  defenderPricing: "azure-native:security:Pricing",
  sentinelOnboarding: "azure-native:securityinsights:SentinelOnboardingState",
  diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
  roleAssignment: "azure-native:authorization:RoleAssignment",
} as const;

/** Resources that hold data, keys or models: the Azure stack policies speak only about stacks with one. */
export const AZURE_DATA_TYPES: readonly string[] = [
  AZURE.keyVault,
  AZURE.keyVaultKey,
  AZURE.storageAccount,
  AZURE.cognitiveAccount,
  AZURE.mlWorkspace,
];
