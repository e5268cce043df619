import { beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNT_ID,
  DEPLOYER_ARN,
  REGION,
  allows,
  awsArgs,
  buildAws,
  installAwsMocks,
  parsePolicy,
  principalsOf,
  type BuiltAwsPlatform,
} from "../helpers/aws-mocks";

const KEY = "aws:kms/key:Key";
const role = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
const BREAK_GLASS = "arn:aws:iam::111122223333:role/break-glass";

beforeAll(installAwsMocks);

/** Principals any Allow statement of the key policy lets call kms:Decrypt. */
function decryptors(built: BuiltAwsPlatform, keyName: string): string[] {
  const policy = parsePolicy(built.named(KEY, keyName).inputs.policy);
  return [
    ...new Set(
      policy.Statement.filter((s) => s.Effect === "Allow" && allows(s, "kms:Decrypt")).flatMap(principalsOf),
    ),
  ].sort();
}

describe("platform keys", () => {
  let built: BuiltAwsPlatform;
  beforeAll(async () => {
    built = await buildAws(
      "kp",
      awsArgs({
        models: [{ name: "assistant" }, { name: "chat", serving: "bedrock" }],
        encryption: { breakGlassPrincipals: [BREAK_GLASS] },
        identity: {
          dataScientists: ["arn:aws:iam::111122223333:role/scientists"],
          admins: ["arn:aws:iam::111122223333:role/ops"],
          federatedWorkloads: [
            {
              name: "ci",
              issuer: "https://token.actions.githubusercontent.com",
              subject: "repo:acme/ai:ref:refs/heads/main",
            },
          ],
        },
      }),
    );
  });

  it("creates one rotating key per model and per data class, with a 30-day deletion window and an alias", () => {
    expect(
      built
        .ofType(KEY)
        .map((k) => k.name)
        .sort(),
    ).toEqual([
      "kp-artifacts-key",
      "kp-datasets-key",
      "kp-logs-key",
      "kp-model-assistant-key",
      "kp-model-chat-key",
    ]);
    for (const key of built.ofType(KEY)) {
      expect(key.inputs).toMatchObject({
        enableKeyRotation: true,
        rotationPeriodInDays: 90,
        deletionWindowInDays: 30,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        multiRegion: false,
        bypassPolicyLockoutSafetyCheck: false,
        region: REGION,
      });
      expect(key.inputs.customKeyStoreId).toBeUndefined();
    }
    expect(built.named("aws:kms/alias:Alias", "kp-model-assistant-key-alias").inputs).toEqual({
      name: "alias/secure-ai/kp/model/assistant",
      targetKeyId: "kp-model-assistant-key-id",
      region: REGION,
    });
  });

  it("writes key policies that parse and have no account-root or wildcard grant", () => {
    for (const key of built.ofType(KEY)) {
      const policy = parsePolicy(key.inputs.policy);
      expect(policy.Version).toBe("2012-10-17");
      for (const statement of policy.Statement) {
        expect(statement.Effect).toBe("Allow");
        expect(principalsOf(statement)).not.toContain("*");
        expect(principalsOf(statement)).not.toContain(`arn:aws:iam::${ACCOUNT_ID}:root`);
      }
    }
  });

  it("lets administrators (deployer, the key-admin role, break-glass) manage keys but never decrypt, encrypt or grant", () => {
    for (const key of built.ofType(KEY)) {
      const admin = parsePolicy(key.inputs.policy).Statement.find(
        (s) => s.Sid === "KeyAdministrationWithoutUse",
      );
      // The key-admin role keeps every key manageable when the deploying role changes or is deleted
      // (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
      expect(admin && principalsOf(admin)).toEqual([DEPLOYER_ARN, role("kp-key-admin-role"), BREAK_GLASS]);
      for (const action of [
        "kms:Decrypt",
        "kms:Encrypt",
        "kms:GenerateDataKey",
        "kms:ReEncryptFrom",
        "kms:CreateGrant",
      ]) {
        expect(admin && allows(admin, action)).toBe(false);
      }
      expect(admin && allows(admin, "kms:ScheduleKeyDeletion")).toBe(true);
    }
  });

  it("grants kms:Decrypt only to the intended principals of each key", () => {
    expect(decryptors(built, "kp-model-assistant-key")).toEqual([
      role("kp-federated-ci-role"),
      role("kp-model-assistant-role"),
      role("kp-publisher-role"),
    ]);
    // Guardrail creator (deployer, through Bedrock only) and the guardrail's user.
    expect(decryptors(built, "kp-model-chat-key")).toEqual([role("kp-model-chat-role"), DEPLOYER_ARN].sort());
    expect(decryptors(built, "kp-datasets-key")).toEqual([
      role("kp-data-scientist-role"),
      role("kp-federated-ci-role"),
      role("kp-publisher-role"),
    ]);
    // The publisher writes artifacts (write-only role policy): without it nobody could upload one.
    expect(decryptors(built, "kp-artifacts-key")).toEqual([role("kp-publisher-role")]);
    expect(decryptors(built, "kp-logs-key")).toEqual(
      [
        role("kp-admin-role"),
        "cloudwatch.amazonaws.com",
        "events.amazonaws.com",
        `logs.${REGION}.amazonaws.com`,
      ].sort(),
    );
  });

  it("limits human and service decryption by kms:ViaService or encryption context", () => {
    const datasets = parsePolicy(built.named(KEY, "kp-datasets-key").inputs.policy);
    expect(datasets.Statement.find((s) => s.Sid === "DataScientistsReadThroughS3")).toEqual({
      Sid: "DataScientistsReadThroughS3",
      Effect: "Allow",
      Principal: { AWS: [role("kp-data-scientist-role")] },
      Action: ["kms:Decrypt"],
      Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` } },
    });
    const chat = parsePolicy(built.named(KEY, "kp-model-chat-key").inputs.policy);
    expect(chat.Statement.find((s) => s.Sid === "GuardrailCreator")?.Condition).toEqual({
      StringEquals: { "kms:ViaService": `bedrock.${REGION}.amazonaws.com` },
    });
    const logs = parsePolicy(built.named(KEY, "kp-logs-key").inputs.policy);
    const statement = (sid: string) => logs.Statement.find((s) => s.Sid === sid);
    expect(statement("CloudWatchLogsEncryptPlatformLogGroups")?.Condition).toEqual({
      ArnLike: {
        "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/secure-ai/kp/*`,
      },
    });
    const trail = `arn:aws:cloudtrail:${REGION}:${ACCOUNT_ID}:trail/kp-audit-trail`;
    expect(statement("CloudTrailEncryptLogs")).toMatchObject({
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Condition: {
        StringEquals: { "aws:SourceArn": trail },
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trail },
      },
    });
    expect(statement("FindingsTopicPublishers")?.Condition).toEqual({
      StringEquals: {
        "kms:EncryptionContext:aws:sns:topicArn": `arn:aws:sns:${REGION}:${ACCOUNT_ID}:kp-security-findings`,
      },
    });
  });

  it("lets the deployer create SageMaker grants for AWS resources only", () => {
    const assistant = parsePolicy(built.named(KEY, "kp-model-assistant-key").inputs.policy);
    expect(assistant.Statement.find((s) => s.Sid === "SageMakerEndpointGrants")).toEqual({
      Sid: "SageMakerEndpointGrants",
      Effect: "Allow",
      Principal: { AWS: [DEPLOYER_ARN] },
      Action: ["kms:CreateGrant", "kms:DescribeKey"],
      Resource: "*",
      Condition: {
        StringEquals: { "kms:ViaService": `sagemaker.${REGION}.amazonaws.com` },
        Bool: { "kms:GrantIsForAWSResource": "true" },
      },
    });
  });

  it("reports the key controls as implemented", () => {
    for (const id of ["SAI-ENC-02", "SAI-ENC-03", "SAI-ENC-05", "SAI-ENC-07"])
      expect(built.control(id).status).toBe("implemented");
    expect(built.control("SAI-ENC-02").resources).toHaveLength(2);
    expect(built.control("SAI-ENC-08").status).toBe("not-applicable");
    expect(built.control("SAI-ENC-04").status).toBe("not-applicable");
  });

  it("says in the SAI-ENC-05 note what the deployer may use keys for, as the key policies above grant it", () => {
    const note = built.control("SAI-ENC-05").note ?? "";
    expect(note).not.toMatch(/administrators[^;]*cannot use keys/);
    expect(note).toContain(
      "the deployer administers every key and may also decrypt and generate data keys with each Bedrock model's key through Bedrock (kms:ViaService), to create its guardrail; create grants on each SageMaker model's key through SageMaker (kms:ViaService), for endpoint volumes",
    );
  });
});

describe("HSM tier", () => {
  it("keeps high-sensitivity keys as rotating standard KMS keys by default and says so", async () => {
    const built = await buildAws("hsm-std", awsArgs({ models: [{ name: "ledger", sensitivity: "high" }] }));
    expect(built.named(KEY, "hsm-std-model-ledger-key").inputs).toMatchObject({
      enableKeyRotation: true,
      rotationPeriodInDays: 90,
    });
    expect(built.control("SAI-ENC-04").status).toBe("implemented");
    expect(built.control("SAI-ENC-04").note).toContain("FIPS 140-3 level 3");
    expect(built.control("SAI-ENC-03").status).toBe("implemented");
  });

  it("tags the keys of high-sensitivity data sensitivity=high, for the pack's HSM policy, and no others", async () => {
    const built = await buildAws(
      "hsm-tag",
      awsArgs({ models: [{ name: "ledger", sensitivity: "high" }, { name: "faq" }] }),
    );
    const sensitivity = (name: string) =>
      (built.named(KEY, `hsm-tag-${name}-key`).inputs.tags as Record<string, string> | undefined)
        ?.sensitivity;
    // The model's own key and the data classes a high-sensitivity model uses; logs only with hsm "all".
    expect(sensitivity("model-ledger")).toBe("high");
    expect(sensitivity("datasets")).toBe("high");
    expect(sensitivity("artifacts")).toBe("high");
    expect(sensitivity("model-faq")).toBeUndefined();
    expect(sensitivity("logs")).toBeUndefined();
    const standard = await buildAws("std-tag", awsArgs({ models: [{ name: "faq" }] }));
    for (const key of standard.ofType(KEY)) {
      expect((key.inputs.tags as Record<string, string> | undefined)?.sensitivity, key.name).toBeUndefined();
    }
  });

  it("puts high-sensitivity keys in the CloudHSM key store without rotation and reports the rotation gap", async () => {
    const built = await buildAws(
      "hsm-chsm",
      awsArgs({
        aws: { region: REGION, customKeyStoreId: "cks-1234567890abcdef0" },
        models: [{ name: "ledger", sensitivity: "high" }, { name: "faq" }],
      }),
    );
    const ledger = built.named(KEY, "hsm-chsm-model-ledger-key").inputs;
    expect(ledger).toMatchObject({ customKeyStoreId: "cks-1234567890abcdef0", enableKeyRotation: false });
    expect(ledger.rotationPeriodInDays).toBeUndefined();
    expect(built.named(KEY, "hsm-chsm-model-faq-key").inputs).toMatchObject({ enableKeyRotation: true });
    expect(built.named(KEY, "hsm-chsm-datasets-key").inputs.customKeyStoreId).toBe("cks-1234567890abcdef0");
    expect(built.named(KEY, "hsm-chsm-logs-key").inputs.customKeyStoreId).toBeUndefined();
    expect(built.control("SAI-ENC-04").status).toBe("implemented");
    expect(built.control("SAI-ENC-03")).toMatchObject({ status: "gap" });
    expect(built.control("SAI-ENC-03").note).toContain("cannot rotate automatically");
  });

  it("builds the hybrid local key in the external key store when one is given", async () => {
    const built = await buildAws(
      "xks",
      awsArgs({ encryption: { externalKeyStore: "cks-abcdefabcdefabcde/onprem-key-7" } }),
    );
    expect(built.named(KEY, "xks-local-key").inputs).toMatchObject({
      customKeyStoreId: "cks-abcdefabcdefabcde",
      xksKeyId: "onprem-key-7",
      enableKeyRotation: false,
    });
    expect(built.control("SAI-ENC-08").status).toBe("implemented");
    expect(built.outputs.keys.local).toBe(`arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/xks-local-key-id`);
    expect(built.control("SAI-ENC-03").status).toBe("gap");
  });
});
