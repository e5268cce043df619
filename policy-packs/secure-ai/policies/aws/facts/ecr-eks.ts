/**
 * AWS containers: ECR repositories and EKS clusters. Property names verified in node_modules/@pulumi/aws
 * 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { awsCmk, is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, WHY } from "./common";

/** ECR repositories and EKS clusters. */
export const AWS_ECR_EKS_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:ecr/repository:Repository",
    service: "ecr",
    resource: "repository",
    title: "ECR repositories",
    baseline: {
      encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
      imageTagMutability: "IMMUTABLE",
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryptionConfigurations",
            "images are encrypted with AES256 managed by ECR",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
          ),
          oneOf(
            "encryptionConfigurations[].encryptionType",
            ["KMS", "KMS_DSSE"],
            "AES256",
            "images are encrypted with AES256 managed by ECR",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
          ),
          awsCmk(
            "encryptionConfigurations[].kmsKey",
            WHY,
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:eks/cluster:Cluster",
    service: "eks",
    resource: "cluster",
    title: "EKS clusters",
    baseline: {
      roleArn: "arn:aws:iam::111111111111:role/eks",
      vpcConfig: { subnetIds: ["subnet-0a"], endpointPrivateAccess: true, endpointPublicAccess: false },
      encryptionConfig: { provider: { keyArn: KEY }, resources: ["secrets"] },
      enabledClusterLogTypes: ["api", "audit", "authenticator"],
    },
    groups: [
      {
        concern: "public",
        facts: [
          is(
            "vpcConfig.endpointPublicAccess",
            false,
            true,
            "the Kubernetes API is reachable from the internet",
            "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryptionConfig.provider.keyArn",
            "Kubernetes secrets are not envelope-encrypted with a key of yours",
            "https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html",
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "enabledClusterLogTypes",
            "control-plane audit logs are off",
            "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
          ),
        ],
      },
    ],
  },
];
