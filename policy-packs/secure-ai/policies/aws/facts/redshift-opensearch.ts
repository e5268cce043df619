/**
 * AWS warehouses and search: Redshift clusters, Redshift Serverless namespaces and OpenSearch domains.
 * Property names verified in node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and
 * `types/input.d.ts`).
 */
import { atLeast, is, isSet, type ResourceFacts } from "../../lib/facts";
import { KEY, cmk } from "./common";

const OS_ENDPOINT =
  "https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html";
const OS_TLS = ["Policy-Min-TLS-1-0-2019-07", "Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"];

/** Redshift clusters, Redshift Serverless namespaces and OpenSearch domains. */
export const AWS_REDSHIFT_OPENSEARCH_FACTS: readonly ResourceFacts[] = [
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
];
