import { SecureAiConfigError } from "../errors";
import type { ResolvedSpec } from "../spec/resolved";
import { AWS_LIMITS } from "./defaults";
import { ECR_IMAGE_URI } from "./operators";

const IAM_PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/;
const ACM_CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/;
const EXTERNAL_KEY = /^cks-[a-z0-9]{17}\/[\w.-]{1,128}$/;
const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
const SIEM_DESTINATION = /^arn:aws[a-z-]*:(kinesis|firehose|lambda|logs):[a-z0-9-]+:\d{12}:.+$/;

function checkAll(values: readonly string[], path: string, pattern: RegExp, allowed: string): void {
  values.forEach((value, index) => {
    if (!pattern.test(value)) throw new SecureAiConfigError(`${path}[${index}]`, value, allowed);
  });
}

/**
 * Checks what only the AWS backend can judge. Runs before the backend registers any resource, so bad input
 * still leaves nothing behind.
 */
export function checkAwsSpec(spec: ResolvedSpec): void {
  if (spec.encryption.rotationDays < AWS_LIMITS.minRotationDays) {
    throw new SecureAiConfigError(
      "encryption.rotationDays",
      spec.encryption.rotationDays,
      `AWS KMS rotates keys automatically every ${AWS_LIMITS.minRotationDays} to 2560 days; use ${AWS_LIMITS.minRotationDays} on AWS`,
    );
  }
  const principal = "expected an IAM role, user or account root ARN (arn:aws:iam::123456789012:role/name)";
  checkAll(
    spec.encryption.breakGlassPrincipals,
    "encryption.breakGlassPrincipals",
    IAM_PRINCIPAL_ARN,
    principal,
  );
  checkAll(spec.identity.dataScientists, "identity.dataScientists", IAM_PRINCIPAL_ARN, principal);
  checkAll(spec.identity.admins, "identity.admins", IAM_PRINCIPAL_ARN, principal);
  const externalKeyStore = spec.encryption.externalKeyStore;
  if (externalKeyStore !== undefined && !EXTERNAL_KEY.test(externalKeyStore)) {
    throw new SecureAiConfigError(
      "encryption.externalKeyStore",
      externalKeyStore,
      'on AWS, expected "<XKS custom key store ID>/<external key ID>", such as "cks-1234567890abcdef0/local-data-key" (KMS needs both to create a key backed by the external key manager)',
    );
  }
  const existing = spec.network.existing;
  if (existing) {
    if (!VPC_ID.test(existing.networkId)) {
      throw new SecureAiConfigError(
        "network.existing.networkId",
        existing.networkId,
        'expected a VPC ID ("vpc-...")',
      );
    }
    checkAll(
      existing.subnetIds,
      "network.existing.subnetIds",
      SUBNET_ID,
      'expected subnet IDs ("subnet-...")',
    );
  }
  spec.models.forEach((model, index) => {
    if (
      model.serving === "sagemaker" &&
      model.instanceType !== undefined &&
      !model.instanceType.startsWith("ml.")
    ) {
      throw new SecureAiConfigError(
        `models[${index}].instanceType`,
        model.instanceType,
        'expected a SageMaker instance type such as "ml.m5.xlarge"',
      );
    }
    if (model.serving !== "sagemaker") return;
    if (model.baseModel !== undefined && !ECR_IMAGE_URI.test(model.baseModel)) {
      throw new SecureAiConfigError(
        `models[${index}].baseModel`,
        model.baseModel,
        'a SageMaker model runs a container image from Amazon ECR: "<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>"',
      );
    }
    const prefix = `models/${model.name}/`;
    if (
      model.artifact !== undefined &&
      (!model.artifact.startsWith(prefix) ||
        model.artifact.length === prefix.length ||
        model.artifact.split("/").includes("..") ||
        /\s/.test(model.artifact))
    ) {
      throw new SecureAiConfigError(
        `models[${index}].artifact`,
        model.artifact,
        `the object key of the model's artifact in the artifacts bucket, under "${prefix}" (the only prefix the model's role may read), such as "${prefix}model.tar.gz"`,
      );
    }
  });
  if (spec.publicApi.enabled) {
    if (existing) {
      throw new SecureAiConfigError(
        "network.existing",
        existing,
        "on AWS the public API needs public subnets in a VPC the platform creates; remove network.existing or turn publicApi off",
      );
    }
    const certificate = spec.publicApi.certificate;
    if (certificate === undefined || !ACM_CERTIFICATE_ARN.test(certificate)) {
      throw new SecureAiConfigError(
        "publicApi.certificate",
        certificate,
        "on AWS the public API's HTTPS listener needs an ACM certificate ARN in the platform's region",
      );
    }
  }
  if (spec.logging.siem === "export") {
    const destination = spec.logging.siemDestination;
    if (destination === undefined || !SIEM_DESTINATION.test(destination)) {
      throw new SecureAiConfigError(
        "logging.siemDestination",
        destination,
        "on AWS, expected the ARN of a Kinesis stream, Firehose stream, Lambda function or CloudWatch Logs destination",
      );
    }
  }
}
