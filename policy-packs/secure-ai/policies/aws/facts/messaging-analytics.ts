/**
 * AWS queues, topics, streams, secrets, parameters, backup vaults and analytics (Glue, Athena): where the
 * customer-managed key goes. Property names verified in node_modules/@pulumi/aws 7.48.
 */
import { awsCmk, is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000001";
const WHY = "without it AWS encrypts with its own managed key, which the key policy cannot restrict";
const cmk = (path: string, doc: string, extra = {}) => awsCmk(path, WHY, doc, extra);
const GLUE_CATALOG = "https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html";
const GLUE_JOBS = "https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html";

/** AWS messaging, secrets and analytics resources. */
export const AWS_MESSAGING_ANALYTICS_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:sqs/queue:Queue",
    service: "sqs",
    resource: "queue",
    title: "SQS queues",
    baseline: { kmsMasterKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "kmsMasterKeyId",
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:sns/topic:Topic",
    service: "sns",
    resource: "topic",
    title: "SNS topics",
    baseline: { kmsMasterKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        description:
          "SNS topics are encrypted with a customer-managed KMS key (kmsMasterKeyId set, not alias/aws/sns).",
        facts: [
          cmk("kmsMasterKeyId", "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html"),
        ],
      },
    ],
  },
  {
    type: "aws:kinesis/stream:Stream",
    service: "kinesis",
    resource: "stream",
    title: "Kinesis data streams",
    baseline: { encryptionType: "KMS", kmsKeyId: KEY, streamModeDetails: { streamMode: "ON_DEMAND" } },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "encryptionType",
            ["KMS"],
            "NONE",
            "records are stored unencrypted",
            "https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html",
          ),
          cmk("kmsKeyId", "https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html"),
        ],
      },
    ],
  },
  {
    type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    service: "kinesis",
    resource: "firehosedeliverystream",
    title: "Firehose delivery streams",
    baseline: {
      destination: "extended_s3",
      serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: KEY },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is(
            "serverSideEncryption.enabled",
            true,
            false,
            "records are buffered unencrypted",
            "https://docs.aws.amazon.com/firehose/latest/dev/encryption.html",
          ),
          oneOf(
            "serverSideEncryption.keyType",
            ["CUSTOMER_MANAGED_CMK"],
            "AWS_OWNED_CMK",
            "an AWS owned key is used",
            "https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeliveryStreamEncryptionConfigurationInput.html",
          ),
          cmk(
            "serverSideEncryption.keyArn",
            "https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeliveryStreamEncryptionConfigurationInput.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:secretsmanager/secret:Secret",
    service: "secretsmanager",
    resource: "secret",
    title: "Secrets Manager secrets",
    baseline: { kmsKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "kmsKeyId",
            "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:ssm/parameter:Parameter",
    service: "ssm",
    resource: "parameter",
    title: "SSM SecureString parameters",
    baseline: { type: "SecureString", value: "s3cr3t", keyId: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "keyId",
            "https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html",
            {
              when: { path: "type", in: ["SecureString"] },
            },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:backup/vault:Vault",
    service: "backup",
    resource: "vault",
    title: "Backup vaults",
    baseline: { kmsKeyArn: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [cmk("kmsKeyArn", "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html")],
      },
    ],
  },
  {
    type: "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings",
    service: "glue",
    resource: "datacatalogencryptionsettings",
    title: "Glue Data Catalog encryption settings",
    baseline: {
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: KEY },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: KEY },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode",
            ["SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"],
            "DISABLED",
            "the catalog metadata is unencrypted",
            GLUE_CATALOG,
          ),
          cmk("dataCatalogEncryptionSettings.encryptionAtRest.sseAwsKmsKeyId", GLUE_CATALOG),
          is(
            "dataCatalogEncryptionSettings.connectionPasswordEncryption.returnConnectionPasswordEncrypted",
            true,
            false,
            "connection passwords are stored in clear",
            GLUE_CATALOG,
          ),
          cmk("dataCatalogEncryptionSettings.connectionPasswordEncryption.awsKmsKeyId", GLUE_CATALOG),
        ],
      },
    ],
  },
  {
    type: "aws:glue/securityConfiguration:SecurityConfiguration",
    service: "glue",
    resource: "securityconfiguration",
    title: "Glue security configurations",
    baseline: {
      encryptionConfiguration: {
        s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: KEY },
        cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: KEY },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: KEY },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "encryptionConfiguration.s3Encryption.s3EncryptionMode",
            ["SSE-KMS"],
            "DISABLED",
            "job output in S3 is not encrypted with a key of yours",
            GLUE_JOBS,
          ),
          cmk("encryptionConfiguration.s3Encryption.kmsKeyArn", GLUE_JOBS),
          oneOf(
            "encryptionConfiguration.cloudwatchEncryption.cloudwatchEncryptionMode",
            ["SSE-KMS"],
            "DISABLED",
            "job logs are not encrypted with a key of yours",
            GLUE_JOBS,
          ),
          cmk("encryptionConfiguration.cloudwatchEncryption.kmsKeyArn", GLUE_JOBS),
          oneOf(
            "encryptionConfiguration.jobBookmarksEncryption.jobBookmarksEncryptionMode",
            ["CSE-KMS"],
            "DISABLED",
            "job bookmarks are unencrypted",
            GLUE_JOBS,
          ),
          cmk("encryptionConfiguration.jobBookmarksEncryption.kmsKeyArn", GLUE_JOBS),
        ],
      },
    ],
  },
  {
    type: "aws:athena/workgroup:Workgroup",
    service: "athena",
    resource: "workgroup",
    title: "Athena workgroups",
    baseline: {
      configuration: {
        enforceWorkgroupConfiguration: true,
        resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: KEY } },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "configuration.resultConfiguration.encryptionConfiguration.encryptionOption",
            ["SSE_KMS", "CSE_KMS"],
            undefined,
            "query results are not encrypted with a key of yours",
            "https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html",
          ),
          cmk(
            "configuration.resultConfiguration.encryptionConfiguration.kmsKeyArn",
            "https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html",
          ),
          is(
            "configuration.enforceWorkgroupConfiguration",
            true,
            true,
            "clients may override the result encryption",
            "https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:bedrock/agentAgent:AgentAgent",
    service: "bedrock",
    resource: "agentagent",
    title: "Bedrock agents",
    baseline: {
      agentName: "assistant",
      agentResourceRoleArn: "arn:aws:iam::111111111111:role/agent",
      foundationModel: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      customerEncryptionKeyArn: KEY,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "customerEncryptionKeyArn",
            "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:bedrock/agentDataSource:AgentDataSource",
    service: "bedrock",
    resource: "agentdatasource",
    title: "Bedrock knowledge-base data sources",
    baseline: {
      knowledgeBaseId: "KB123",
      dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::corpus" } },
      serverSideEncryptionConfiguration: { kmsKeyArn: KEY },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "serverSideEncryptionConfiguration.kmsKeyArn",
            "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-kb.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:lambda/function:Function",
    service: "lambda",
    resource: "function",
    title: "Lambda functions with environment variables",
    baseline: {
      role: "arn:aws:iam::111111111111:role/fn",
      runtime: "nodejs22.x",
      handler: "index.handler",
      environment: { variables: { STAGE: "prod" } },
      kmsKeyArn: KEY,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "kmsKeyArn",
            "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html",
            {
              when: { path: "environment", present: true },
            },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:lambda/functionUrl:FunctionUrl",
    service: "lambda",
    resource: "functionurl",
    title: "Lambda function URLs",
    baseline: { functionName: "chat", authorizationType: "AWS_IAM" },
    groups: [
      {
        concern: "public",
        facts: [
          oneOf(
            "authorizationType",
            ["AWS_IAM"],
            undefined,
            "NONE makes the function callable by anyone on the internet",
            "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:apigatewayv2/domainName:DomainName",
    service: "apigatewayv2",
    resource: "domainname",
    title: "API Gateway v2 custom domain names",
    baseline: {
      domainName: "api.example.com",
      domainNameConfiguration: {
        certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/1",
        endpointType: "REGIONAL",
        securityPolicy: "TLS_1_2",
      },
    },
    groups: [
      {
        concern: "tls",
        facts: [
          oneOf(
            "domainNameConfiguration.securityPolicy",
            ["TLS_1_2"],
            undefined,
            "TLS 1.0 is accepted (HTTP and WebSocket APIs support TLS_1_2 at most)",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:apigatewayv2/stage:Stage",
    service: "apigatewayv2",
    resource: "stage",
    title: "API Gateway v2 stages",
    baseline: {
      apiId: "a1",
      name: "$default",
      accessLogSettings: {
        destinationArn: "arn:aws:logs:eu-west-1:111111111111:log-group:api",
        format: "$context.requestId",
      },
    },
    groups: [
      {
        concern: "logging",
        facts: [
          isSet(
            "accessLogSettings.destinationArn",
            "requests are not access-logged",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html",
          ),
        ],
      },
    ],
  },
];
