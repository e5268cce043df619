/** The GCP policies of the pack. Adding a policy: one file in this folder plus one line here. */
import type { SecureAiPolicy } from "../lib";
import { gcpFactPolicies } from "./facts";
import { gcpIamGrantDisallowPublicMembers } from "./iam-grant-disallow-public-members";
import { gcpComputeFirewallDisallowPublicIngress } from "./compute-firewall-disallow-public-ingress";
import { gcpComputeInstanceDisallowPublicIp } from "./compute-instance-disallow-public-ip";
import { gcpComputeSslpolicyRequireTls13 } from "./compute-sslpolicy-require-tls13";
import { gcpComputeSubnetworkRequireFlowLogs } from "./compute-subnetwork-require-flow-logs";
import { gcpComputeSubnetworkRequirePrivateGoogleAccess } from "./compute-subnetwork-require-private-google-access";
import { gcpComputeTargethttpsproxyRequireSslPolicy } from "./compute-targethttpsproxy-require-ssl-policy";
import { gcpKmsCryptokeyLimitRotationPeriod } from "./kms-cryptokey-limit-rotation-period";
import { gcpKmsCryptokeyRequireDeletionProtection } from "./kms-cryptokey-require-deletion-protection";
import { gcpKmsCryptokeyRequireHsm } from "./kms-cryptokey-require-hsm";
import { gcpLoggingSinkRequireExport } from "./logging-sink-require-export";
import { gcpMonitoringAlertpolicyLimitLogMatchToOneCondition } from "./monitoring-alertpolicy-limit-log-match-to-one-condition";
import { gcpMonitoringAlertpolicyRequireLogMatchRateLimit } from "./monitoring-alertpolicy-require-log-match-rate-limit";
import { gcpMonitoringAlertpolicyRequireResourceType } from "./monitoring-alertpolicy-require-resource-type";
import { gcpProjectsAuditconfigRequireDataAccessLogs } from "./projects-auditconfig-require-data-access-logs";
import { gcpSecuritycenterNotificationRequireFindingsRoute } from "./securitycenter-notification-require-findings-route";
import { gcpStorageBucketDisallowForceDestroy } from "./storage-bucket-disallow-force-destroy";
import { gcpStorageBucketRequireCmek } from "./storage-bucket-require-cmek";
import { gcpStorageBucketRequirePersonalDataExpiry } from "./storage-bucket-require-personal-data-expiry";
import { gcpStorageBucketRequirePublicAccessPrevention } from "./storage-bucket-require-public-access-prevention";
import { gcpStorageBucketRequireUniformAccess } from "./storage-bucket-require-uniform-access";
import { gcpStorageBucketRequireVersioning } from "./storage-bucket-require-versioning";
import { gcpVertexDatasetRequireCmek } from "./vertex-dataset-require-cmek";
import { gcpVertexEndpointRequireCmek } from "./vertex-endpoint-require-cmek";
import { gcpVertexEndpointRequirePrivateAccess } from "./vertex-endpoint-require-private-access";
import { gcpVertexEndpointRequireModelArmor } from "./vertex-endpoint-require-model-armor";
import { gcpVertexFeatureonlinestoreRequireCmek } from "./vertex-featureonlinestore-require-cmek";
import { gcpVertexFeaturestoreRequireCmek } from "./vertex-featurestore-require-cmek";
import { gcpVertexIndexRequireCmek } from "./vertex-index-require-cmek";
import { gcpVertexIndexendpointRequireCmek } from "./vertex-indexendpoint-require-cmek";
import { gcpVertexIndexendpointRequirePrivateAccess } from "./vertex-indexendpoint-require-private-access";
import { gcpVertexMetadatastoreRequireCmek } from "./vertex-metadatastore-require-cmek";
import { gcpVertexTensorboardRequireCmek } from "./vertex-tensorboard-require-cmek";
import { gcpWorkbenchInstanceDisallowPublicIp } from "./workbench-instance-disallow-public-ip";
import { gcpWorkbenchInstanceRequireCmek } from "./workbench-instance-require-cmek";
import { gcpStorageBucketiammemberDisallowDataScientistWrite } from "./storage-bucketiammember-disallow-data-scientist-write";
import { gcpKmsCryptokeyiammemberDisallowPublicMembers } from "./kms-cryptokeyiammember-disallow-public-members";
import { gcpKmsCryptokeyiammemberLimitToServiceIdentities } from "./kms-cryptokeyiammember-limit-to-service-identities";
import { gcpKmsCryptokeyLimitToOneModel } from "./kms-cryptokey-limit-to-one-model";
import { gcpLoggingMetricRequireAlertPolicy } from "./logging-metric-require-alert-policy";
import { gcpServiceaccountAccountDisallowUserManagedKeys } from "./serviceaccount-account-disallow-user-managed-keys";

/** Every GCP policy, resource policies first, then stack policies. */
export const gcpPolicies: readonly SecureAiPolicy[] = [
  gcpComputeFirewallDisallowPublicIngress,
  gcpComputeInstanceDisallowPublicIp,
  gcpComputeSslpolicyRequireTls13,
  gcpComputeSubnetworkRequireFlowLogs,
  gcpComputeSubnetworkRequirePrivateGoogleAccess,
  gcpComputeTargethttpsproxyRequireSslPolicy,
  gcpKmsCryptokeyLimitRotationPeriod,
  gcpKmsCryptokeyRequireDeletionProtection,
  gcpKmsCryptokeyRequireHsm,
  gcpKmsCryptokeyiammemberDisallowPublicMembers,
  gcpKmsCryptokeyiammemberLimitToServiceIdentities,
  gcpMonitoringAlertpolicyLimitLogMatchToOneCondition,
  gcpMonitoringAlertpolicyRequireLogMatchRateLimit,
  gcpMonitoringAlertpolicyRequireResourceType,
  gcpStorageBucketDisallowForceDestroy,
  gcpStorageBucketRequireCmek,
  gcpStorageBucketRequirePersonalDataExpiry,
  gcpStorageBucketRequirePublicAccessPrevention,
  gcpStorageBucketRequireUniformAccess,
  gcpStorageBucketRequireVersioning,
  gcpStorageBucketiammemberDisallowDataScientistWrite,
  gcpVertexDatasetRequireCmek,
  gcpVertexEndpointRequireCmek,
  gcpVertexEndpointRequirePrivateAccess,
  gcpVertexEndpointRequireModelArmor,
  gcpVertexFeatureonlinestoreRequireCmek,
  gcpVertexFeaturestoreRequireCmek,
  gcpVertexIndexRequireCmek,
  gcpVertexIndexendpointRequireCmek,
  gcpVertexIndexendpointRequirePrivateAccess,
  gcpVertexMetadatastoreRequireCmek,
  gcpVertexTensorboardRequireCmek,
  gcpWorkbenchInstanceDisallowPublicIp,
  gcpWorkbenchInstanceRequireCmek,
  gcpLoggingSinkRequireExport,
  gcpProjectsAuditconfigRequireDataAccessLogs,
  gcpSecuritycenterNotificationRequireFindingsRoute,
  gcpKmsCryptokeyLimitToOneModel,
  gcpServiceaccountAccountDisallowUserManagedKeys,
  gcpLoggingMetricRequireAlertPolicy,
  gcpIamGrantDisallowPublicMembers,
  // per-resource facts (./facts): CMEK (BigQuery datasets and Pub/Sub topics among them), TLS, public access,
  // auth and deletion protection
  ...gcpFactPolicies,
];
