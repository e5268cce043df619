/**
 * AWS RDS: DB instances, DB clusters and Aurora cluster instances. Property names verified in
 * node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { is, isSet, type ResourceFacts } from "../../lib/facts";
import { KEY, encrypted, cmk, deletion } from "./common";

const RDS_ENC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html";
const RDS_PUBLIC =
  "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding";
const RDS_IAM = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html";
const RDS_LOGS =
  "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html";
const RDS_DELETE =
  "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection";
const IAM_ENGINES = ["mysql", "postgres", "mariadb", "aurora-mysql", "aurora-postgresql"];

/** RDS DB instances, clusters and cluster instances. */
export const AWS_RDS_FACTS: readonly ResourceFacts[] = [
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
];
