/**
 * Every GCP IAM member, binding and policy resource type of @pulumi/gcp 9.37 (474 tokens), for the public-member
 * policy, derived from the installed SDK with
 * `grep -rhoE "__pulumiType = 'gcp:[a-z0-9]+/[a-zA-Z0-9]+:[A-Za-z0-9]*(Iam|IAM)(Member|Binding|Policy)'" node_modules/@pulumi/gcp`.
 * Written compactly: each entry `<module>/<resource>` stands for its `...IamMember`, `...IamBinding` and
 * `...IamPolicy` types (a trailing `!` for the `IAM` spelling); the module-level grants (`gcp:projects/iAMMember`
 * and the like) and the odd spellings are listed apart. The fact-table inventory test checks the expansion
 * against the installed SDK.
 */

const RESOURCES = `
accesscontextmanager/accessPolicy apigateway/apiConfig apigateway/api apigateway/gateway
apigee/environment artifactregistry/repository beyondcorp/securityGatewayApplication
beyondcorp/securityGateway biglake/hiveCatalog biglake/hiveDatabase biglake/hiveTable
biglake/icebergCatalog biglake/icebergNamespace biglake/icebergTable bigquery/connection
bigquery/datapolicyv2DataPolicy bigquery/dataset bigquery/routine bigqueryanalyticshub/dataExchange
bigqueryanalyticshub/listing bigquerydatapolicy/dataPolicy bigtable/instance bigtable/table
billing/account binaryauthorization/attestor certificateauthority/caPool
certificateauthority/certificateTemplate cloudbuildv2/connection! clouddeploy/customTargetType
clouddeploy/deliveryPipeline clouddeploy/target cloudfunctions/function cloudfunctionsv2/function
cloudrunv2/job cloudrunv2/service cloudrunv2/workerPool cloudtasks/queue colab/runtimeTemplate
compute/backendBucket compute/backendService compute/disk compute/firewallPolicy compute/image
compute/instance! compute/instanceTemplate compute/instantSnapshot compute/machineImage
compute/networkFirewallPolicy compute/regionBackendBucket compute/regionBackendService
compute/regionDisk compute/regionInstantSnapshot compute/regionNetworkFirewallPolicy
compute/snapshot compute/storagePool compute/subnetwork! containeranalysis/note
datacatalog/entryGroup datacatalog/policyTag datacatalog/tagTemplate datacatalog/taxonomy
dataform/repository dataplex/aspectType dataplex/asset dataplex/dataProduct dataplex/datascan
dataplex/entryGroup dataplex/entryType dataplex/glossary dataplex/lake dataplex/task dataplex/zone
dataproc/autoscalingPolicy dataproc/cluster! dataproc/job! dataproc/metastoreDatabase
dataproc/metastoreFederation dataproc/metastoreService dataproc/metastoreTable
discoveryengine/searchEngine dns/dnsManagedZone endpoints/consumers endpoints/service
gemini/repositoryGroup gkebackup/backupPlan gkebackup/restorePlan gkehub/feature gkehub/membership
gkehub/scope healthcare/consentStore healthcare/dataset healthcare/dicomStore healthcare/fhirStore
healthcare/hl7Store iam/workforcePool iam/workloadIdentityPool iap/agentRegistryAgent
iap/agentRegistryEndpoint iap/agentRegistry iap/agentRegistryMcpServer iap/appEngineService
iap/appEngineVersion iap/locationWeb iap/tunnelDestGroup iap/tunnel iap/tunnelInstance!
iap/webBackendService iap/webCloudRunService iap/webForwardingRuleService iap/web
iap/webRegionBackendService iap/webRegionForwardingRuleService iap/webTypeAppEnging
iap/webTypeCompute kms/cryptoKey! kms/ekmConnection kms/keyRing! logging/logView
networkconnectivity/hub networksecurity/addressGroup notebooks/instance notebooks/runtime
pubsub/schema pubsub/subscription! pubsub/topic! runtimeconfig/config secretmanager/regionalSecret
secretmanager/secret securesourcemanager/instance securesourcemanager/repository
securitycenter/instance securitycenter/source securitycenter/v2OrganizationSource
servicedirectory/namespace servicedirectory/service sourcerepo/repository spanner/database!
spanner/instance! storage/bucket! storage/managedFolder tags/tagKey tags/tagValue vertex/aiEndpoint
vertex/aiFeatureGroup vertex/aiFeatureOnlineStoreFeatureview vertex/aiFeatureOnlineStore
vertex/aiFeatureStoreEntityType vertex/aiFeatureStore vertex/aiReasoningEngine workbench/instance
workstations/workstationConfig workstations/workstation
`;

const MODULE_LEVEL = ["folder", "organizations", "projects", "serviceaccount"];

const ODD_SPELLINGS = [
  "gcp:bigquery/iamBinding:IamBinding",
  "gcp:bigquery/iamMember:IamMember",
  "gcp:bigquery/iamPolicy:IamPolicy",
  "gcp:cloudrun/iamBinding:IamBinding",
  "gcp:cloudrun/iamMember:IamMember",
  "gcp:cloudrun/iamPolicy:IamPolicy",
];

const KINDS = ["Member", "Binding", "Policy"] as const;

function expand(): string[] {
  const tokens: string[] = [...ODD_SPELLINGS];
  for (const entry of RESOURCES.split(/\s+/).filter((item) => item !== "")) {
    const upper = entry.endsWith("!");
    const [module, resource] = (upper ? entry.slice(0, -1) : entry).split("/");
    const spelling = upper ? "IAM" : "Iam";
    const cls = resource.charAt(0).toUpperCase() + resource.slice(1);
    for (const kind of KINDS) {
      tokens.push(`gcp:${module}/${resource}${spelling}${kind}:${cls}${spelling}${kind}`);
    }
  }
  for (const module of MODULE_LEVEL) {
    for (const kind of KINDS) {
      tokens.push(`gcp:${module}/iAM${kind}:IAM${kind}`);
    }
  }
  return tokens;
}

/** The type tokens of every IAM member, binding and policy resource. */
export const GCP_IAM_GRANT_TYPES: readonly string[] = expand();
