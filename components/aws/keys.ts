import type * as pulumi from "@pulumi/pulumi";
import * as kms from "@pulumi/aws/kms";
import { type AwsContext, regionalArn, regionalService, retainedOpts } from "./context";
import { AWS_DEFAULTS } from "./defaults";
import type { AwsIdentities } from "./identity";
import { childName, findingsTopicName, keyAlias, logGroupPrefix, trailName } from "./naming";
import {
  KEY_S3_ACTIONS,
  type Statement,
  cloudTrailKeyUse,
  keyAdministration,
  keyGrantsForService,
  keyUse,
  keyUseViaService,
  logsKeyUse,
  policyDocument,
  policyJson,
  topicPublishersKeyUse,
} from "./policy-documents";

/**
 * Where a key's material lives. `kms`: a standard KMS key (FIPS 140-3 level 3 HSMs run by AWS, rotates
 * automatically); `cloudhsm`: the user's CloudHSM custom key store (single-tenant HSMs, no automatic rotation);
 * `external`: an external key store (XKS), key material outside AWS.
 */
export type KeyTier = "kms" | "cloudhsm" | "external";

/** A platform key with its alias and where its material lives. */
export interface PlatformKey {
  key: kms.Key;
  alias: kms.Alias;
  tier: KeyTier;
}

/** Every key of the platform. */
export interface AwsKeys {
  /** One dedicated key per model. */
  models: Map<string, PlatformKey>;
  datasets: PlatformKey;
  artifacts: PlatformKey;
  logs: PlatformKey;
  /** The hybrid key for local data, in the external key store, when `encryption.externalKeyStore` is set. */
  local?: PlatformKey;
  /** All of the above. */
  all: PlatformKey[];
  /**
   * What the deploying identity may do with keys beyond administering them, as the key policies grant it
   * (for the evidence: the deployer is an administrator that can still use some keys through a service).
   */
  deployerUses: string[];
}

/** Options of createKeys that depend on other domains. */
export interface KeyOptions {
  /** ARN pattern of the S3 object holding the mTLS CA bundle, which the deployer uploads and ELB reads. */
  trustStoreObjectArn?: pulumi.Input<string>;
}

/** Tag that marks the keys of high-sensitivity data, which the pack's HSM policy (SAI-ENC-04) then checks. */
export const HIGH_SENSITIVITY_TAG = { sensitivity: "high" } as const;

function createKey(
  ctx: AwsContext,
  purpose: string,
  description: string,
  tier: KeyTier,
  statements: (Statement | undefined)[],
  highSensitivity = false,
): PlatformKey {
  const rotates = tier === "kms";
  const custom =
    tier === "cloudhsm"
      ? { customKeyStoreId: ctx.spec.aws?.customKeyStoreId }
      : tier === "external"
        ? (() => {
            const [storeId, xksKeyId] = (ctx.spec.encryption.externalKeyStore ?? "").split("/");
            return { customKeyStoreId: storeId, xksKeyId };
          })()
        : {};
  const key = new kms.Key(
    childName(ctx.name, purpose.replace(/\//g, "-"), "key"),
    {
      description,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      enableKeyRotation: rotates,
      ...(rotates ? { rotationPeriodInDays: ctx.spec.encryption.rotationDays } : {}),
      deletionWindowInDays: AWS_DEFAULTS.keyDeletionWindowDays,
      multiRegion: false,
      bypassPolicyLockoutSafetyCheck: false,
      policy: policyJson(policyDocument(statements)),
      region: ctx.region,
      tags: highSensitivity ? { ...ctx.tags, ...HIGH_SENSITIVITY_TAG } : ctx.tags,
      ...custom,
    },
    // Retained: a destroy or replacement never schedules the key's deletion. The alias is not retained, so a
    // redeploy can create it again; the key stays findable by its description.
    retainedOpts(ctx),
  );
  const alias = new kms.Alias(
    childName(ctx.name, purpose.replace(/\//g, "-"), "key-alias"),
    { name: keyAlias(ctx.name, purpose), targetKeyId: key.keyId, region: ctx.region },
    ctx.opts(),
  );
  return { key, alias, tier };
}

/**
 * Creates the platform's keys. Each key policy admits exactly: the administrators (deployer and break-glass
 * principals; administration only, no use), the workload roles that use the key, and the service principals
 * that write encrypted data, each scoped by source ARN or encryption context. There is no account-root
 * "enable IAM policies" statement, so no identity policy can widen access to a key.
 */
export function createKeys(ctx: AwsContext, identities: AwsIdentities, options: KeyOptions = {}): AwsKeys {
  const { spec, name } = ctx;
  // The deployer, the platform's break-glass key administrator role (assumable by the account's administrators
  // with MFA, so the keys outlive the deploying role) and any break-glass principals of the user.
  const administrators: pulumi.Input<string>[] = [
    ctx.deployerArn,
    identities.keyAdminRole.arn,
    ...spec.encryption.breakGlassPrincipals,
  ];
  const admin = keyAdministration(administrators);
  const s3 = regionalService(ctx, "s3");
  // Writers of datasets and model artifacts: the publisher role and the federated workloads (CI), through S3 only.
  const federated = [identities.publisherRole.arn, ...identities.federatedRoles.map((f) => f.role.arn)];
  const dataScientists = identities.dataScientistRole ? [identities.dataScientistRole.arn] : [];
  const cloudHsm = spec.aws?.customKeyStoreId !== undefined;
  const dataTier: KeyTier = cloudHsm && (spec.anyHsm || spec.encryption.hsm === "all") ? "cloudhsm" : "kms";

  const models = new Map<string, PlatformKey>();
  for (const model of spec.models) {
    const role = identities.modelRoles.get(model.name);
    const roleArns = role ? [role.arn] : [];
    const serving = model.serving === "bedrock" ? "bedrock" : "sagemaker";
    const viaServing = regionalService(ctx, serving);
    const statements =
      serving === "bedrock"
        ? [
            admin,
            // Guardrail users decrypt the guardrail at inference time.
            roleArns.length > 0
              ? {
                  Sid: "GuardrailUsers",
                  Effect: "Allow" as const,
                  Principal: { AWS: roleArns },
                  Action: "kms:Decrypt",
                  Resource: "*",
                }
              : undefined,
            // The deployer creates the guardrail: Bedrock needs these on the creator's behalf.
            keyUseViaService(
              "GuardrailCreator",
              [ctx.deployerArn],
              ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"],
              viaServing,
            ),
          ]
        : [
            admin,
            keyUse(roleArns),
            // The deployer creates the endpoint; SageMaker creates grants for the endpoint's volumes.
            keyGrantsForService("SageMakerEndpointGrants", [ctx.deployerArn], viaServing),
            keyUseViaService("PublishModelArtifacts", federated, KEY_S3_ACTIONS, s3),
          ];
    const tier: KeyTier = model.hsm && cloudHsm ? "cloudhsm" : "kms";
    models.set(
      model.name,
      createKey(
        ctx,
        `model/${model.name}`,
        `Dedicated key of model ${model.name} of platform ${name}`,
        tier,
        statements,
        model.hsm,
      ),
    );
  }

  const datasets = createKey(
    ctx,
    "datasets",
    `Training and retrieval datasets of platform ${name}`,
    dataTier,
    [
      admin,
      keyUseViaService("DataScientistsReadThroughS3", dataScientists, ["kms:Decrypt"], s3),
      keyUseViaService("PublishDatasets", federated, KEY_S3_ACTIONS, s3),
    ],
    spec.anyHsm,
  );

  const artifactsStatements: (Statement | undefined)[] = [
    admin,
    keyUseViaService("PublishArtifacts", [identities.publisherRole.arn], KEY_S3_ACTIONS, s3),
  ];
  if (options.trustStoreObjectArn) {
    // The deployer uploads the mTLS CA bundle and ELB reads it with the deployer's credentials: only that object.
    artifactsStatements.push(
      keyUseViaService("TrustStoreBundle", [ctx.deployerArn], KEY_S3_ACTIONS, s3, {
        key: "aws:s3:arn",
        pattern: options.trustStoreObjectArn,
      }),
    );
  }
  const artifacts = createKey(
    ctx,
    "artifacts",
    `Shared model artifacts of platform ${name}`,
    dataTier,
    artifactsStatements,
    spec.anyHsm,
  );

  const trailArn = regionalArn(ctx, "cloudtrail", `trail/${trailName(name)}`);
  const logs = createKey(
    ctx,
    "logs",
    `Audit logs, log groups and the findings topic of platform ${name}`,
    spec.encryption.hsm === "all" && cloudHsm ? "cloudhsm" : "kms",
    [
      admin,
      logsKeyUse(
        regionalService(ctx, "logs"),
        regionalArn(ctx, "logs", `log-group:${logGroupPrefix(name)}*`),
      ),
      ...cloudTrailKeyUse(trailArn, trailArn),
      topicPublishersKeyUse(regionalArn(ctx, "sns", findingsTopicName(name))),
      keyUseViaService(
        "AdminsReadAuditLogFilesThroughS3",
        identities.adminRole ? [identities.adminRole.arn] : [],
        ["kms:Decrypt"],
        s3,
      ),
    ],
    spec.encryption.hsm === "all",
  );

  const local = spec.encryption.externalKeyStore
    ? createKey(
        ctx,
        "local",
        `Local data of platform ${name}, key material in the external key manager`,
        "external",
        [
          admin,
          keyUseViaService("DataScientistsReadThroughS3", dataScientists, ["kms:Decrypt"], s3),
          keyUseViaService("PublishLocalData", federated, KEY_S3_ACTIONS, s3),
        ],
      )
    : undefined;

  const all = [...models.values(), datasets, artifacts, logs, ...(local ? [local] : [])];
  const deployerUses = [
    spec.models.some((model) => model.serving === "bedrock")
      ? "decrypt and generate data keys with each Bedrock model's key through Bedrock (kms:ViaService), to create its guardrail"
      : "",
    spec.models.some((model) => model.serving !== "bedrock")
      ? "create grants on each SageMaker model's key through SageMaker (kms:ViaService), for endpoint volumes"
      : "",
    options.trustStoreObjectArn
      ? "encrypt and decrypt the mTLS CA bundle object with the artifacts key through S3"
      : "",
    "assume the publisher role, which writes datasets and model artifacts through S3 (write-only: no s3:GetObject)",
  ].filter((use) => use !== "");
  return { models, datasets, artifacts, logs, local, all, deployerUses };
}

/** Records the key controls (SAI-ENC-02/03/04/05/07/08) truthfully for the keys built. */
export function recordKeyEvidence(ctx: AwsContext, keys: AwsKeys): void {
  const { evidence, spec } = ctx;
  const resources = keys.all.flatMap((k) => [k.key, k.alias]);
  evidence.implemented(
    "SAI-ENC-02",
    [...keys.models.values()].map((k) => k.key),
    "one dedicated KMS key and alias per model",
  );

  const rotating = keys.all.filter((k) => k.tier === "kms");
  const fixed = keys.all.filter((k) => k.tier !== "kms");
  evidence.implemented(
    "SAI-ENC-03",
    rotating.map((k) => k.key),
    `automatic rotation every ${spec.encryption.rotationDays} days (rotationPeriodInDays)`,
  );
  if (fixed.some((k) => k.tier === "cloudhsm")) {
    evidence.gap(
      "SAI-ENC-03",
      "keys in the CloudHSM custom key store cannot rotate automatically (AWS KMS limit): rotate them by creating a new key and moving the alias",
      fixed.filter((k) => k.tier === "cloudhsm").map((k) => k.key),
    );
  }
  if (fixed.some((k) => k.tier === "external")) {
    evidence.gap(
      "SAI-ENC-03",
      "the external key store (XKS) key cannot be rotated by AWS KMS: rotation is done in the external key manager",
      fixed.filter((k) => k.tier === "external").map((k) => k.key),
    );
  }

  const hsmModels = spec.models.filter((m) => m.hsm);
  if (hsmModels.length === 0) {
    evidence.notApplicable("SAI-ENC-04", 'no model is high-sensitivity and encryption.hsm is not "all"');
  } else if (spec.aws?.customKeyStoreId) {
    evidence.implemented(
      "SAI-ENC-04",
      hsmModels.map((m) => keys.models.get(m.name)?.key),
      `high-sensitivity keys are in the CloudHSM custom key store ${spec.aws.customKeyStoreId} (single-tenant HSMs); trade-off: no automatic rotation (see SAI-ENC-03)`,
    );
  } else {
    evidence.implemented(
      "SAI-ENC-04",
      hsmModels.map((m) => keys.models.get(m.name)?.key),
      "high-sensitivity keys are standard KMS keys, generated and used only inside AWS KMS's FIPS 140-3 level 3 validated HSMs (multi-tenant, AWS-operated), chosen so they keep automatic rotation; set aws.customKeyStoreId for single-tenant CloudHSM at the cost of manual rotation",
    );
  }

  const deployerUse =
    keys.deployerUses.length > 0
      ? `the deployer administers every key and may also ${keys.deployerUses.join("; ")}`
      : "the deployer administers every key without using it";
  evidence.implemented(
    "SAI-ENC-05",
    keys.all.map((k) => k.key),
    `key policies without the account-root statement; the platform's key-admin role (assumable by the account's principals${spec.identity.requireMfa ? " with MFA" : ""}) and break-glass principals administer keys without using them, so the keys stay manageable if the deploying role changes; ${deployerUse}; workload roles, S3-only readers and service principals are scoped by source ARN, service or encryption context`,
  );
  evidence.implemented(
    "SAI-ENC-07",
    resources,
    `${AWS_DEFAULTS.keyDeletionWindowDays}-day deletion window on every key, deletion scheduling alarmed (SAI-LOG-04), keys retained on destroy (Pulumi retainOnDelete); add the Pulumi "protect" option to the platform to block destroys`,
  );
  if (keys.local) {
    evidence.implemented(
      "SAI-ENC-08",
      [keys.local.key, keys.local.alias],
      "key for local data backed by the external key store (XKS)",
    );
  } else {
    evidence.notApplicable(
      "SAI-ENC-08",
      'no data is classified as local: set encryption.externalKeyStore ("<XKS key store ID>/<external key ID>") to hold its key outside AWS',
    );
  }
}
