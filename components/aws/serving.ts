import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "@pulumi/aws/bedrock";
import * as bedrockmodel from "@pulumi/aws/bedrockmodel";
import * as iam from "@pulumi/aws/iam";
import * as sagemaker from "@pulumi/aws/sagemaker";
import type * as cloudwatch from "@pulumi/aws/cloudwatch";
import { type AwsContext, regionalArn } from "./context";
import { AWS_DEFAULTS } from "./defaults";
import {
  BEDROCK_FILTER_STRENGTH,
  bedrockContentPolicy,
  bedrockSensitiveInformationPolicy,
} from "./guardrail-policy";
import { hasInstanceStorage } from "./instance-storage";
import type { AwsIdentities } from "./identity";
import type { AwsKeys } from "./keys";
import { createLogGroup } from "./log-groups";
import { childName } from "./naming";
import type { AwsNetwork } from "./network";
import { policyDocument, policyJson, serviceTrust } from "./policy-documents";
import type { ResolvedModel } from "../spec/resolved";
import { modelTags } from "../spec/scopes";

/** A model served by SageMaker: network-isolated in the VPC, endpoint volumes under the model's key. */
export interface SageMakerServing {
  kind: "sagemaker";
  model: sagemaker.Model;
  endpointConfig: sagemaker.EndpointConfiguration;
  endpoint: sagemaker.Endpoint;
  /** False when the instance type has local storage, which SageMaker encrypts in hardware, not with the key. */
  volumeUnderModelKey: boolean;
}

/** A model served by Bedrock: a foundation model invoked with the model's own guardrail. */
export interface BedrockServing {
  kind: "bedrock";
  guardrail: bedrock.Guardrail;
  modelArn: pulumi.Output<string>;
}

/** Serving of every model, plus the Bedrock invocation logging singleton when created. */
export interface AwsServing {
  models: Map<string, SageMakerServing | BedrockServing>;
  /** SageMaker models not served yet because their artifact is not uploaded (models[i].artifact unset). */
  awaitingArtifact: string[];
  invocationLogging?: {
    configuration: bedrockmodel.InvocationLoggingConfiguration;
    logGroup: cloudwatch.LogGroup;
    role: iam.Role;
  };
}

/** The foundation model ARN a Bedrock model invokes (region-specific, account-less). */
export function bedrockModelArn(ctx: AwsContext, model: ResolvedModel): pulumi.Output<string> {
  return pulumi.interpolate`arn:${ctx.partition}:bedrock:${ctx.region}::foundation-model/${model.baseModel ?? AWS_DEFAULTS.bedrockModelId}`;
}

function sagemakerImage(ctx: AwsContext, model: ResolvedModel): pulumi.Input<string> {
  if (model.baseModel) return model.baseModel;
  return ctx.dnsSuffix.apply((suffix) =>
    AWS_DEFAULTS.sagemakerImage.replace("{region}", ctx.region).replace("{dnsSuffix}", suffix),
  );
}

function serveOnSageMaker(
  ctx: AwsContext,
  model: ResolvedModel,
  role: iam.Role,
  keyArn: pulumi.Input<string>,
  network: AwsNetwork,
  artifactsBucket: pulumi.Input<string>,
  dependsOn: pulumi.Resource[],
): SageMakerServing {
  const { name, region } = ctx;
  const tags = modelTags(ctx.tags, model);
  const instanceType = model.instanceType ?? AWS_DEFAULTS.sagemakerInstanceType;
  const volumeUnderModelKey = !hasInstanceStorage(instanceType);
  const smModel = new sagemaker.Model(
    childName(name, model.name),
    {
      executionRoleArn: role.arn,
      enableNetworkIsolation: true,
      vpcConfig: { subnets: network.privateSubnetIds, securityGroupIds: [network.workloadSecurityGroup.id] },
      primaryContainer: {
        image: sagemakerImage(ctx, model),
        // CreateModel checks that this object exists and that the execution role can read it
        // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html), so the model is only
        // created once models[i].artifact names an uploaded object.
        modelDataUrl: pulumi.interpolate`s3://${artifactsBucket}/${model.artifact ?? ""}`,
      },
      region,
      tags,
    },
    ctx.opts({ dependsOn }),
  );
  const endpointConfig = new sagemaker.EndpointConfiguration(
    childName(name, model.name, "config"),
    {
      productionVariants: [
        { variantName: "primary", modelName: smModel.name, initialInstanceCount: 1, instanceType },
      ],
      ...(volumeUnderModelKey ? { kmsKeyArn: keyArn } : {}),
      region,
      tags,
    },
    ctx.opts(),
  );
  const endpoint = new sagemaker.Endpoint(
    childName(name, model.name, "endpoint"),
    { endpointConfigName: endpointConfig.name, region, tags },
    ctx.opts(),
  );
  return { kind: "sagemaker", model: smModel, endpointConfig, endpoint, volumeUnderModelKey };
}

function serveOnBedrock(ctx: AwsContext, model: ResolvedModel, keyArn: pulumi.Input<string>): BedrockServing {
  const guardrail = new bedrock.Guardrail(
    childName(ctx.name, model.name, "guardrail"),
    {
      description: `Guardrail of model ${model.name} of platform ${ctx.name}`,
      blockedInputMessaging: "This request was blocked by the platform's content policy.",
      blockedOutputsMessaging: "The response was blocked by the platform's content policy.",
      kmsKeyArn: keyArn,
      contentPolicyConfig: bedrockContentPolicy(model.guardrailStrength),
      sensitiveInformationPolicyConfig: bedrockSensitiveInformationPolicy(),
      region: ctx.region,
      tags: modelTags(ctx.tags, model),
    },
    ctx.opts(),
  );
  return { kind: "bedrock", guardrail, modelArn: bedrockModelArn(ctx, model) };
}

function createInvocationLogging(ctx: AwsContext, keys: AwsKeys): AwsServing["invocationLogging"] {
  const { name } = ctx;
  const logGroup = createLogGroup(ctx, "bedrock-invocations", keys.logs);
  const role = new iam.Role(
    childName(name, "bedrock-logging-role"),
    {
      description: `Delivers Bedrock model invocation logs for platform ${name}`,
      assumeRolePolicy: policyJson(
        serviceTrust(["bedrock.amazonaws.com"], ctx.accountId, regionalArn(ctx, "bedrock", "*")),
      ),
      tags: ctx.tags,
    },
    ctx.opts(),
  );
  const rolePolicy = new iam.RolePolicy(
    childName(name, "bedrock-logging-policy"),
    {
      role: role.name,
      policy: policyJson(
        policyDocument([
          {
            Sid: "WriteInvocationLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: pulumi.interpolate`${logGroup.arn}:log-stream:*`,
          },
        ]),
      ),
    },
    ctx.opts(),
  );
  const configuration = new bedrockmodel.InvocationLoggingConfiguration(
    childName(name, "bedrock-invocation-logging"),
    {
      loggingConfig: {
        cloudwatchConfig: { logGroupName: logGroup.name, roleArn: role.arn },
        textDataDeliveryEnabled: true,
        imageDataDeliveryEnabled: true,
        embeddingDataDeliveryEnabled: true,
        videoDataDeliveryEnabled: true,
      },
      region: ctx.region,
    },
    ctx.opts({ dependsOn: [rolePolicy] }),
  );
  return { configuration, logGroup, role };
}

/**
 * Guardrails of the Bedrock models. Built before the roles' permission policies, which name each guardrail.
 */
export function createGuardrails(ctx: AwsContext, keys: AwsKeys): Map<string, BedrockServing> {
  const guardrails = new Map<string, BedrockServing>();
  for (const model of ctx.spec.models) {
    const key = keys.models.get(model.name);
    if (model.serving === "bedrock" && key)
      guardrails.set(model.name, serveOnBedrock(ctx, model, key.key.arn));
  }
  return guardrails;
}

/**
 * Serves every SageMaker model (after its role's permissions exist, so the endpoint can fetch its artifacts
 * and use its key), adds the Bedrock guardrails, and handles the Bedrock invocation logging singleton.
 */
export function createServing(
  ctx: AwsContext,
  identities: AwsIdentities,
  keys: AwsKeys,
  network: AwsNetwork,
  artifactsBucket: pulumi.Input<string>,
  guardrails: Map<string, BedrockServing>,
  rolePolicies: Map<string, pulumi.Resource>,
): AwsServing {
  const models = new Map<string, SageMakerServing | BedrockServing>();
  const awaitingArtifact: string[] = [];
  for (const model of ctx.spec.models) {
    const role = identities.modelRoles.get(model.name);
    const key = keys.models.get(model.name);
    const guardrail = guardrails.get(model.name);
    if (guardrail) {
      models.set(model.name, guardrail);
    } else if (model.artifact === undefined) {
      awaitingArtifact.push(model.name);
    } else if (role && key) {
      const policy = rolePolicies.get(model.name);
      models.set(
        model.name,
        serveOnSageMaker(
          ctx,
          model,
          role,
          key.key.arn,
          network,
          artifactsBucket,
          policy ? [key.key, policy] : [key.key],
        ),
      );
    }
  }
  const usesBedrock = ctx.spec.models.some((m) => m.serving === "bedrock");
  const mode = ctx.spec.detection.singletons.modelInvocationLogging;
  const invocationLogging = usesBedrock && mode === "create" ? createInvocationLogging(ctx, keys) : undefined;
  return { models, awaitingArtifact, invocationLogging };
}

/**
 * Records SAI-MOD-03: Bedrock models sit behind their own guardrail, which their role must name to invoke them;
 * SageMaker endpoints have no guardrail in front of them, which is a gap.
 */
function recordGuardrailEvidence(ctx: AwsContext, serving: AwsServing): void {
  const entries = [...serving.models.entries()];
  const guarded = entries.flatMap(([name, s]) =>
    s.kind === "bedrock" ? [{ name, guardrail: s.guardrail }] : [],
  );
  if (guarded.length > 0) {
    const strengths = guarded.map(({ name }) => {
      const model = ctx.spec.models.find((m) => m.name === name);
      return `${name} ${BEDROCK_FILTER_STRENGTH[model?.guardrailStrength ?? "high"]}`;
    });
    ctx.evidence.implemented(
      "SAI-MOD-03",
      guarded.map((g) => g.guardrail),
      `Bedrock models invoked only with their own guardrail (IAM condition bedrock:GuardrailIdentifier): HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT and PROMPT_ATTACK filters blocking (strength: ${strengths.join(", ")}), credentials and identifiers blocked, contact data anonymised`,
    );
  }
  // Pending SageMaker models (no artifact yet) count too: once served, nothing guards them either.
  const unguarded = ctx.spec.models.filter((m) => m.serving === "sagemaker").map((m) => m.name);
  if (unguarded.length > 0) {
    ctx.evidence.gap(
      "SAI-MOD-03",
      `SageMaker endpoints (models ${unguarded.join(", ")}) are invoked directly and no managed guardrail sits in front of them: the platform does not front them, so their prompts and responses pass a guardrail only if the application calls Bedrock's ApplyGuardrail API`,
    );
  }
}

/** Records SAI-MOD-02 and SAI-MOD-03, and the serving parts of SAI-ENC-01 and SAI-LOG-01. */
export function recordServingEvidence(ctx: AwsContext, serving: AwsServing): void {
  const { evidence, spec } = ctx;
  recordGuardrailEvidence(ctx, serving);
  const entries = [...serving.models.entries()];
  const awaiting =
    serving.awaitingArtifact.length > 0
      ? `no endpoint exists yet for SageMaker models ${serving.awaitingArtifact.join(", ")}: upload each artifact under models/<name>/ with the publisher role and set models[i].artifact`
      : undefined;
  const sagemakerModels = entries.flatMap(([, s]) => (s.kind === "sagemaker" ? [s] : []));
  const bedrockModels = entries.flatMap(([, s]) => (s.kind === "bedrock" ? [s] : []));
  if (entries.length > 0) {
    evidence.implemented(
      "SAI-MOD-02",
      [...sagemakerModels.flatMap((s) => [s.model, s.endpoint]), ...bedrockModels.map((b) => b.guardrail)],
      [
        "SageMaker models run network-isolated in private subnets; Bedrock is reached through its VPC endpoint with a per-model guardrail; IAM authentication only (Bedrock API keys denied in workload roles)",
        ...(awaiting ? [awaiting] : []),
      ].join("; "),
    );
  } else if (awaiting) {
    evidence.notApplicable("SAI-MOD-02", awaiting);
  }
  evidence.implemented(
    "SAI-ENC-01",
    [
      ...sagemakerModels.filter((s) => s.volumeUnderModelKey).map((s) => s.endpointConfig),
      ...bedrockModels.map((b) => b.guardrail),
    ],
    "endpoint volumes and guardrails under the model's key",
  );
  const local = entries.filter(([, s]) => s.kind === "sagemaker" && !s.volumeUnderModelKey);
  if (local.length > 0) {
    evidence.gap(
      "SAI-ENC-01",
      `instance types with local NVMe storage (models ${local.map(([n]) => n).join(", ")}) cannot take a KMS key: SageMaker encrypts that storage in hardware with a key it manages`,
      local.flatMap(([, s]) => (s.kind === "sagemaker" ? [s.endpointConfig] : [])),
    );
  }
  if (bedrockModels.length > 0) {
    const mode = spec.detection.singletons.modelInvocationLogging;
    if (serving.invocationLogging) {
      evidence.implemented(
        "SAI-LOG-01",
        [serving.invocationLogging.configuration, serving.invocationLogging.logGroup],
        "Bedrock model invocations (prompts and responses) logged to a KMS-encrypted log group; one configuration per account and region",
      );
    } else if (mode === "adopt") {
      evidence.implemented(
        "SAI-LOG-01",
        [],
        "adopted: the platform relies on the account's Bedrock model invocation logging, outside this stack (its destination and whether it logs prompts and responses are not verified here)",
      );
    } else {
      evidence.gap(
        "SAI-LOG-01",
        'Bedrock model invocation logging skipped (detection.singletons.modelInvocationLogging = "skip"): prompts and responses are not logged',
      );
    }
  }
}
