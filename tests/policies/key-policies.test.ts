/**
 * The KMS key policy, bucket policy and trust policy checks the audit found missing: an account-root kms:*
 * grant, a key policy without administrator or with a null principal, and "*" principals limited only by a
 * service condition. Each with a known-good and a known-bad document.
 */
import { describe, expect, it } from "vitest";
import { analyzeResource, UNKNOWN } from "./harness";
import { resourcePolicy } from "./pack";

const KEY = "aws:kms/key:Key";
const ACCOUNT = "111122223333";
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/deployer`;

function doc(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

const admin = {
  Sid: "KeyAdministrationWithoutUse",
  Effect: "Allow",
  Principal: { AWS: [ADMIN] },
  Action: ["kms:DescribeKey", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"],
  Resource: "*",
};
const workload = {
  Sid: "WorkloadKeyUse",
  Effect: "Allow",
  Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:role/model`] },
  Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
  Resource: "*",
};
const viaS3ForEveryone = {
  Sid: "Everyone",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["kms:Decrypt"],
  Resource: "*",
  Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
};
/** The platform's own shape: administrators, workload roles, service principals scoped by source ARN. */
const good = doc(admin, workload, {
  Sid: "CloudTrailEncryptLogs",
  Effect: "Allow",
  Principal: { Service: "cloudtrail.amazonaws.com" },
  Action: "kms:GenerateDataKey*",
  Resource: "*",
  Condition: { StringEquals: { "aws:SourceArn": `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/t` } },
});

async function findings(policy: string, type: string, props: Record<string, unknown>) {
  return analyzeResource(resourcePolicy(policy), { type, name: "subject", props });
}

describe("aws-kms-key-disallow-root-grant", () => {
  it("passes a key policy that names its administrators and users", async () => {
    expect((await findings("aws-kms-key-disallow-root-grant", KEY, { policy: good })).findings).toEqual([]);
  });

  it.each([
    ["the root ARN", `arn:aws:iam::${ACCOUNT}:root`, "kms:*"],
    ["a bare account ID", ACCOUNT, "*"],
    ["the root ARN in another partition", `arn:aws-cn:iam::${ACCOUNT}:root`, "KMS:*"],
  ])("flags %s granted every KMS action", async (_title, principal, action) => {
    const policy = doc(admin, {
      Effect: "Allow",
      Principal: { AWS: principal },
      Action: action,
      Resource: "*",
    });
    const result = await findings("aws-kms-key-disallow-root-grant", KEY, { policy });
    expect(result.findings.map((finding) => finding.message).join("\n")).toContain(
      `grants the account root ${principal} every KMS action`,
    );
    expect(result.findings[0]?.enforcementLevel).toBe("mandatory");
  });

  it("accepts the root granted only named administration actions", async () => {
    const policy = doc({ ...admin, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } });
    expect((await findings("aws-kms-key-disallow-root-grant", KEY, { policy })).findings).toEqual([]);
  });
});

describe("aws-kms-key-require-administrator", () => {
  it("passes a key policy with an administrator", async () => {
    expect((await findings("aws-kms-key-require-administrator", KEY, { policy: good })).findings).toEqual([]);
  });

  it("flags a key policy nobody can change", async () => {
    const result = await findings("aws-kms-key-require-administrator", KEY, { policy: doc(workload) });
    expect(result.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining("no statement grants kms:PutKeyPolicy to a named principal"),
    ]);
  });

  it('flags the null administrator of an unresolved deployer ARN ("AWS": [null]) and an empty one', async () => {
    for (const principal of [[null], [""], null]) {
      const policy = doc({ ...admin, Principal: { AWS: principal } }, workload);
      const messages = (await findings("aws-kms-key-require-administrator", KEY, { policy })).findings.map(
        (finding) => finding.message,
      );
      expect(messages.join("\n")).toContain("statement 0 has a null or empty principal");
      expect(messages.join("\n")).toContain("MalformedPolicyDocumentException");
      expect(messages.join("\n")).toContain("no statement grants kms:PutKeyPolicy");
    }
  });

  it("applies to aws.kms.KeyPolicy resources too", async () => {
    const result = await findings("aws-kms-key-require-administrator", "aws:kms/keyPolicy:KeyPolicy", {
      keyId: "k",
      policy: doc(workload),
    });
    expect(result.findings).toHaveLength(1);
  });
});

describe("aws-kms-key-disallow-public-policy", () => {
  it('flags "*" limited only by kms:ViaService', async () => {
    const result = await findings("aws-kms-key-disallow-public-policy", KEY, {
      policy: doc(admin, viaS3ForEveryone),
    });
    expect(result.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('statement 1 allows principal "*" kms:Decrypt limited only by kms:ViaService'),
    ]);
  });

  it.each([
    [
      "kms:CallerAccount",
      { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com", "kms:CallerAccount": ACCOUNT } },
    ],
    ["aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc123def4" } }],
    ["aws:SourceAccount (case-insensitive key)", { StringEquals: { "AWS:SOURCEACCOUNT": ACCOUNT } }],
  ])('accepts "*" limited by %s', async (_title, condition) => {
    const result = await findings("aws-kms-key-disallow-public-policy", KEY, {
      policy: doc(admin, { ...viaS3ForEveryone, Condition: condition }),
    });
    expect(result.findings).toEqual([]);
  });

  it.each([
    ["a negated operator", { StringNotEquals: { "kms:CallerAccount": ACCOUNT } }],
    ["an IfExists operator", { StringEqualsIfExists: { "aws:PrincipalAccount": ACCOUNT } }],
    ["a wildcard value", { StringLike: { "aws:PrincipalAccount": "*" } }],
  ])('flags "*" whose account condition is %s', async (_title, condition) => {
    const result = await findings("aws-kms-key-disallow-public-policy", KEY, {
      policy: doc(admin, { ...viaS3ForEveryone, Condition: condition }),
    });
    expect(result.findings).toHaveLength(1);
  });
});

describe("aws-s3-bucketpolicy-disallow-public-principal", () => {
  const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
  const deny = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::datasets", "arn:aws:s3:::datasets/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };

  it("passes the platform's deny-only transport rules and a service write scoped by source ARN", async () => {
    const policy = doc(deny, {
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: "arn:aws:s3:::audit/*",
      Condition: { StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:1:trail/t" } },
    });
    const result = await findings("aws-s3-bucketpolicy-disallow-public-principal", BUCKET_POLICY, {
      bucket: "datasets",
      policy,
    });
    expect(result.findings).toEqual([]);
  });

  it('flags "*" reading objects limited only by aws:CalledVia, and accepts a fixed VPC endpoint', async () => {
    const open = {
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::datasets/*",
      Condition: { "ForAnyValue:StringEquals": { "aws:CalledVia": "athena.amazonaws.com" } },
    };
    const bad = await findings("aws-s3-bucketpolicy-disallow-public-principal", BUCKET_POLICY, {
      bucket: "datasets",
      policy: doc(open),
    });
    expect(bad.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('allows principal "*" s3:GetObject limited only by aws:CalledVia'),
    ]);
    const vpce = await findings("aws-s3-bucketpolicy-disallow-public-principal", BUCKET_POLICY, {
      bucket: "datasets",
      policy: doc({ ...open, Condition: { StringEquals: { "aws:SourceVpce": "vpce-0abc" } } }),
    });
    expect(vpce.findings).toEqual([]);
  });

  it("reads a bucket's inline policy too", async () => {
    const result = await findings("aws-s3-bucketpolicy-disallow-public-principal", "aws:s3/bucket:Bucket", {
      policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }),
    });
    expect(result.findings[0]?.message).toContain("with no condition");
  });
});

describe("aws-iam-role-disallow-public-trust", () => {
  const ROLE = "aws:iam/role:Role";

  it("passes the platform's service trust limited to its account", async () => {
    const assumeRolePolicy = doc({
      Effect: "Allow",
      Principal: { Service: ["sagemaker.amazonaws.com"] },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
    expect(
      (await findings("aws-iam-role-disallow-public-trust", ROLE, { assumeRolePolicy })).findings,
    ).toEqual([]);
  });

  it('flags "*" that may assume the role, and accepts it once limited to the organization', async () => {
    const open = { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" };
    const bad = await findings("aws-iam-role-disallow-public-trust", ROLE, { assumeRolePolicy: doc(open) });
    expect(bad.findings[0]?.message).toContain('lets principal "*" call sts:AssumeRole with no condition');
    const org = await findings("aws-iam-role-disallow-public-trust", ROLE, {
      assumeRolePolicy: doc({
        ...open,
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123def4" } },
      }),
    });
    expect(org.findings).toEqual([]);
  });

  it("signals unknown-inputs for a trust policy not known until apply", async () => {
    const result = await findings("aws-iam-role-disallow-public-trust", ROLE, { assumeRolePolicy: UNKNOWN });
    expect(result).toEqual({ findings: [], notApplicable: ["unknown-inputs: assumeRolePolicy"] });
  });
});
