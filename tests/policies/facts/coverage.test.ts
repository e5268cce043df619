/**
 * Issue 16's inventory: every resource type the issue lists is examined, on its cloud, by a policy that
 * enforces each concern that applies to it (a policy carrying the concern's control and an `examines:` tag
 * for the type), whether it was built from a fact table or written by hand. Also: the table rows use SDK
 * type tokens that exist, and the GCP grant list matches the installed SDK.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { policies } from "../../../policy-packs/secure-ai/policies";
import { AWS_FACTS } from "../../../policy-packs/secure-ai/policies/aws/facts";
import { AZURE_FACTS } from "../../../policy-packs/secure-ai/policies/azure/facts";
import { GCP_FACTS } from "../../../policy-packs/secure-ai/policies/gcp/facts";
import { GCP_IAM_GRANT_TYPES } from "../../../policy-packs/secure-ai/policies/gcp/iam-grant-types";

type Concern = "cmk" | "tls" | "public" | "auth" | "logging" | "deletion" | "imds";

/** The controls by which a policy shows it enforces a concern. */
const CONTROLS: Record<Concern, readonly string[]> = {
  cmk: ["SAI-ENC-01"],
  tls: ["SAI-TLS-01", "SAI-TLS-02"],
  public: ["SAI-NET-01", "SAI-NET-02"],
  auth: ["SAI-IAM-03"],
  logging: ["SAI-LOG-01"],
  deletion: ["SAI-RES-01", "SAI-ENC-07"],
  imds: ["SAI-IAM-03"],
};

/** The types of issue 16 and the concerns that apply to each. */
const EXPECTED: Record<string, readonly Concern[]> = {
  "aws:rds/instance:Instance": ["cmk", "public", "auth", "logging", "deletion"],
  "aws:rds/cluster:Cluster": ["cmk", "auth", "logging", "deletion"],
  "aws:rds/clusterInstance:ClusterInstance": ["public"],
  "aws:dynamodb/table:Table": ["cmk", "deletion"],
  "aws:elasticache/replicationGroup:ReplicationGroup": ["cmk", "tls", "logging"],
  "aws:elasticache/cluster:Cluster": ["tls"],
  "aws:redshift/cluster:Cluster": ["cmk", "public"],
  "aws:redshiftserverless/namespace:Namespace": ["cmk", "logging"],
  "aws:opensearch/domain:Domain": ["cmk", "tls", "public", "logging"],
  "aws:docdb/cluster:Cluster": ["cmk", "logging", "deletion"],
  "aws:neptune/cluster:Cluster": ["cmk", "auth", "logging", "deletion"],
  "aws:msk/cluster:Cluster": ["cmk", "tls", "auth", "logging"],
  "aws:efs/fileSystem:FileSystem": ["cmk"],
  "aws:ebs/volume:Volume": ["cmk"],
  "aws:ec2/instance:Instance": ["cmk", "public", "imds"],
  "aws:ec2/launchTemplate:LaunchTemplate": ["cmk", "public", "imds"],
  "aws:ecr/repository:Repository": ["cmk"],
  "aws:ecr/repositoryPolicy:RepositoryPolicy": ["public"],
  "aws:eks/cluster:Cluster": ["public", "cmk", "logging"],
  "aws:lambda/function:Function": ["cmk"],
  "aws:lambda/functionUrl:FunctionUrl": ["public"],
  "aws:sqs/queue:Queue": ["cmk"],
  "aws:sns/topic:Topic": ["cmk"],
  "aws:kinesis/stream:Stream": ["cmk"],
  "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": ["cmk"],
  "aws:secretsmanager/secret:Secret": ["cmk"],
  "aws:ssm/parameter:Parameter": ["cmk"],
  "aws:backup/vault:Vault": ["cmk"],
  "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings": ["cmk"],
  "aws:glue/securityConfiguration:SecurityConfiguration": ["cmk"],
  "aws:athena/workgroup:Workgroup": ["cmk"],
  "aws:sagemaker/notebookInstance:NotebookInstance": ["cmk", "public", "imds"],
  "aws:sagemaker/domain:Domain": ["cmk", "public"],
  "aws:sagemaker/featureGroup:FeatureGroup": ["cmk"],
  "aws:bedrock/agentAgent:AgentAgent": ["cmk"],
  "aws:bedrock/agentDataSource:AgentDataSource": ["cmk"],
  "aws:apigatewayv2/domainName:DomainName": ["tls"],
  "aws:apigatewayv2/stage:Stage": ["logging"],
  "aws:lb/loadBalancer:LoadBalancer": ["logging", "deletion"],
  "aws:alb/loadBalancer:LoadBalancer": ["logging", "deletion"],
  "aws:cloudfront/distribution:Distribution": ["tls", "logging"],
  "aws:s3/bucketAcl:BucketAcl": ["public"],
  "aws:s3/bucket:Bucket": ["cmk", "public"],
  "gcp:sql/databaseInstance:DatabaseInstance": ["public", "tls", "cmk", "deletion"],
  "gcp:bigquery/dataset:Dataset": ["cmk", "public"],
  "gcp:bigquery/table:Table": ["cmk", "deletion"],
  "gcp:pubsub/topic:Topic": ["cmk"],
  "gcp:compute/disk:Disk": ["cmk"],
  "gcp:compute/instance:Instance": ["cmk", "public"],
  "gcp:compute/instanceTemplate:InstanceTemplate": ["cmk", "public"],
  "gcp:container/cluster:Cluster": ["public", "cmk", "deletion"],
  "gcp:cloudrunv2/service:Service": ["public", "cmk"],
  "gcp:cloudrunv2/job:Job": ["cmk"],
  "gcp:cloudfunctionsv2/function:Function": ["cmk", "public"],
  "gcp:artifactregistry/repository:Repository": ["cmk"],
  "gcp:secretmanager/secret:Secret": ["cmk"],
  "gcp:redis/instance:Instance": ["cmk", "tls", "auth"],
  "gcp:filestore/instance:Instance": ["cmk", "deletion"],
  "gcp:dataproc/cluster:Cluster": ["cmk", "public"],
  "gcp:workbench/instance:Instance": ["cmk", "public"],
  "gcp:cloudrunv2/serviceIamMember:ServiceIamMember": ["public"],
  "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding": ["public"],
  "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember": ["public"],
  "gcp:storage/bucketIAMPolicy:BucketIAMPolicy": ["public"],
  "gcp:projects/iAMMember:IAMMember": ["public"],
  "azure-native:sql:Server": ["public", "tls", "auth", "cmk"],
  "azure-native:sql:FirewallRule": ["public"],
  "azure-native:sql:TransparentDataEncryption": ["cmk"],
  "azure-native:sql:EncryptionProtector": ["cmk"],
  "azure-native:cosmosdb:DatabaseAccount": ["public", "auth", "tls", "cmk"],
  "azure-native:redis:Redis": ["tls", "auth", "public"],
  "azure-native:eventhub:Namespace": ["auth", "tls", "public", "cmk"],
  "azure-native:servicebus:Namespace": ["auth", "tls", "public", "cmk"],
  "azure-native:containerregistry:Registry": ["auth", "public", "cmk"],
  "azure-native:containerservice:ManagedCluster": ["public", "auth", "cmk"],
  "azure-native:compute:Disk": ["cmk", "public"],
  "azure-native:compute:VirtualMachine": ["cmk"],
  "azure-native:web:WebApp": ["tls", "public"],
  "azure-native:web:WebAppSlot": ["tls", "public"],
  "azure-native:search:Service": ["auth", "public", "cmk"],
  "azure-native:dbforpostgresql:Server": ["public", "auth", "cmk"],
  "azure-native:dbforpostgresql:FirewallRule": ["public"],
  "azure-native:dbformysql:Server": ["public", "cmk"],
  "azure-native:dbformysql:FirewallRule": ["public"],
  "azure-native:datafactory:Factory": ["public", "cmk"],
  "azure-native:apimanagement:ApiManagementService": ["public", "tls"],
  "azure-native:synapse:Workspace": ["public", "auth", "cmk"],
  "azure-native:synapse:IpFirewallRule": ["public"],
  "azure-native:network:PublicIPAddress": ["public"],
  "azure-native:network:NetworkInterface": ["public"],
};

const SDK = path.resolve(__dirname, "../../../node_modules/@pulumi");

/** Whether the installed SDK declares a type token (its module file names `__pulumiType`). */
function tokenExists(token: string): boolean {
  const [pkg, module, cls] = token.split(":");
  const file =
    pkg === "azure-native"
      ? path.join(SDK, "azure-native", module, `${cls.charAt(0).toLowerCase()}${cls.slice(1)}.js`)
      : path.join(SDK, pkg, `${module}.js`);
  const folder = path.dirname(file);
  const actual = fs.existsSync(folder)
    ? fs.readdirSync(folder).find((name) => name.toLowerCase() === path.basename(file).toLowerCase())
    : undefined;
  return actual !== undefined && fs.readFileSync(path.join(folder, actual), "utf8").includes(`'${token}'`);
}

describe("issue 16 coverage", () => {
  it.each(Object.entries(EXPECTED))("%s is covered for %j", (type, concerns) => {
    const examining = policies.filter((policy) => (policy.tags ?? []).includes(`examines:${type}`));
    const missing = concerns.filter(
      (concern) => !examining.some((policy) => CONTROLS[concern].some((id) => policy.tags?.includes(id))),
    );
    expect(missing).toEqual([]);
  });

  it("lists only type tokens the installed SDKs declare", () => {
    expect(Object.keys(EXPECTED).filter((token) => !tokenExists(token))).toEqual([]);
  });

  it("builds its tables from type tokens the installed SDKs declare", () => {
    const tokens = [...AWS_FACTS, ...GCP_FACTS, ...AZURE_FACTS].flatMap((row) => [
      row.type,
      ...(row.alsoTypes ?? []),
    ]);
    expect(tokens.filter((token) => !tokenExists(token))).toEqual([]);
  });

  it("covers every GCP IAM member, binding and policy type of the installed SDK", () => {
    const found = execFileSync(
      "grep",
      [
        "-rhoE",
        "__pulumiType = 'gcp:[a-zA-Z0-9]+/[a-zA-Z0-9]+:[A-Za-z0-9]*(Iam|IAM)(Member|Binding|Policy)'",
        "--include=*.js",
        path.join(SDK, "gcp"),
      ],
      { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
    )
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.replace("__pulumiType = '", "").replace(/'$/, ""));
    expect([...new Set(found)].sort()).toEqual([...GCP_IAM_GRANT_TYPES].sort());
  });

  it("keeps fact-table policy names unique across the pack", () => {
    const names = policies.map((policy) => policy.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
