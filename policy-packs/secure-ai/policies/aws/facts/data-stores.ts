/**
 * AWS data stores: which property holds the key, the TLS switch, the public switch, the auth switch, the
 * logging and deletion-protection switches, with the provider default when absent. Property names verified
 * in node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { atLeast, awsCmk, is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000001";
const RDS_ENC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html";
const RDS_PUBLIC =
  "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding";
const RDS_IAM = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html";
const RDS_LOGS =
  "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html";
const RDS_DELETE =
  "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection";
const IAM_ENGINES = ["mysql", "postgres", "mariadb", "aurora-mysql", "aurora-postgresql"];
const CACHE_REST = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html";
const CACHE_TRANSIT = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html";
const OS_ENDPOINT =
  "https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html";
const OS_TLS = ["Policy-Min-TLS-1-0-2019-07", "Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"];

const encrypted = (path: string, doc: string) =>
  is(path, true, false, "without it the data is stored unencrypted", doc, { fix: true });
const cmk = (path: string, doc: string) =>
  awsCmk(path, "without it AWS encrypts with its own managed key, which the key policy cannot restrict", doc);
const deletion = (path: string, doc: string) =>
  is(path, true, false, "a stray delete would destroy the data", doc, { fix: true });

/** AWS databases, caches, streams, queues, secrets and file systems. */
export const AWS_DATA_STORE_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:rds/instance:Instance",
    service: "rds",
    resource: "instance",
    title: "RDS DB instances",
    baseline: {
      engine: "postgres",
      instanceClass: "db.t4g.micro",
      storageEncrypted: true,
      kmsKeyId: KEY,
      publiclyAccessible: false,
      iamDatabaseAuthenticationEnabled: true,
      enabledCloudwatchLogsExports: ["postgresql"],
      deletionProtection: true,
    },
    groups: [
      { concern: "cmk", facts: [encrypted("storageEncrypted", RDS_ENC), cmk("kmsKeyId", RDS_ENC)] },
      {
        concern: "public",
        facts: [
          is(
            "publiclyAccessible",
            false,
            false,
            "the instance gets a public DNS name and address",
            RDS_PUBLIC,
            { fix: false },
          ),
        ],
      },
      {
        concern: "auth",
        level: "advisory",
        facts: [
          is(
            "iamDatabaseAuthenticationEnabled",
            true,
            false,
            "only the master password authenticates",
            RDS_IAM,
            {
              when: { path: "engine", in: IAM_ENGINES },
            },
          ),
        ],
      },
      {
        concern: "logging",
        facts: [isSet("enabledCloudwatchLogsExports", "database logs stay on the instance", RDS_LOGS)],
      },
      { concern: "deletion", facts: [deletion("deletionProtection", RDS_DELETE)] },
    ],
  },
  {
    type: "aws:rds/cluster:Cluster",
    service: "rds",
    resource: "cluster",
    title: "RDS and Aurora DB clusters",
    baseline: {
      engine: "aurora-postgresql",
      storageEncrypted: true,
      kmsKeyId: KEY,
      iamDatabaseAuthenticationEnabled: true,
      enabledCloudwatchLogsExports: ["postgresql"],
      deletionProtection: true,
    },
    groups: [
      { concern: "cmk", facts: [encrypted("storageEncrypted", RDS_ENC), cmk("kmsKeyId", RDS_ENC)] },
      {
        concern: "auth",
        level: "advisory",
        facts: [
          is(
            "iamDatabaseAuthenticationEnabled",
            true,
            false,
            "only the master password authenticates",
            RDS_IAM,
            {
              when: { path: "engine", in: IAM_ENGINES },
            },
          ),
        ],
      },
      {
        concern: "logging",
        facts: [isSet("enabledCloudwatchLogsExports", "database logs stay on the cluster", RDS_LOGS)],
      },
      { concern: "deletion", facts: [deletion("deletionProtection", RDS_DELETE)] },
    ],
  },
  {
    type: "aws:rds/clusterInstance:ClusterInstance",
    service: "rds",
    resource: "clusterinstance",
    title: "Aurora cluster instances",
    baseline: {
      clusterIdentifier: "platform",
      engine: "aurora-postgresql",
      instanceClass: "db.r6g.large",
      publiclyAccessible: false,
    },
    groups: [
      {
        concern: "public",
        facts: [
          is(
            "publiclyAccessible",
            false,
            false,
            "the instance gets a public DNS name and address",
            RDS_PUBLIC,
            { fix: false },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:dynamodb/table:Table",
    service: "dynamodb",
    resource: "table",
    title: "DynamoDB tables",
    baseline: {
      hashKey: "id",
      attributes: [{ name: "id", type: "S" }],
      serverSideEncryption: { enabled: true, kmsKeyArn: KEY },
      deletionProtectionEnabled: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is(
            "serverSideEncryption.enabled",
            true,
            false,
            "the table uses an AWS owned key",
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html",
          ),
          cmk(
            "serverSideEncryption.kmsKeyArn",
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.howitworks.html",
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtectionEnabled",
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:elasticache/replicationGroup:ReplicationGroup",
    service: "elasticache",
    resource: "replicationgroup",
    title: "ElastiCache replication groups",
    baseline: {
      description: "sessions",
      engine: "valkey",
      nodeType: "cache.t4g.small",
      atRestEncryptionEnabled: true,
      kmsKeyId: KEY,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      logDeliveryConfigurations: [
        {
          destination: "cache-logs",
          destinationType: "cloudwatch-logs",
          logFormat: "json",
          logType: "engine-log",
        },
      ],
    },
    groups: [
      {
        concern: "cmk",
        facts: [encrypted("atRestEncryptionEnabled", CACHE_REST), cmk("kmsKeyId", CACHE_REST)],
      },
      {
        concern: "tls",
        facts: [
          is("transitEncryptionEnabled", true, false, "clients connect in plain text", CACHE_TRANSIT, {
            fix: true,
          }),
          oneOf(
            "transitEncryptionMode",
            ["required"],
            "required",
            "the preferred mode still accepts plain-text connections",
            CACHE_TRANSIT,
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "logDeliveryConfigurations",
            "engine and slow logs are not delivered",
            "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Log_Delivery.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:elasticache/cluster:Cluster",
    service: "elasticache",
    resource: "cluster",
    title: "ElastiCache clusters",
    baseline: {
      engine: "memcached",
      nodeType: "cache.t4g.small",
      numCacheNodes: 1,
      transitEncryptionEnabled: true,
    },
    groups: [
      {
        concern: "tls",
        facts: [
          is("transitEncryptionEnabled", true, false, "clients connect in plain text", CACHE_TRANSIT, {
            fix: true,
            when: { path: "engine", in: ["memcached", "redis", "valkey"], absent: "memcached" },
          }),
        ],
      },
    ],
  },
  {
    type: "aws:redshift/cluster:Cluster",
    service: "redshift",
    resource: "cluster",
    title: "Redshift clusters",
    baseline: {
      clusterIdentifier: "warehouse",
      nodeType: "ra3.xlplus",
      encrypted: "true",
      kmsKeyId: KEY,
      publiclyAccessible: false,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is(
            "encrypted",
            "true",
            "true",
            "the cluster is unencrypted",
            "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html",
          ),
          cmk("kmsKeyId", "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html"),
        ],
      },
      {
        concern: "public",
        facts: [
          is(
            "publiclyAccessible",
            false,
            false,
            "the cluster gets a public endpoint",
            "https://docs.aws.amazon.com/redshift/latest/mgmt/rs-vpc-public-access.html",
            { fix: false },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:redshiftserverless/namespace:Namespace",
    service: "redshiftserverless",
    resource: "namespace",
    title: "Redshift Serverless namespaces",
    baseline: {
      namespaceName: "warehouse",
      kmsKeyId: KEY,
      logExports: ["userlog", "connectionlog", "useractivitylog"],
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "kmsKeyId",
            "https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-workgroups-and-namespaces-rotate-kms-key.html",
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "logExports",
            "audit logs are not exported",
            "https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-audit-logging.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:opensearch/domain:Domain",
    service: "opensearch",
    resource: "domain",
    title: "OpenSearch domains",
    baseline: {
      domainName: "vectors",
      encryptAtRest: { enabled: true, kmsKeyId: KEY },
      nodeToNodeEncryption: { enabled: true },
      domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" },
      vpcOptions: { subnetIds: ["subnet-0a"], securityGroupIds: ["sg-0a"] },
      logPublishingOptions: [
        { cloudwatchLogGroupArn: "arn:aws:logs:eu-west-1:111111111111:log-group:os", logType: "AUDIT_LOGS" },
      ],
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is(
            "encryptAtRest.enabled",
            true,
            false,
            "the domain is unencrypted",
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html",
          ),
          cmk(
            "encryptAtRest.kmsKeyId",
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html",
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          is(
            "domainEndpointOptions.enforceHttps",
            true,
            false,
            "the endpoint accepts plain HTTP",
            OS_ENDPOINT,
          ),
          atLeast(
            "domainEndpointOptions.tlsSecurityPolicy",
            OS_TLS,
            "Policy-Min-TLS-1-2-2019-07",
            undefined,
            "TLS 1.0 and 1.1 are accepted",
            OS_ENDPOINT,
          ),
          is(
            "nodeToNodeEncryption.enabled",
            true,
            false,
            "nodes talk in plain text",
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html",
          ),
        ],
      },
      {
        concern: "public",
        facts: [
          isSet(
            "vpcOptions.subnetIds",
            "without VPC options the domain has a public endpoint",
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html",
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "logPublishingOptions",
            "no audit or slow logs are published",
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:docdb/cluster:Cluster",
    service: "docdb",
    resource: "cluster",
    title: "DocumentDB clusters",
    baseline: {
      storageEncrypted: true,
      kmsKeyId: KEY,
      enabledCloudwatchLogsExports: ["audit"],
      deletionProtection: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          encrypted(
            "storageEncrypted",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html",
          ),
          cmk(
            "kmsKeyId",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html",
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "enabledCloudwatchLogsExports",
            "audit and profiler logs are not exported",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html",
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-delete.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:neptune/cluster:Cluster",
    service: "neptune",
    resource: "cluster",
    title: "Neptune clusters",
    baseline: {
      storageEncrypted: true,
      kmsKeyArn: KEY,
      iamDatabaseAuthenticationEnabled: true,
      enableCloudwatchLogsExports: ["audit"],
      deletionProtection: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          encrypted("storageEncrypted", "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"),
          cmk("kmsKeyArn", "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html"),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "iamDatabaseAuthenticationEnabled",
            true,
            false,
            "any client in the network can query the graph",
            "https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html",
            { fix: true },
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "enableCloudwatchLogsExports",
            "audit logs are not exported",
            "https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html",
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            "https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:msk/cluster:Cluster",
    service: "msk",
    resource: "cluster",
    title: "MSK clusters",
    baseline: {
      kafkaVersion: "3.7.x",
      numberOfBrokerNodes: 3,
      brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["subnet-0a"] },
      encryptionInfo: {
        encryptionAtRestKmsKeyArn: KEY,
        encryptionInTransit: { clientBroker: "TLS", inCluster: true },
      },
      clientAuthentication: { unauthenticated: false, sasl: { iam: true } },
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "msk" } } },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "encryptionInfo.encryptionAtRestKmsKeyArn",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          oneOf(
            "encryptionInfo.encryptionInTransit.clientBroker",
            ["TLS"],
            "TLS",
            "clients may connect in plain text",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
          ),
          is(
            "encryptionInfo.encryptionInTransit.inCluster",
            true,
            true,
            "brokers replicate in plain text",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
          ),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "clientAuthentication.unauthenticated",
            false,
            false,
            "anonymous clients can produce and consume",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-authentication.html",
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "loggingInfo.brokerLogs",
            "broker logs are not delivered",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:efs/fileSystem:FileSystem",
    service: "efs",
    resource: "filesystem",
    title: "EFS file systems",
    baseline: { encrypted: true, kmsKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [
          encrypted("encrypted", "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"),
          cmk("kmsKeyId", "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"),
        ],
      },
    ],
  },
  {
    type: "aws:ebs/volume:Volume",
    service: "ebs",
    resource: "volume",
    title: "EBS volumes",
    baseline: { availabilityZone: "eu-west-1a", size: 100, encrypted: true, kmsKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        description:
          "EBS volumes are encrypted (encrypted: true) with a customer-managed KMS key (kmsKeyId set).",
        facts: [
          is(
            "encrypted",
            true,
            false,
            "the volume is unencrypted",
            "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
          ),
          isSet(
            "kmsKeyId",
            "without it the volume uses the AWS-managed aws/ebs key",
            "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
          ),
        ],
      },
    ],
  },
];
