/** The AWS policies of the pack. Adding a policy: one file in this folder plus one line here. */
import type { SecureAiPolicy } from "../lib";
import { awsEc2SecuritygroupRequireWafForPublicHttps } from "./ec2-securitygroup-require-waf-for-public-https";
import { awsEcrRepositorypolicyDisallowPublicPrincipal } from "./ecr-repositorypolicy-disallow-public-principal";
import { awsFactPolicies } from "./facts";
import { awsApigatewayDomainnameRequireTls13 } from "./apigateway-domainname-require-tls13";
import { awsApigatewayRestapiRequireTls13 } from "./apigateway-restapi-require-tls13";
import { awsBedrockCustommodelRequireCmk } from "./bedrock-custommodel-require-cmk";
import { awsBedrockGuardrailRequireCmk } from "./bedrock-guardrail-require-cmk";
import { awsBedrockAgentagentRequireGuardrail } from "./bedrock-agentagent-require-guardrail";
import { awsBedrockAgentflowRequireGuardrail } from "./bedrock-agentflow-require-guardrail";
import { awsBedrockAgentknowledgebaseRequireGuardrail } from "./bedrock-agentknowledgebase-require-guardrail";
import { awsCloudfrontDistributionRequireTls13 } from "./cloudfront-distribution-require-tls13";
import { awsCloudtrailAccountRequireTrail } from "./cloudtrail-account-require-trail";
import { awsCloudtrailTrailRequireIntegrity } from "./cloudtrail-trail-require-integrity";
import { awsCloudwatchEventruleRequireFindingsRoute } from "./cloudwatch-eventrule-require-findings-route";
import { awsCloudwatchLoggroupRequireCmk } from "./cloudwatch-loggroup-require-cmk";
import { awsEc2SecuritygroupDisallowPublicIngress } from "./ec2-securitygroup-disallow-public-ingress";
import { awsEc2SubnetDisallowPublicIpOnLaunch } from "./ec2-subnet-disallow-public-ip-on-launch";
import { awsGuarddutyAccountRequireDetector } from "./guardduty-account-require-detector";
import { awsKmsKeyDisallowPublicPolicy } from "./kms-key-disallow-public-policy";
import { awsKmsKeyLimitDeletionWindow } from "./kms-key-limit-deletion-window";
import { awsKmsKeyRequireHsm } from "./kms-key-require-hsm";
import { awsKmsKeyRequireRotation } from "./kms-key-require-rotation";
import { awsLbListenerRequireTls13 } from "./lb-listener-require-tls13";
import { awsS3BucketDisallowForceDestroy } from "./s3-bucket-disallow-force-destroy";
import { awsS3BucketRequireAuditLogObjectLock } from "./s3-bucket-require-audit-log-object-lock";
import { awsS3BucketRequireCmkEncryption } from "./s3-bucket-require-cmk-encryption";
import { awsS3BucketRequirePersonalDataExpiry } from "./s3-bucket-require-personal-data-expiry";
import { awsS3BucketRequirePublicAccessBlock } from "./s3-bucket-require-public-access-block";
import { awsS3BucketRequireTlsOnlyPolicy } from "./s3-bucket-require-tls-only-policy";
import { awsS3BucketRequireVersioning } from "./s3-bucket-require-versioning";
import { awsS3BucketpublicaccessblockRequireAllBlocked } from "./s3-bucketpublicaccessblock-require-all-blocked";
import { awsSagemakerEndpointconfigurationRequireCmk } from "./sagemaker-endpointconfiguration-require-cmk";
import { awsSagemakerModelRequireNetworkIsolation } from "./sagemaker-model-require-network-isolation";
import { awsSagemakerNotebookinstanceDisallowInternetAccess } from "./sagemaker-notebookinstance-disallow-internet-access";
import { awsSagemakerNotebookinstanceDisallowRootAccess } from "./sagemaker-notebookinstance-disallow-root-access";
import { awsSecurityhubAccountRequireEnabled } from "./securityhub-account-require-enabled";
import { awsIamRoleDisallowDataScientistWrite } from "./iam-role-disallow-data-scientist-write";
import { awsIamRoleDisallowPublicTrust } from "./iam-role-disallow-public-trust";
import { awsKmsKeyDisallowRootGrant } from "./kms-key-disallow-root-grant";
import { awsKmsKeyRequireAdministrator } from "./kms-key-require-administrator";
import { awsS3BucketpolicyDisallowPublicPrincipal } from "./s3-bucketpolicy-disallow-public-principal";
import { awsCloudwatchLogmetricfilterRequireAlarm } from "./cloudwatch-logmetricfilter-require-alarm";
import { awsEc2SubnetRequireNetworkAcl } from "./ec2-subnet-require-network-acl";
import { awsIamAccesskeyDisallowActiveKeys } from "./iam-accesskey-disallow-active-keys";
import { awsIamRoleRequireOidcSubject } from "./iam-role-require-oidc-subject";
import { awsIamRolepolicyDisallowWildcardActions } from "./iam-rolepolicy-disallow-wildcard-actions";
import { awsKmsKeyLimitToOneModel } from "./kms-key-limit-to-one-model";
import { awsKmsKeyRequireAccessAlarm } from "./kms-key-require-access-alarm";

/** Every AWS policy, grouped by control domain. */
export const awsPolicies: readonly SecureAiPolicy[] = [
  // keys
  awsKmsKeyRequireRotation,
  awsKmsKeyLimitDeletionWindow,
  awsKmsKeyDisallowPublicPolicy,
  awsKmsKeyDisallowRootGrant,
  awsKmsKeyRequireAdministrator,
  awsKmsKeyRequireHsm,
  awsKmsKeyLimitToOneModel,
  awsKmsKeyRequireAccessAlarm,
  // customer-managed keys on data stores and AI resources
  awsS3BucketRequireCmkEncryption,
  awsCloudwatchLoggroupRequireCmk,
  awsSagemakerEndpointconfigurationRequireCmk,
  awsBedrockCustommodelRequireCmk,
  awsBedrockGuardrailRequireCmk,
  // prompt and response guardrails (SAI-MOD-03)
  awsBedrockAgentagentRequireGuardrail,
  awsBedrockAgentflowRequireGuardrail,
  awsBedrockAgentknowledgebaseRequireGuardrail,
  // TLS
  awsLbListenerRequireTls13,
  awsApigatewayRestapiRequireTls13,
  awsApigatewayDomainnameRequireTls13,
  awsCloudfrontDistributionRequireTls13,
  awsS3BucketRequireTlsOnlyPolicy,
  // private endpoints and network
  awsEc2SubnetDisallowPublicIpOnLaunch,
  awsEc2SecuritygroupDisallowPublicIngress,
  awsEc2SecuritygroupRequireWafForPublicHttps,
  awsS3BucketpublicaccessblockRequireAllBlocked,
  awsS3BucketRequirePublicAccessBlock,
  awsSagemakerNotebookinstanceDisallowInternetAccess,
  awsSagemakerNotebookinstanceDisallowRootAccess,
  awsSagemakerModelRequireNetworkIsolation,
  awsS3BucketpolicyDisallowPublicPrincipal,
  awsEcrRepositorypolicyDisallowPublicPrincipal,
  awsEc2SubnetRequireNetworkAcl,
  // identity
  awsIamRoleDisallowPublicTrust,
  awsIamRoleDisallowDataScientistWrite,
  awsIamRolepolicyDisallowWildcardActions,
  awsIamRoleRequireOidcSubject,
  awsIamAccesskeyDisallowActiveKeys,
  // audit, detection, response, governance, resilience
  awsCloudtrailTrailRequireIntegrity,
  awsS3BucketRequireAuditLogObjectLock,
  awsCloudtrailAccountRequireTrail,
  awsGuarddutyAccountRequireDetector,
  awsSecurityhubAccountRequireEnabled,
  awsCloudwatchEventruleRequireFindingsRoute,
  awsCloudwatchLogmetricfilterRequireAlarm,
  awsS3BucketRequirePersonalDataExpiry,
  awsS3BucketRequireVersioning,
  awsS3BucketDisallowForceDestroy,
  // per-resource facts (./facts): keys, TLS, public access, auth, logging, deletion protection
  ...awsFactPolicies,
];
