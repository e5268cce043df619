/** GCP resource policy fixtures: a compliant baseline per resource type and the properties each policy checks. */
import type { SecureAiResourcePolicy } from "../../../policy-packs/secure-ai/policies/lib";
import { gcpFactPolicy } from "../../../policy-packs/secure-ai/policies/gcp/facts";
import { gcpComputeFirewallDisallowPublicIngress } from "../../../policy-packs/secure-ai/policies/gcp/compute-firewall-disallow-public-ingress";
import { gcpComputeInstanceDisallowPublicIp } from "../../../policy-packs/secure-ai/policies/gcp/compute-instance-disallow-public-ip";
import { gcpComputeSslpolicyRequireTls13 } from "../../../policy-packs/secure-ai/policies/gcp/compute-sslpolicy-require-tls13";
import { gcpComputeSubnetworkRequireFlowLogs } from "../../../policy-packs/secure-ai/policies/gcp/compute-subnetwork-require-flow-logs";
import { gcpComputeSubnetworkRequirePrivateGoogleAccess } from "../../../policy-packs/secure-ai/policies/gcp/compute-subnetwork-require-private-google-access";
import { gcpComputeTargethttpsproxyRequireSslPolicy } from "../../../policy-packs/secure-ai/policies/gcp/compute-targethttpsproxy-require-ssl-policy";
import { gcpKmsCryptokeyLimitRotationPeriod } from "../../../policy-packs/secure-ai/policies/gcp/kms-cryptokey-limit-rotation-period";
import { gcpKmsCryptokeyRequireDeletionProtection } from "../../../policy-packs/secure-ai/policies/gcp/kms-cryptokey-require-deletion-protection";
import { gcpKmsCryptokeyRequireHsm } from "../../../policy-packs/secure-ai/policies/gcp/kms-cryptokey-require-hsm";
import { gcpStorageBucketDisallowForceDestroy } from "../../../policy-packs/secure-ai/policies/gcp/storage-bucket-disallow-force-destroy";
import { gcpStorageBucketRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/storage-bucket-require-cmek";
import { gcpStorageBucketRequirePersonalDataExpiry } from "../../../policy-packs/secure-ai/policies/gcp/storage-bucket-require-personal-data-expiry";
import { gcpStorageBucketRequirePublicAccessPrevention } from "../../../policy-packs/secure-ai/policies/gcp/storage-bucket-require-public-access-prevention";
import { gcpStorageBucketRequireUniformAccess } from "../../../policy-packs/secure-ai/policies/gcp/storage-bucket-require-uniform-access";
import { gcpStorageBucketRequireVersioning } from "../../../policy-packs/secure-ai/policies/gcp/storage-bucket-require-versioning";
import { gcpVertexDatasetRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/vertex-dataset-require-cmek";
import { gcpVertexEndpointRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/vertex-endpoint-require-cmek";
import { gcpVertexEndpointRequirePrivateAccess } from "../../../policy-packs/secure-ai/policies/gcp/vertex-endpoint-require-private-access";
import { gcpVertexFeatureonlinestoreRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/vertex-featureonlinestore-require-cmek";
import { gcpVertexFeaturestoreRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/vertex-featurestore-require-cmek";
import { gcpVertexIndexRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/vertex-index-require-cmek";
import { gcpVertexIndexendpointRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/vertex-indexendpoint-require-cmek";
import { gcpVertexIndexendpointRequirePrivateAccess } from "../../../policy-packs/secure-ai/policies/gcp/vertex-indexendpoint-require-private-access";
import { gcpVertexMetadatastoreRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/vertex-metadatastore-require-cmek";
import { gcpVertexTensorboardRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/vertex-tensorboard-require-cmek";
import { gcpWorkbenchInstanceDisallowPublicIp } from "../../../policy-packs/secure-ai/policies/gcp/workbench-instance-disallow-public-ip";
import { gcpWorkbenchInstanceRequireCmek } from "../../../policy-packs/secure-ai/policies/gcp/workbench-instance-require-cmek";
import type { PolicyCase } from "./case-runner";

const KEY = "projects/p/locations/europe-west4/keyRings/platform/cryptoKeys/model-chat";

/** Compliant baselines per type token, written with the provider's own input names (@pulumi/gcp 9.37). */
export const BASELINES = {
  cryptoKey: {
    name: "model-chat",
    keyRing: "projects/p/locations/europe-west4/keyRings/platform",
    purpose: "ENCRYPT_DECRYPT",
    rotationPeriod: "7776000s",
    versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "HSM" },
    destroyScheduledDuration: "2592000s",
    deletionPolicy: "PREVENT",
    labels: { sensitivity: "high" },
  },
  bucket: {
    location: "EUROPE-WEST4",
    encryption: { defaultKmsKeyName: KEY },
    publicAccessPrevention: "enforced",
    uniformBucketLevelAccess: true,
    versioning: { enabled: true },
  },
  topic: { name: "findings", kmsKeyName: KEY },
  dataset: { datasetId: "predictions", defaultEncryptionConfiguration: { kmsKeyName: KEY } },
  vertexEndpoint: {
    displayName: "chat",
    location: "europe-west4",
    encryptionSpec: { kmsKeyName: KEY },
    privateServiceConnectConfig: { enablePrivateServiceConnect: true, projectAllowlists: ["p"] },
  },
  vertexIndexEndpoint: {
    displayName: "search",
    region: "europe-west4",
    encryptionSpec: { kmsKeyName: KEY },
    network: "projects/123/global/networks/platform",
    publicEndpointEnabled: false,
  },
  vertexEncrypted: { displayName: "x", region: "europe-west4", encryptionSpec: { kmsKeyName: KEY } },
  workbench: {
    location: "europe-west4-a",
    gceSetup: {
      disablePublicIp: true,
      bootDisk: { diskEncryption: "CMEK", kmsKey: KEY },
      dataDisks: { diskEncryption: "CMEK", kmsKey: KEY },
      networkInterfaces: [
        {
          network: "projects/p/global/networks/platform",
          subnet: "projects/p/regions/europe-west4/subnetworks/a",
        },
      ],
    },
  },
  sslPolicy: { name: "tls13", minTlsVersion: "TLS_1_3", profile: "RESTRICTED" },
  httpsProxy: { urlMap: "projects/p/global/urlMaps/chat", sslPolicy: "projects/p/global/sslPolicies/tls13" },
  instance: {
    machineType: "e2-small",
    zone: "europe-west4-a",
    networkInterfaces: [{ subnetwork: "projects/p/regions/europe-west4/subnetworks/a" }],
  },
  firewall: {
    network: "platform",
    direction: "INGRESS",
    allows: [{ protocol: "tcp", ports: ["443"] }],
    sourceRanges: ["35.191.0.0/16", "130.211.0.0/22"],
  },
  subnetwork: {
    network: "platform",
    ipCidrRange: "10.10.0.0/24",
    privateIpGoogleAccess: true,
    logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5 },
  },
} as const;

/** A bucket labelled as holding personal data, whose lifecycle deletes objects after 30 days. */
const PERSONAL_BUCKET = {
  ...BASELINES.bucket,
  labels: { "personal-data": "true" },
  lifecycleRules: [
    { action: { type: "Delete" }, condition: { age: 30, matchesPrefixes: ["transcripts/"] } },
    { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 1 } },
  ],
};

const T = {
  key: "gcp:kms/cryptoKey:CryptoKey",
  bucket: "gcp:storage/bucket:Bucket",
};

/** One entry per GCP resource policy. */
export const GCP_CASES: readonly PolicyCase[] = [
  {
    policy: gcpKmsCryptokeyLimitRotationPeriod,
    type: T.key,
    baseline: BASELINES.cryptoKey,
    negatives: [
      ["rotationPeriod", undefined],
      ["rotationPeriod", "7776001s"],
      ["rotationPeriod", "31536000s"],
      ["rotationPeriod", "90d"],
      // "Must be at least 24 hours" (CryptoKey.rotation_period, Cloud KMS reference): rejected on creation.
      ["rotationPeriod", "3600s"],
      ["rotationPeriod", "86399s"],
    ],
    unknownPasses: ["rotationPeriod"],
    passes: [
      ["rotationPeriod", "86400s"],
      ["rotationPeriod", "86401.5s"],
      ["purpose", "ASYMMETRIC_SIGN"],
      ["versionTemplate.protectionLevel", "EXTERNAL_VPC"],
      ["importOnly", true],
    ],
    configured: [{ config: { maxRotationDays: 30 }, failsBaseline: true }],
    remediable: ["rotationPeriod"],
  },
  {
    policy: gcpKmsCryptokeyRequireHsm,
    type: T.key,
    baseline: BASELINES.cryptoKey,
    negatives: [
      ["versionTemplate.protectionLevel", "SOFTWARE"],
      ["versionTemplate.protectionLevel", undefined],
    ],
    unknownPasses: ["versionTemplate.protectionLevel"],
    passes: [
      ["labels", undefined],
      ["labels.sensitivity", "standard"],
      ["versionTemplate.protectionLevel", "EXTERNAL"],
    ],
    configured: [
      {
        config: { sensitivityLabel: [], highSensitivityKeys: ["res0"] },
        failsWith: ["versionTemplate.protectionLevel", "SOFTWARE"],
      },
      {
        config: { sensitivityLabel: [], highSensitivityKeys: [] },
        passesWith: ["versionTemplate.protectionLevel", "SOFTWARE"],
      },
    ],
  },
  {
    policy: gcpKmsCryptokeyRequireDeletionProtection,
    type: T.key,
    baseline: BASELINES.cryptoKey,
    negatives: [
      ["deletionPolicy", undefined],
      ["deletionPolicy", "DELETE"],
      ["destroyScheduledDuration", "86400s"],
      ["destroyScheduledDuration", "soon"],
    ],
    unknownPasses: ["deletionPolicy", "destroyScheduledDuration"],
    passes: [["destroyScheduledDuration", undefined]],
    configured: [
      {
        config: { allowedDeletionPolicies: ["PREVENT", "ABANDON"] },
        passesWith: ["deletionPolicy", "ABANDON"],
      },
    ],
    remediable: ["deletionPolicy"],
  },
  {
    policy: gcpStorageBucketRequireCmek,
    type: T.bucket,
    baseline: BASELINES.bucket,
    negatives: [
      ["encryption", undefined],
      ["encryption.defaultKmsKeyName", undefined],
      ["encryption.defaultKmsKeyName", ""],
    ],
    unknownPasses: ["encryption.defaultKmsKeyName", "encryption"],
  },
  {
    policy: gcpStorageBucketRequirePublicAccessPrevention,
    type: T.bucket,
    baseline: BASELINES.bucket,
    negatives: [
      ["publicAccessPrevention", undefined],
      ["publicAccessPrevention", "inherited"],
    ],
    unknownPasses: ["publicAccessPrevention"],
    remediable: ["publicAccessPrevention"],
  },
  {
    policy: gcpStorageBucketRequireUniformAccess,
    type: T.bucket,
    baseline: BASELINES.bucket,
    negatives: [
      ["uniformBucketLevelAccess", undefined],
      ["uniformBucketLevelAccess", false],
    ],
    unknownPasses: ["uniformBucketLevelAccess"],
    remediable: ["uniformBucketLevelAccess"],
  },
  {
    policy: gcpStorageBucketRequireVersioning,
    type: T.bucket,
    baseline: BASELINES.bucket,
    negatives: [
      ["versioning", undefined],
      ["versioning.enabled", false],
    ],
    unknownPasses: ["versioning.enabled"],
    remediable: ["versioning.enabled"],
  },
  {
    policy: gcpStorageBucketDisallowForceDestroy,
    type: T.bucket,
    baseline: BASELINES.bucket,
    negatives: [["forceDestroy", true]],
    unknownPasses: ["forceDestroy"],
    passes: [
      ["forceDestroy", false],
      ["forceDestroy", undefined],
    ],
    remediable: ["forceDestroy"],
  },
  {
    policy: gcpStorageBucketRequirePersonalDataExpiry,
    type: T.bucket,
    baseline: PERSONAL_BUCKET,
    negatives: [
      ["lifecycleRules", undefined],
      ["lifecycleRules", []],
      [
        "lifecycleRules",
        [{ action: { type: "SetStorageClass", storageClass: "COLDLINE" }, condition: { age: 30 } }],
      ],
      ["lifecycleRules", [{ action: { type: "Delete" }, condition: { numNewerVersions: 3 } }]],
      ["lifecycleRules", [{ action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 1 } }]],
    ],
    unknownPasses: ["lifecycleRules", "lifecycleRules.0.condition.age"],
    passes: [
      ["labels", undefined],
      ["labels", { "personal-data": "false" }],
      ["lifecycleRules", [{ action: { type: "Delete" }, condition: { createdBefore: "2030-01-01" } }]],
    ],
    configured: [
      {
        config: { personalDataTags: ["data-classification=personal"] },
        passesWith: ["lifecycleRules", undefined],
      },
      { config: { personalDataTags: ["personal-data"] }, failsWith: ["lifecycleRules", []] },
    ],
  },
  {
    policy: gcpFactPolicy("gcp-pubsub-topic-require-cmek"),
    type: "gcp:pubsub/topic:Topic",
    baseline: BASELINES.topic,
    negatives: [["kmsKeyName", undefined]],
    unknownPasses: ["kmsKeyName"],
  },
  {
    policy: gcpFactPolicy("gcp-bigquery-dataset-require-cmek"),
    type: "gcp:bigquery/dataset:Dataset",
    baseline: BASELINES.dataset,
    negatives: [
      ["defaultEncryptionConfiguration", undefined],
      ["defaultEncryptionConfiguration.kmsKeyName", ""],
    ],
    unknownPasses: ["defaultEncryptionConfiguration.kmsKeyName"],
  },
  ...(
    [
      [gcpVertexEndpointRequireCmek, "gcp:vertex/aiEndpoint:AiEndpoint"],
      [gcpVertexDatasetRequireCmek, "gcp:vertex/aiDataset:AiDataset"],
      [gcpVertexIndexRequireCmek, "gcp:vertex/aiIndex:AiIndex"],
      [gcpVertexIndexendpointRequireCmek, "gcp:vertex/aiIndexEndpoint:AiIndexEndpoint"],
      [gcpVertexMetadatastoreRequireCmek, "gcp:vertex/aiMetadataStore:AiMetadataStore"],
      [gcpVertexFeaturestoreRequireCmek, "gcp:vertex/aiFeatureStore:AiFeatureStore"],
      [gcpVertexFeatureonlinestoreRequireCmek, "gcp:vertex/aiFeatureOnlineStore:AiFeatureOnlineStore"],
      [gcpVertexTensorboardRequireCmek, "gcp:vertex/aiTensorboard:AiTensorboard"],
    ] as const
  ).map(([policy, type]): PolicyCase => ({
    policy: policy as SecureAiResourcePolicy,
    type,
    baseline: BASELINES.vertexEncrypted,
    negatives: [
      ["encryptionSpec", undefined],
      ["encryptionSpec.kmsKeyName", undefined],
    ],
    unknownPasses: ["encryptionSpec.kmsKeyName", "encryptionSpec"],
  })),
  {
    policy: gcpVertexEndpointRequirePrivateAccess,
    type: "gcp:vertex/aiEndpoint:AiEndpoint",
    baseline: BASELINES.vertexEndpoint,
    negatives: [
      ["privateServiceConnectConfig", undefined],
      ["privateServiceConnectConfig.enablePrivateServiceConnect", false],
      ["dedicatedEndpointEnabled", true],
    ],
    unknownPasses: ["privateServiceConnectConfig", "privateServiceConnectConfig.enablePrivateServiceConnect"],
    passes: [["network", "projects/123/global/networks/platform"]],
  },
  {
    policy: gcpVertexIndexendpointRequirePrivateAccess,
    type: "gcp:vertex/aiIndexEndpoint:AiIndexEndpoint",
    baseline: BASELINES.vertexIndexEndpoint,
    negatives: [
      ["publicEndpointEnabled", true],
      ["network", undefined],
    ],
    unknownPasses: ["network", "publicEndpointEnabled"],
    passes: [["publicEndpointEnabled", undefined]],
    remediable: ["publicEndpointEnabled"],
  },
  {
    policy: gcpWorkbenchInstanceRequireCmek,
    type: "gcp:workbench/instance:Instance",
    baseline: BASELINES.workbench,
    negatives: [
      ["gceSetup.bootDisk.diskEncryption", "GMEK"],
      ["gceSetup.bootDisk.diskEncryption", undefined],
      ["gceSetup.bootDisk.kmsKey", undefined],
      ["gceSetup.dataDisks", undefined],
      ["gceSetup.dataDisks.diskEncryption", "GMEK"],
      ["gceSetup.dataDisks.kmsKey", ""],
    ],
    unknownPasses: [
      "gceSetup.bootDisk.kmsKey",
      "gceSetup.dataDisks.kmsKey",
      "gceSetup.bootDisk.diskEncryption",
    ],
  },
  {
    policy: gcpWorkbenchInstanceDisallowPublicIp,
    type: "gcp:workbench/instance:Instance",
    baseline: BASELINES.workbench,
    negatives: [
      ["gceSetup.disablePublicIp", undefined],
      ["gceSetup.disablePublicIp", false],
      ["gceSetup.networkInterfaces", [{ network: "n", accessConfigs: [{ externalIp: "" }] }]],
    ],
    unknownPasses: ["gceSetup.disablePublicIp", "gceSetup.networkInterfaces"],
    remediable: ["gceSetup.disablePublicIp"],
  },
  {
    policy: gcpComputeSslpolicyRequireTls13,
    type: "gcp:compute/sSLPolicy:SSLPolicy",
    baseline: BASELINES.sslPolicy,
    negatives: [
      ["minTlsVersion", undefined],
      ["minTlsVersion", "TLS_1_2"],
      ["profile", undefined],
      ["profile", "MODERN"],
      ["profile", "FIPS_202205"],
    ],
    unknownPasses: ["minTlsVersion", "profile"],
    passes: [["profile", "CUSTOM"]],
    remediable: ["minTlsVersion", "profile"],
    alsoTypes: ["gcp:compute/regionSslPolicy:RegionSslPolicy"],
  },
  {
    policy: gcpComputeTargethttpsproxyRequireSslPolicy,
    type: "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
    baseline: BASELINES.httpsProxy,
    negatives: [
      ["sslPolicy", undefined],
      ["sslPolicy", ""],
    ],
    unknownPasses: ["sslPolicy"],
    alsoTypes: [
      "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy",
      "gcp:compute/targetSSLProxy:TargetSSLProxy",
    ],
  },
  {
    policy: gcpComputeInstanceDisallowPublicIp,
    type: "gcp:compute/instance:Instance",
    baseline: BASELINES.instance,
    negatives: [
      ["networkInterfaces", [{ subnetwork: "a", accessConfigs: [{}] }]],
      [
        "networkInterfaces",
        [{ subnetwork: "a" }, { subnetwork: "b", ipv6AccessConfigs: [{ networkTier: "PREMIUM" }] }],
      ],
    ],
    unknownPasses: ["networkInterfaces"],
    passes: [["networkInterfaces", [{ subnetwork: "a", accessConfigs: [] }]]],
    alsoTypes: [
      "gcp:compute/instanceTemplate:InstanceTemplate",
      "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
    ],
  },
  {
    policy: gcpComputeFirewallDisallowPublicIngress,
    type: "gcp:compute/firewall:Firewall",
    baseline: BASELINES.firewall,
    negatives: [
      ["sourceRanges", ["0.0.0.0/0"]],
      ["sourceRanges", ["10.0.0.0/8", "::/0"]],
    ],
    unknownPasses: ["sourceRanges"],
    passes: [
      ["direction", "EGRESS"],
      ["allows", []],
    ],
    configured: [
      { config: { allowedPublicPorts: ["443"] }, passesWith: ["sourceRanges", ["0.0.0.0/0"]] },
      { config: { allowedPublicPorts: ["80"] }, failsWith: ["sourceRanges", ["0.0.0.0/0"]] },
    ],
  },
  {
    policy: gcpComputeSubnetworkRequirePrivateGoogleAccess,
    type: "gcp:compute/subnetwork:Subnetwork",
    baseline: BASELINES.subnetwork,
    negatives: [
      ["privateIpGoogleAccess", undefined],
      ["privateIpGoogleAccess", false],
    ],
    unknownPasses: ["privateIpGoogleAccess"],
    passes: [["purpose", "REGIONAL_MANAGED_PROXY"]],
    remediable: ["privateIpGoogleAccess"],
  },
  {
    policy: gcpComputeSubnetworkRequireFlowLogs,
    type: "gcp:compute/subnetwork:Subnetwork",
    baseline: BASELINES.subnetwork,
    negatives: [["logConfig", undefined]],
    unknownPasses: ["logConfig"],
    passes: [["purpose", "PRIVATE_SERVICE_CONNECT"]],
  },
];
