import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import type { AwsContext } from "./context";
import { childName } from "./naming";
import { createOperatorRoles, publisherStatements, sagemakerHostingStatements } from "./operators";
import { humanTrust, policyDocument, policyJson, serviceTrust, webIdentityTrust } from "./policy-documents";

/** A workload outside AWS (CI runner) and the role it assumes by OIDC federation. */
export interface FederatedIdentity {
  name: string;
  role: iam.Role;
}

/** The platform's identities, created before the keys so that key policies can name them. */
export interface AwsIdentities {
  /** One role per model: the SageMaker execution role, or the role of the application calling Bedrock. */
  modelRoles: Map<string, iam.Role>;
  /** Roles of federated workloads (no long-lived keys). */
  federatedRoles: FederatedIdentity[];
  /** OIDC providers, one per distinct issuer. */
  oidcProviders: iam.OpenIdConnectProvider[];
  /** Read-only dataset role for data scientists (MFA), when any are configured. */
  dataScientistRole?: iam.Role;
  /** Administrators' role (MFA), when any are configured. */
  adminRole?: iam.Role;
  /** Break-glass key administration role (account principals, MFA): keys stay manageable without the deployer. */
  keyAdminRole: iam.Role;
  /** Writes datasets and model artifacts (deployer pipeline; SageMaker training where a model is fine-tuned or self-trained). */
  publisherRole: iam.Role;
}

const WORKLOAD_SERVICES: Readonly<Record<string, string[]>> = {
  sagemaker: ["sagemaker.amazonaws.com"],
  // The application that calls Bedrock with the model's guardrail runs on Lambda or ECS.
  bedrock: ["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"],
};

function issuerHost(issuer: string): string {
  return issuer.replace(/^https:\/\//, "").replace(/\/$/, "");
}

/** Creates every role with its trust policy only; permissions come later, once keys and buckets exist. */
export function createIdentities(ctx: AwsContext): AwsIdentities {
  const { name, spec, tags } = ctx;
  const modelRoles = new Map<string, iam.Role>();
  for (const model of spec.models) {
    const role = new iam.Role(
      childName(name, "model", model.name, "role"),
      {
        description: `Workload role of model ${model.name} (${model.serving}) of platform ${name}`,
        assumeRolePolicy: policyJson(serviceTrust(WORKLOAD_SERVICES[model.serving] ?? [], ctx.accountId)),
        maxSessionDuration: 3600,
        tags,
      },
      ctx.opts(),
    );
    modelRoles.set(model.name, role);
  }

  const providers = new Map<string, iam.OpenIdConnectProvider>();
  const federatedRoles = spec.identity.federatedWorkloads.map((workload): FederatedIdentity => {
    const host = issuerHost(workload.issuer);
    let provider = providers.get(host);
    if (!provider) {
      provider = new iam.OpenIdConnectProvider(
        childName(name, "oidc", String(providers.size)),
        { url: `https://${host}`, clientIdLists: ["sts.amazonaws.com"], tags },
        ctx.opts(),
      );
      providers.set(host, provider);
    }
    const role = new iam.Role(
      childName(name, "federated", workload.name, "role"),
      {
        description: `Federated workload ${workload.name} (OIDC subject ${workload.subject}) of platform ${name}`,
        assumeRolePolicy: policyJson(webIdentityTrust(provider.arn, host, workload.subject)),
        maxSessionDuration: 3600,
        tags,
      },
      ctx.opts(),
    );
    return { name: workload.name, role };
  });

  const requireMfa = spec.identity.requireMfa;
  const dataScientistRole =
    spec.identity.dataScientists.length > 0
      ? new iam.Role(
          childName(name, "data-scientist-role"),
          {
            description: `Read-only dataset access for data scientists of platform ${name}`,
            assumeRolePolicy: policyJson(humanTrust(spec.identity.dataScientists, requireMfa)),
            maxSessionDuration: 3600,
            tags,
          },
          ctx.opts(),
        )
      : undefined;
  const adminRole =
    spec.identity.admins.length > 0
      ? new iam.Role(
          childName(name, "admin-role"),
          {
            description: `Administrators of platform ${name}; cannot decrypt data (key policies admit workloads only)`,
            assumeRolePolicy: policyJson(humanTrust(spec.identity.admins, requireMfa)),
            maxSessionDuration: 3600,
            tags,
          },
          ctx.opts(),
        )
      : undefined;
  const operators = createOperatorRoles(ctx);
  return {
    modelRoles,
    federatedRoles,
    oidcProviders: [...providers.values()],
    dataScientistRole,
    adminRole,
    keyAdminRole: operators.keyAdmin,
    publisherRole: operators.publisher,
  };
}

/** What the roles' permission policies refer to. */
export interface AccessTargets {
  datasetsBucketArn: pulumi.Input<string>;
  artifactsBucketArn: pulumi.Input<string>;
  datasetsKeyArn: pulumi.Input<string>;
  artifactsKeyArn: pulumi.Input<string>;
  logsKeyArn: pulumi.Input<string>;
  auditBucketArn: pulumi.Input<string>;
  modelKeyArns: Map<string, pulumi.Input<string>>;
  /** Per Bedrock model: the foundation model ARN and the guardrail ARN it must be invoked with. */
  bedrock: Map<string, { modelArn: pulumi.Input<string>; guardrailArn: pulumi.Input<string> }>;
}

/** Resources that grant permissions, by the control they serve. */
export interface AccessGrants {
  workloadPolicies: pulumi.Resource[];
  /** The permission policy of each model's role, which the model's endpoint must wait for. */
  modelPolicies: Map<string, pulumi.Resource>;
  dataScientistPolicy?: pulumi.Resource;
  adminPolicies: pulumi.Resource[];
  /** The publisher role's permission policy. */
  publisherPolicy: pulumi.Resource;
}

/** Attaches least-privilege permission policies to every role. */
export function grantAccess(
  ctx: AwsContext,
  identities: AwsIdentities,
  targets: AccessTargets,
): AccessGrants {
  const { name, spec } = ctx;
  const s3Via = pulumi.interpolate`s3.${ctx.region}.${ctx.dnsSuffix}`;
  const workloadPolicies: pulumi.Resource[] = [];
  const modelPolicies = new Map<string, pulumi.Resource>();
  for (const model of spec.models) {
    const role = identities.modelRoles.get(model.name);
    const keyArn = targets.modelKeyArns.get(model.name);
    if (!role || !keyArn) continue;
    const prefix = pulumi.interpolate`${targets.artifactsBucketArn}/models/${model.name}/*`;
    const bedrock = targets.bedrock.get(model.name);
    const statements =
      model.serving === "bedrock" && bedrock
        ? [
            {
              Sid: "InvokeModelWithGuardrail",
              Effect: "Allow" as const,
              Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:Converse*"],
              Resource: [bedrock.modelArn],
              Condition: { StringEquals: { "bedrock:GuardrailIdentifier": bedrock.guardrailArn } },
            },
            {
              Sid: "ApplyGuardrail",
              Effect: "Allow" as const,
              Action: "bedrock:ApplyGuardrail",
              Resource: bedrock.guardrailArn,
            },
            { Sid: "DecryptGuardrail", Effect: "Allow" as const, Action: "kms:Decrypt", Resource: keyArn },
            {
              Sid: "NoBedrockApiKeys",
              Effect: "Deny" as const,
              Action: "bedrock:CallWithBearerToken",
              Resource: "*",
            },
          ]
        : [
            {
              Sid: "ReadOwnArtifacts",
              Effect: "Allow" as const,
              Action: ["s3:GetObject", "s3:GetObjectVersion"],
              Resource: prefix,
            },
            {
              Sid: "ListOwnArtifacts",
              Effect: "Allow" as const,
              Action: "s3:ListBucket",
              Resource: targets.artifactsBucketArn,
              Condition: { StringLike: { "s3:prefix": `models/${model.name}/*` } },
            },
            {
              Sid: "UseModelKey",
              Effect: "Allow" as const,
              Action: ["kms:Decrypt", "kms:DescribeKey"],
              Resource: keyArn,
            },
            {
              Sid: "VpcNetworkInterfaces",
              Effect: "Allow" as const,
              Action: [
                "ec2:CreateNetworkInterface",
                "ec2:CreateNetworkInterfacePermission",
                "ec2:DeleteNetworkInterface",
                "ec2:DeleteNetworkInterfacePermission",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeVpcs",
                "ec2:DescribeDhcpOptions",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups",
              ],
              Resource: "*",
            },
            ...sagemakerHostingStatements(ctx, model),
          ];
    const modelPolicy = new iam.RolePolicy(
      childName(name, "model", model.name, "policy"),
      { role: role.name, policy: policyJson(policyDocument(statements)) },
      ctx.opts(),
    );
    workloadPolicies.push(modelPolicy);
    modelPolicies.set(model.name, modelPolicy);
  }

  for (const federated of identities.federatedRoles) {
    const modelKeys = [...targets.modelKeyArns.entries()]
      .filter(([model]) => spec.models.find((m) => m.name === model)?.serving === "sagemaker")
      .map(([, arn]) => arn);
    const document = policyDocument([
      {
        Sid: "PublishDatasetsAndArtifacts",
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"],
        Resource: [
          pulumi.interpolate`${targets.datasetsBucketArn}/*`,
          pulumi.interpolate`${targets.artifactsBucketArn}/models/*`,
        ],
      },
      {
        Sid: "EncryptThroughS3",
        Effect: "Allow",
        Action: ["kms:GenerateDataKey*", "kms:Decrypt", "kms:DescribeKey"],
        Resource: [targets.datasetsKeyArn, ...modelKeys],
        Condition: { StringEquals: { "kms:ViaService": s3Via } },
      },
    ]);
    workloadPolicies.push(
      new iam.RolePolicy(
        childName(name, "federated", federated.name, "policy"),
        { role: federated.role.name, policy: policyJson(document) },
        ctx.opts(),
      ),
    );
  }

  const dataScientistPolicy = identities.dataScientistRole
    ? new iam.RolePolicy(
        childName(name, "data-scientist-policy"),
        {
          role: identities.dataScientistRole.name,
          policy: policyJson(
            policyDocument([
              {
                Sid: "ReadDatasets",
                Effect: "Allow",
                Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:GetBucketLocation"],
                Resource: [targets.datasetsBucketArn, pulumi.interpolate`${targets.datasetsBucketArn}/*`],
              },
              {
                Sid: "DecryptDatasetsOnlyThroughS3",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: targets.datasetsKeyArn,
                Condition: { StringEquals: { "kms:ViaService": s3Via } },
              },
              {
                Sid: "NeverWriteDatasets",
                Effect: "Deny",
                Action: [
                  "s3:PutObject*",
                  "s3:DeleteObject*",
                  "s3:PutBucket*",
                  "s3:DeleteBucket*",
                  "s3:RestoreObject",
                ],
                Resource: [targets.datasetsBucketArn, pulumi.interpolate`${targets.datasetsBucketArn}/*`],
              },
            ]),
          ),
        },
        ctx.opts(),
      )
    : undefined;

  const adminPolicies: pulumi.Resource[] = [];
  if (identities.adminRole) {
    adminPolicies.push(
      new iam.RolePolicyAttachment(
        childName(name, "admin-power-user"),
        {
          role: identities.adminRole.name,
          policyArn: pulumi.interpolate`arn:${ctx.partition}:iam::aws:policy/PowerUserAccess`,
        },
        ctx.opts(),
      ),
      new iam.RolePolicy(
        childName(name, "admin-audit-read"),
        {
          role: identities.adminRole.name,
          policy: policyJson(
            policyDocument([
              {
                Sid: "ReadAuditLogFiles",
                Effect: "Allow",
                Action: ["s3:GetObject", "s3:ListBucket"],
                Resource: [targets.auditBucketArn, pulumi.interpolate`${targets.auditBucketArn}/*`],
              },
              {
                Sid: "DecryptAuditLogsOnlyThroughS3",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: targets.logsKeyArn,
                Condition: { StringEquals: { "kms:ViaService": s3Via } },
              },
            ]),
          ),
        },
        ctx.opts(),
      ),
    );
  }
  const sagemakerKeys = [...targets.modelKeyArns.entries()]
    .filter(([model]) => spec.models.find((m) => m.name === model)?.serving === "sagemaker")
    .map(([, arn]) => arn);
  const publisherPolicy = new iam.RolePolicy(
    childName(name, "publisher-policy"),
    {
      role: identities.publisherRole.name,
      policy: policyJson(
        policyDocument(
          publisherStatements(
            targets.datasetsBucketArn,
            targets.artifactsBucketArn,
            [targets.datasetsKeyArn, targets.artifactsKeyArn, ...sagemakerKeys],
            s3Via,
          ),
        ),
      ),
    },
    ctx.opts(),
  );
  return { workloadPolicies, modelPolicies, dataScientistPolicy, adminPolicies, publisherPolicy };
}
