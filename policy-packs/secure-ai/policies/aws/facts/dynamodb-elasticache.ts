/**
 * AWS key-value stores: DynamoDB tables and ElastiCache replication groups and clusters. Property names
 * verified in node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, encrypted, cmk, deletion } from "./common";

const CACHE_REST = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html";
const CACHE_TRANSIT = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html";

/** DynamoDB tables and ElastiCache replication groups and clusters. */
export const AWS_DYNAMODB_ELASTICACHE_FACTS: readonly ResourceFacts[] = [
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
            { since: "@pulumi/aws v6" },
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
            since: "@pulumi/aws v6",
          }),
        ],
      },
    ],
  },
];
