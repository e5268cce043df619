/**
 * GCP type tokens the policies match on, as strings, so the pack never loads @pulumi/gcp. Verified against
 * `__pulumiType` in node_modules/@pulumi/gcp 9.37 (note the casing of `sSLPolicy`, `iAMAuditConfig` and
 * `targetSSLProxy`, which is the provider's own).
 */
export const GCP = {
  kmsCryptoKey: "gcp:kms/cryptoKey:CryptoKey",
  storageBucket: "gcp:storage/bucket:Bucket",
  pubsubTopic: "gcp:pubsub/topic:Topic",
  vertexEndpoint: "gcp:vertex/aiEndpoint:AiEndpoint",
  vertexDataset: "gcp:vertex/aiDataset:AiDataset",
  vertexIndex: "gcp:vertex/aiIndex:AiIndex",
  vertexIndexEndpoint: "gcp:vertex/aiIndexEndpoint:AiIndexEndpoint",
  vertexMetadataStore: "gcp:vertex/aiMetadataStore:AiMetadataStore",
  vertexFeatureStore: "gcp:vertex/aiFeatureStore:AiFeatureStore",
  vertexFeatureOnlineStore: "gcp:vertex/aiFeatureOnlineStore:AiFeatureOnlineStore",
  vertexTensorboard: "gcp:vertex/aiTensorboard:AiTensorboard",
  workbenchInstance: "gcp:workbench/instance:Instance",
  bigqueryDataset: "gcp:bigquery/dataset:Dataset",
  sslPolicy: "gcp:compute/sSLPolicy:SSLPolicy",
  regionSslPolicy: "gcp:compute/regionSslPolicy:RegionSslPolicy",
  targetHttpsProxy: "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
  regionTargetHttpsProxy: "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
  targetSslProxy: "gcp:compute/targetSSLProxy:TargetSSLProxy",
  computeInstance: "gcp:compute/instance:Instance",
  computeInstanceTemplate: "gcp:compute/instanceTemplate:InstanceTemplate",
  computeRegionInstanceTemplate: "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
  firewall: "gcp:compute/firewall:Firewall",
  subnetwork: "gcp:compute/subnetwork:Subnetwork",
  projectAuditConfig: "gcp:projects/iAMAuditConfig:IAMAuditConfig",
  folderAuditConfig: "gcp:folder/iamAuditConfig:IamAuditConfig",
  organizationAuditConfig: "gcp:organizations/iamAuditConfig:IamAuditConfig",
  projectSink: "gcp:logging/projectSink:ProjectSink",
  folderSink: "gcp:logging/folderSink:FolderSink",
  organizationSink: "gcp:logging/organizationSink:OrganizationSink",
  sccV2ProjectNotification: "gcp:securitycenter/v2ProjectNotificationConfig:V2ProjectNotificationConfig",
  sccV2FolderNotification: "gcp:securitycenter/v2FolderNotificationConfig:V2FolderNotificationConfig",
  sccV2OrganizationNotification:
    "gcp:securitycenter/v2OrganizationNotificationConfig:V2OrganizationNotificationConfig",
  sccProjectNotification: "gcp:securitycenter/projectNotificationConfig:ProjectNotificationConfig",
  sccFolderNotification: "gcp:securitycenter/folderNotificationConfig:FolderNotificationConfig",
  sccOrganizationNotification: "gcp:securitycenter/notificationConfig:NotificationConfig",
  storageBucketIamMember: "gcp:storage/bucketIAMMember:BucketIAMMember",
  storageBucketIamBinding: "gcp:storage/bucketIAMBinding:BucketIAMBinding",
  storageBucketIamPolicy: "gcp:storage/bucketIAMPolicy:BucketIAMPolicy",
  projectIamMember: "gcp:projects/iAMMember:IAMMember",
  projectIamBinding: "gcp:projects/iAMBinding:IAMBinding",
  bigqueryDatasetIamMember: "gcp:bigquery/datasetIamMember:DatasetIamMember",
  bigqueryDatasetIamBinding: "gcp:bigquery/datasetIamBinding:DatasetIamBinding",
} as const;

/** The Vertex AI resource types the pack knows (endpoints, datasets, indexes, stores, Tensorboards). */
export const GCP_VERTEX_AI_TYPES: readonly string[] = [
  GCP.vertexEndpoint,
  GCP.vertexDataset,
  GCP.vertexIndex,
  GCP.vertexIndexEndpoint,
  GCP.vertexMetadataStore,
  GCP.vertexFeatureStore,
  GCP.vertexFeatureOnlineStore,
  GCP.vertexTensorboard,
];

/**
 * Resources that hold data or keys worth auditing: a stack with one of them needs data-access audit logs,
 * a log export and findings routing (the stack policies stay quiet for stacks without any).
 */
export const GCP_DATA_TYPES: readonly string[] = [
  GCP.kmsCryptoKey,
  GCP.storageBucket,
  GCP.pubsubTopic,
  GCP.bigqueryDataset,
  ...GCP_VERTEX_AI_TYPES,
  GCP.workbenchInstance,
];
