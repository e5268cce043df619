import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import type { AwsContext } from "./context";
import { AWS_DEFAULTS } from "./defaults";
import { childName } from "./naming";
import { type PolicyDocument, type Statement, policyDocument, policyJson } from "./policy-documents";
import type { ResolvedModel } from "../spec/resolved";
import { platformTrains } from "../spec/scopes";

/*
 * The platform's operator roles, created with the workload roles so that key policies can name them:
 *
 * - the key administrator (break-glass) role. KMS accepts only the principals a key policy names, and a key whose
 *   policy names no principal that still exists can be recovered only by AWS Support
 *   (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html). The deployer alone is not
 *   enough: another deployer, or deleting the deploying role, would leave every key unmanageable. The role is
 *   assumable by the account's principals whose IAM policies allow it, with MFA when identity.requireMfa, and the
 *   key policies let it administer keys without using them.
 * - the publisher role, the one identity that writes datasets and model artifacts (a training pipeline or CI):
 *   without it nobody may use the artifacts and dataset keys, so nothing could upload a model artifact. It is
 *   assumable by the deployer (the pipeline that runs `pulumi up`) and, where a model is fine-tuned or
 *   self-trained (models[i].scope), by SageMaker training jobs of the account.
 */

/** The operator roles. */
export interface OperatorRoles {
  /** Break-glass key administration (no key use). */
  keyAdmin: iam.Role;
  /** Writes datasets and model artifacts through S3 with the data keys. */
  publisher: iam.Role;
}

function accountRoot(ctx: AwsContext): pulumi.Output<string> {
  return pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:root`;
}

/** Trust of the key administrator role: principals of the platform's account, with MFA unless waived. */
export function keyAdminTrust(ctx: AwsContext): PolicyDocument {
  return policyDocument([
    {
      Sid: "AccountAdministratorsAssumeKeyAdmin",
      Effect: "Allow",
      Principal: { AWS: [accountRoot(ctx)] },
      Action: "sts:AssumeRole",
      ...(ctx.spec.identity.requireMfa
        ? { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }
        : {}),
    },
  ]);
}

/**
 * Trust of the publisher role: the deployer, and, only where a model is fine-tuned or self-trained
 * (models[i].scope, Scoping Matrix Scope 4 or 5), SageMaker training jobs of the platform's account. A platform
 * whose models are all pre-trained trains nothing, so no SageMaker job may write its datasets or artifacts.
 */
export function publisherTrust(ctx: AwsContext): PolicyDocument {
  return policyDocument([
    {
      Sid: "DeployerAssumesPublisher",
      Effect: "Allow",
      Principal: { AWS: [ctx.deployerArn] },
      Action: "sts:AssumeRole",
    },
    ...(platformTrains(ctx.spec.models) ? [sageMakerTrainingTrust(ctx)] : []),
  ]);
}

/** SageMaker training jobs of the platform's account may assume the publisher role. */
function sageMakerTrainingTrust(ctx: AwsContext): Statement {
  return {
    Sid: "SageMakerTrainingAssumesPublisher",
    Effect: "Allow",
    Principal: { Service: ["sagemaker.amazonaws.com"] },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId } },
  };
}

/** Creates the key administrator and publisher roles (trust only; the publisher's permissions come later). */
export function createOperatorRoles(ctx: AwsContext): OperatorRoles {
  const { name, tags } = ctx;
  const keyAdmin = new iam.Role(
    childName(name, "key-admin-role"),
    {
      description: `Break-glass key administration of platform ${name}: manages the keys, cannot use them`,
      assumeRolePolicy: policyJson(keyAdminTrust(ctx)),
      maxSessionDuration: 3600,
      tags,
    },
    ctx.opts(),
  );
  const publisher = new iam.Role(
    childName(name, "publisher-role"),
    {
      description: `Publishes datasets and model artifacts of platform ${name} (training pipeline or CI)`,
      assumeRolePolicy: policyJson(publisherTrust(ctx)),
      maxSessionDuration: 3600,
      tags,
    },
    ctx.opts(),
  );
  return { keyAdmin, publisher };
}

/** Statements of the publisher's permission policy: write datasets and model artifacts, keys only through S3. */
export function publisherStatements(
  datasetsBucketArn: pulumi.Input<string>,
  artifactsBucketArn: pulumi.Input<string>,
  keyArns: pulumi.Input<string>[],
  s3Via: pulumi.Input<string>,
): Statement[] {
  return [
    {
      // Write-only: no s3:GetObject, so the publisher (and the deployer through it) cannot read data back.
      // Multipart uploads need kms:Decrypt (https://docs.aws.amazon.com/kms/latest/developerguide/services-s3.html).
      Sid: "PublishDatasetsAndArtifacts",
      Effect: "Allow",
      Action: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      Resource: [
        pulumi.interpolate`${datasetsBucketArn}/*`,
        pulumi.interpolate`${artifactsBucketArn}/models/*`,
      ],
    },
    {
      Sid: "EncryptThroughS3",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey*", "kms:Decrypt", "kms:DescribeKey"],
      Resource: keyArns,
      Condition: { StringEquals: { "kms:ViaService": s3Via } },
    },
  ];
}

/** The ECR repository a SageMaker model's image lives in: account, region and repository name. */
export interface ImageRepository {
  account: string;
  region: string;
  repository: string;
}

/**
 * An ECR image URI `<account>.dkr.ecr.<region>.<dns suffix>/<repository>(:<tag>|@<digest>)`. SageMaker hosting
 * pulls images from ECR (or a registry in the endpoint's VPC, which the platform does not configure):
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html
 */
export const ECR_IMAGE_URI =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9][a-z0-9._/-]*)(?::[\w.-]{1,128}|@sha256:[0-9a-f]{64})$/;

/** The repository of a SageMaker model's image: its `baseModel`, or the default Deep Learning Container. */
export function imageRepository(model: ResolvedModel, region: string): ImageRepository {
  const image = (model.baseModel ?? AWS_DEFAULTS.sagemakerImage)
    .replace("{region}", region)
    .replace("{dnsSuffix}", "amazonaws.com");
  const match = ECR_IMAGE_URI.exec(image);
  if (!match) throw new Error(`not an ECR image URI: ${image} (checkAwsSpec rejects it)`);
  return { account: match[1] as string, region: match[2] as string, repository: match[3] as string };
}

/**
 * What a SageMaker execution role needs to host a model, besides reading its artifact and key: pull the image
 * from ECR and write the endpoint's logs and metrics. The actions are those AWS lists for the CreateModel
 * execution role (https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createmodel-perms),
 * scoped to the image's repository, the endpoints' log groups and the endpoints' metric namespace.
 */
export function sagemakerHostingStatements(ctx: AwsContext, model: ResolvedModel): Statement[] {
  const repo = imageRepository(model, ctx.region);
  return [
    {
      Sid: "EcrAuthorizationToken",
      Effect: "Allow",
      Action: "ecr:GetAuthorizationToken",
      Resource: "*",
    },
    {
      Sid: "PullModelImage",
      Effect: "Allow",
      Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
      Resource: pulumi.interpolate`arn:${ctx.partition}:ecr:${repo.region}:${repo.account}:repository/${repo.repository}`,
    },
    {
      Sid: "WriteEndpointLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      Resource: [
        pulumi.interpolate`arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:/aws/sagemaker/Endpoints/*`,
        pulumi.interpolate`arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:/aws/sagemaker/Endpoints/*:log-stream:*`,
      ],
    },
    {
      Sid: "PublishEndpointMetrics",
      Effect: "Allow",
      Action: "cloudwatch:PutMetricData",
      Resource: "*",
      Condition: { StringLike: { "cloudwatch:namespace": "/aws/sagemaker/*" } },
    },
  ];
}
