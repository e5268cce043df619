/**
 * The AWS fact table (one row per resource type) and the policies built from it. Adding a type: one row in
 * the file of its service family; the policies, their docs row and their test cases follow from it.
 */
import { buildFactPolicies, type ResourceFacts } from "../../lib/facts";
import type { SecureAiResourcePolicy } from "../../lib";
import { AWS_RDS_FACTS } from "./rds";
import { AWS_DYNAMODB_ELASTICACHE_FACTS } from "./dynamodb-elasticache";
import { AWS_REDSHIFT_OPENSEARCH_FACTS } from "./redshift-opensearch";
import { AWS_DOCDB_NEPTUNE_FACTS } from "./docdb-neptune";
import { AWS_MSK_FACTS } from "./msk";
import { AWS_EFS_EBS_FACTS } from "./efs-ebs";
import { AWS_MESSAGING_FACTS } from "./messaging";
import { AWS_SECRETS_BACKUP_FACTS } from "./secrets-backup";
import { AWS_GLUE_ATHENA_FACTS } from "./glue-athena";
import { AWS_BEDROCK_FACTS } from "./bedrock";
import { AWS_LAMBDA_APIGATEWAY_FACTS } from "./lambda-apigateway";
import { AWS_EC2_FACTS } from "./ec2";
import { AWS_ECR_EKS_FACTS } from "./ecr-eks";
import { AWS_SAGEMAKER_FACTS } from "./sagemaker";
import { AWS_LB_CLOUDFRONT_FACTS } from "./lb-cloudfront";
import { AWS_S3_ACL_FACTS } from "./s3";

/** Every AWS row, in the order of the pack's policies. */
export const AWS_FACTS: readonly ResourceFacts[] = [
  ...AWS_RDS_FACTS,
  ...AWS_DYNAMODB_ELASTICACHE_FACTS,
  ...AWS_REDSHIFT_OPENSEARCH_FACTS,
  ...AWS_DOCDB_NEPTUNE_FACTS,
  ...AWS_MSK_FACTS,
  ...AWS_EFS_EBS_FACTS,
  ...AWS_MESSAGING_FACTS,
  ...AWS_SECRETS_BACKUP_FACTS,
  ...AWS_GLUE_ATHENA_FACTS,
  ...AWS_BEDROCK_FACTS,
  ...AWS_LAMBDA_APIGATEWAY_FACTS,
  ...AWS_EC2_FACTS,
  ...AWS_ECR_EKS_FACTS,
  ...AWS_SAGEMAKER_FACTS,
  ...AWS_LB_CLOUDFRONT_FACTS,
  ...AWS_S3_ACL_FACTS,
];

/** The policies of the AWS fact table. */
export const awsFactPolicies: readonly SecureAiResourcePolicy[] = buildFactPolicies("aws", AWS_FACTS);

/** One policy of the AWS fact table by name (throws for an unknown name). */
export function awsFactPolicy(name: string): SecureAiResourcePolicy {
  const policy = awsFactPolicies.find((candidate) => candidate.name === name);
  if (policy === undefined) {
    throw new Error(`no AWS fact policy named ${name}`);
  }
  return policy;
}
