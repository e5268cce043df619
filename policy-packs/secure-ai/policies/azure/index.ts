/** The Azure policies of the pack. Adding a policy: one file in this folder plus one line here. */
import { azureFactPolicies } from "./facts";
import type { SecureAiPolicy } from "../lib";
import { azureCdnAfdcustomdomainRequireTls13 } from "./cdn-afdcustomdomain-require-tls13";
import { azureCognitiveservicesAccountDisallowLocalAuth } from "./cognitiveservices-account-disallow-local-auth";
import { azureCognitiveservicesAccountDisallowPublicNetworkAccess } from "./cognitiveservices-account-disallow-public-network-access";
import { azureCognitiveservicesAccountRequireCmk } from "./cognitiveservices-account-require-cmk";
import { azureCognitiveservicesAccountRequireOutboundRestriction } from "./cognitiveservices-account-require-outbound-restriction";
import { azureCognitiveservicesAccountRequireSystemIdentityForCmk } from "./cognitiveservices-account-require-system-identity-for-cmk";
import { azureCognitiveservicesDeploymentRequireBlockingRaiPolicy } from "./cognitiveservices-deployment-require-blocking-rai-policy";
import { azureCognitiveservicesRaipolicyRequirePromptShields } from "./cognitiveservices-raipolicy-require-prompt-shields";
import { azureKeyvaultKeyLimitRotationPeriod } from "./keyvault-key-limit-rotation-period";
import { azureKeyvaultKeyRequireHsm } from "./keyvault-key-require-hsm";
import { azureKeyvaultKeyRequireRsa2048ForOpenai } from "./keyvault-key-require-rsa2048-for-openai";
import { azureKeyvaultVaultDisallowPublicNetworkAccess } from "./keyvault-vault-disallow-public-network-access";
import { azureKeyvaultVaultRequireDiagnosticSettings } from "./keyvault-vault-require-diagnostic-settings";
import { azureKeyvaultVaultRequirePurgeProtection } from "./keyvault-vault-require-purge-protection";
import { azureKeyvaultVaultRequireRbac } from "./keyvault-vault-require-rbac";
import { azureMachinelearningservicesWorkspaceDisallowPublicNetworkAccess } from "./machinelearningservices-workspace-disallow-public-network-access";
import { azureMachinelearningservicesWorkspaceRequireCmk } from "./machinelearningservices-workspace-require-cmk";
import { azureNetworkApplicationgatewayRequireTls13 } from "./network-applicationgateway-require-tls13";
import { azureNetworkApplicationgatewayRequireWaf } from "./network-applicationgateway-require-waf";
import { azureNetworkPublicipaddressLimitToGateways } from "./network-publicipaddress-limit-to-gateways";
import { azureNetworkSecurityruleDisallowPublicIngress } from "./network-securityrule-disallow-public-ingress";
import { azureNetworkSubnetDisallowDefaultOutboundAccess } from "./network-subnet-disallow-default-outbound-access";
import { azureSecurityPricingRequireDefenderPlans } from "./security-pricing-require-defender-plans";
import { azureSecurityinsightsOnboardingRequireSentinel } from "./securityinsights-onboarding-require-sentinel";
import { azureStorageAccountDisallowBlobPublicAccess } from "./storage-account-disallow-blob-public-access";
import { azureStorageAccountDisallowPublicNetworkAccess } from "./storage-account-disallow-public-network-access";
import { azureStorageAccountDisallowSharedKeyAccess } from "./storage-account-disallow-shared-key-access";
import { azureStorageAccountRequireCmk } from "./storage-account-require-cmk";
import { azureStorageAccountRequireHttpsTls12 } from "./storage-account-require-https-tls12";
import { azureStorageAccountRequireInfrastructureEncryption } from "./storage-account-require-infrastructure-encryption";
import { azureStorageAccountRequirePersonalDataExpiry } from "./storage-account-require-personal-data-expiry";
import { azureStorageBlobservicepropertiesRequireSoftDelete } from "./storage-blobserviceproperties-require-soft-delete";
import { azureAuthorizationRoleassignmentDisallowDataScientistWrite } from "./authorization-roleassignment-disallow-data-scientist-write";
import { azureAuthorizationRoleassignmentDisallowPrivilegedRoles } from "./authorization-roleassignment-disallow-privileged-roles";
import { azureKeyvaultKeyLimitToOneModel } from "./keyvault-key-limit-to-one-model";
import { azureMonitorActiongroupRequireFindingsRoute } from "./monitor-actiongroup-require-findings-route";
import { azureMonitorScheduledqueryruleRequireActions } from "./monitor-scheduledqueryrule-require-actions";
import { azureNetworkSubnetRequireNsg } from "./network-subnet-require-nsg";
import { azureSecurityinsightsScheduledalertruleRequireIncidents } from "./securityinsights-scheduledalertrule-require-incidents";

/** Every Azure policy, resource policies first, then stack policies. */
export const azurePolicies: readonly SecureAiPolicy[] = [
  azureCdnAfdcustomdomainRequireTls13,
  azureCognitiveservicesAccountDisallowLocalAuth,
  azureCognitiveservicesAccountDisallowPublicNetworkAccess,
  azureCognitiveservicesAccountRequireCmk,
  azureCognitiveservicesAccountRequireOutboundRestriction,
  azureCognitiveservicesAccountRequireSystemIdentityForCmk,
  azureCognitiveservicesDeploymentRequireBlockingRaiPolicy,
  azureCognitiveservicesRaipolicyRequirePromptShields,
  azureAuthorizationRoleassignmentDisallowPrivilegedRoles,
  azureKeyvaultKeyLimitRotationPeriod,
  azureKeyvaultKeyRequireHsm,
  azureKeyvaultVaultDisallowPublicNetworkAccess,
  azureKeyvaultVaultRequirePurgeProtection,
  azureKeyvaultVaultRequireRbac,
  azureMachinelearningservicesWorkspaceDisallowPublicNetworkAccess,
  azureMachinelearningservicesWorkspaceRequireCmk,
  azureMonitorScheduledqueryruleRequireActions,
  azureNetworkApplicationgatewayRequireTls13,
  azureNetworkApplicationgatewayRequireWaf,
  azureNetworkSecurityruleDisallowPublicIngress,
  azureNetworkSubnetDisallowDefaultOutboundAccess,
  azureNetworkSubnetRequireNsg,
  azureStorageAccountDisallowBlobPublicAccess,
  azureStorageAccountDisallowPublicNetworkAccess,
  azureStorageAccountDisallowSharedKeyAccess,
  azureStorageAccountRequireCmk,
  azureStorageAccountRequireHttpsTls12,
  azureStorageAccountRequireInfrastructureEncryption,
  azureStorageBlobservicepropertiesRequireSoftDelete,
  azureSecurityinsightsScheduledalertruleRequireIncidents,
  azureKeyvaultVaultRequireDiagnosticSettings,
  azureNetworkPublicipaddressLimitToGateways,
  azureSecurityPricingRequireDefenderPlans,
  azureSecurityinsightsOnboardingRequireSentinel,
  azureStorageAccountRequirePersonalDataExpiry,
  azureKeyvaultKeyLimitToOneModel,
  azureKeyvaultKeyRequireRsa2048ForOpenai,
  azureMonitorActiongroupRequireFindingsRoute,
  azureAuthorizationRoleassignmentDisallowDataScientistWrite,
  // per-resource facts (./facts): keys, TLS, HTTPS, public access, local auth
  ...azureFactPolicies,
];
