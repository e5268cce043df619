import { defineResourcePolicy, everyoneAllowed, get, statementsOf } from "../lib";

/**
 * ECR repository policies never let everyone pull, push or delete images: an Allow statement for the
 * principal `"*"` is public unless a condition limits the caller to an account or organization
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html; the same reading of
 * public principals as the S3 and KMS policies, `lib/public-principal.ts`).
 */
export const awsEcrRepositorypolicyDisallowPublicPrincipal = defineResourcePolicy({
  name: "aws-ecr-repositorypolicy-disallow-public-principal",
  cloud: "aws",
  controls: ["SAI-NET-02"],
  description:
    'ECR repository policies (aws.ecr.RepositoryPolicy) have no Allow statement for the principal "*" unless a condition limits the caller to an account or organization, so nobody outside can pull, push or delete images.',
  enforcementLevel: "mandatory",
  resourceTypes: ["aws:ecr/repositoryPolicy:RepositoryPolicy"],
  tags: ["ecr", "iam"],
  validate: ({ props }, { report }) => {
    const statements = statementsOf(get(props, "policy"));
    for (const [index, statement] of (statements ?? []).entries()) {
      const why = everyoneAllowed(statement);
      if (why !== undefined) {
        report(
          `statement ${index} allows principal "*" ${statement.notActions ? "every action but " : ""}${statement.actions.join(", ")} ${why}`,
        );
      }
    }
  },
});
