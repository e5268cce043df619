/**
 * Type tokens of the Azure AI resources the SAI-MOD-03 policies examine, verified against `__pulumiType` in
 * node_modules/@pulumi/azure-native 3 (cognitiveservices/deployment.js, raiPolicy.js, subscriptionRaiPolicy.js).
 */
export const AZURE_RAI = {
  deployment: "azure-native:cognitiveservices:Deployment",
  raiPolicy: "azure-native:cognitiveservices:RaiPolicy",
  subscriptionRaiPolicy: "azure-native:cognitiveservices:SubscriptionRaiPolicy",
} as const;
