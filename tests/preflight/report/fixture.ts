/**
 * A hand-built stack run with findings, for the renderer and evidence tests: a SecureAiPlatform component
 * with its `controls` evidence, a KMS key, and a hostile resource whose name, inputs and finding messages
 * try to break out of HTML and Markdown and carry secrets.
 */
import { controlCatalog } from "../../../components/controls";
import type {
  Examination,
  Finding,
  PolicyInfo,
  PolicyPackSummary,
  RecordedResource,
  RecordedValue,
  StackRun,
} from "../../../preflight/model";
import { buildReportData, type ReportData } from "../../../preflight/report";

/** Secret plaintexts the fixture hides in inputs; no report may contain them. */
export const SECRET_PLAINTEXTS = ["hunter2-SUPERSECRET", "tok-ABCDEF123456", "nested-secret-value-42"];
/** The hostile resource name. */
export const SCRIPT_NAME = "<script>alert(1)</script>";
export const STACK_URN = "urn:pulumi:prod::demo::pulumi:pulumi:Stack::demo-prod";
export const PLATFORM_URN = "urn:pulumi:prod::demo::secure-ai-platform:index:SecureAiPlatform::chat";
export const KEY_URN =
  "urn:pulumi:prod::demo::secure-ai-platform:index:SecureAiPlatform$aws:kms/key:Key::chat-datasets";
export const EVIL_URN = `urn:pulumi:prod::demo::aws:s3/bucket:Bucket::${SCRIPT_NAME}`;
/** Directory of the fixture's program. */
export const PROGRAM_DIR = "/tmp/demo-program";
export const TABLE_INJECTION = "a | b ` c\n| --- | injected |";

function resource(partial: Partial<RecordedResource> & Pick<RecordedResource, "urn" | "type" | "name">): RecordedResource {
  return {
    custom: true,
    inputs: {},
    dependencies: [],
    propertyDependencies: {},
    options: { protect: false, retainOnDelete: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
    ...partial,
  };
}

/** The recorded run; `resourceOutputs` carries the component's evidence as the engine is asked to record it. */
export function fixtureRun(withComponentOutputs = true): StackRun {
  const run: StackRun & { resourceOutputs?: Record<string, Record<string, RecordedValue>> } = {
    stack: "prod",
    project: "demo",
    invokes: [],
    outputs: { endpoint: { $unknown: true }, apiToken: { $secret: "tok-ABCDEF123456" } },
    resources: [
      resource({ urn: STACK_URN, type: "pulumi:pulumi:Stack", name: "demo-prod", custom: false }),
      resource({
        urn: PLATFORM_URN,
        type: "secure-ai-platform:index:SecureAiPlatform",
        name: "chat",
        custom: false,
        parent: STACK_URN,
        source: { file: `${PROGRAM_DIR}/src/platform.ts`, line: 12, column: 3 },
      }),
      resource({
        urn: KEY_URN,
        type: "aws:kms/key:Key",
        name: "chat-datasets",
        parent: PLATFORM_URN,
        // Created inside the library: the program's declaration is the platform's.
        source: { file: `${PROGRAM_DIR}/node_modules/secure-ai-platform/components/aws/keys.ts`, line: 40, column: 5 },
        inputs: {
          description: "Datasets key",
          enableKeyRotation: false,
          policy: { $unknown: true },
          tags: { owner: TABLE_INJECTION },
        },
      }),
      resource({
        urn: EVIL_URN,
        type: "aws:s3/bucket:Bucket",
        name: SCRIPT_NAME,
        parent: STACK_URN,
        dependencies: [KEY_URN],
        inputs: {
          bucket: '<img src=x onerror="alert(2)">',
          password: { $secret: "hunter2-SUPERSECRET" },
          nested: [{ $secret: { token: "nested-secret-value-42" } }],
          kmsKeyId: { $unknown: true },
        },
      }),
    ],
  };
  if (withComponentOutputs) {
    run.resourceOutputs = {
      [PLATFORM_URN]: {
        controls: [
          { id: "SAI-ENC-01", status: "implemented", resources: [KEY_URN] },
          { id: "SAI-ENC-03", status: "implemented", resources: [KEY_URN] },
          { id: "SAI-RES-01", status: "implemented", resources: [KEY_URN], note: "Deletion window of 30 days." },
          {
            id: "SAI-NET-05",
            status: "waived",
            resources: [],
            note: "waived: Internal pilot without a public API (expires 2031-01-31)",
          },
          { id: "SAI-TLS-02", status: "gap", resources: [], note: "The storage service cannot enforce TLS 1.3." },
          { id: "SAI-TLS-03", status: "not-applicable", resources: [], note: "Mutual TLS was not requested." },
        ],
      },
    };
  }
  return run;
}

function policy(name: string, controls: string[], enforcementLevel: PolicyInfo["enforcementLevel"]): PolicyInfo {
  return {
    name,
    description: `Checks ${name}.`,
    enforcementLevel,
    type: "resource",
    severity: "high",
    tags: [...controls, "security"],
    controls,
    remediationSteps: `Fix ${name}.`,
    url: "https://example.com/policies",
  };
}

/** The pack that "ran". */
export const fixturePacks: PolicyPackSummary[] = [
  {
    name: "secure-ai",
    version: "0.1.0",
    policies: [
      policy("aws-kms-key-require-rotation", ["SAI-ENC-03"], "mandatory"),
      policy("aws-s3-bucket-require-cmk-encryption", ["SAI-ENC-01"], "advisory"),
      policy("aws-ec2-securitygroup-disallow-public-ingress", ["SAI-NET-01"], "mandatory"),
      policy("aws-guardduty-account-require-detector", ["SAI-DET-01"], "mandatory"),
      policy("aws-cloudtrail-account-require-trail", ["SAI-LOG-01"], "advisory"),
      policy("aws-kms-key-limit-deletion-window", ["SAI-RES-01", "SAI-ENC-07"], "advisory"),
    ],
  },
];

/** Findings: a mandatory one, a hostile advisory one repeating a secret, a waived one, a stack-level one. */
export function fixtureFindings(): Finding[] {
  return [
    {
      policyPack: "secure-ai",
      policy: "aws-kms-key-require-rotation",
      controls: ["SAI-ENC-03"],
      severity: "high",
      enforcementLevel: "mandatory",
      urn: KEY_URN,
      message: "enableKeyRotation must be true",
    },
    {
      policyPack: "secure-ai",
      policy: "aws-s3-bucket-require-cmk-encryption",
      controls: ["SAI-ENC-01"],
      severity: "high",
      enforcementLevel: "advisory",
      urn: EVIL_URN,
      message: `bucket ${SCRIPT_NAME} ${TABLE_INJECTION} leaks hunter2-SUPERSECRET`,
    },
    {
      policyPack: "secure-ai",
      policy: "aws-ec2-securitygroup-disallow-public-ingress",
      controls: ["SAI-NET-01"],
      severity: "high",
      enforcementLevel: "advisory",
      urn: EVIL_URN,
      message: "Security groups allow no ingress from 0.0.0.0/0.\n[waived: Load test from the vendor network, until 2031-06-30] port 443 open",
    },
    {
      policyPack: "secure-ai",
      policy: "aws-guardduty-account-require-detector",
      controls: ["SAI-DET-01"],
      severity: "critical",
      enforcementLevel: "mandatory",
      message: "No GuardDuty detector in the stack.",
    },
  ];
}

/**
 * What the policies examined in the fixture's update pass: the key by the rotation policy (which found it
 * unrotated) and the deletion policy, the bucket by the CMK and security-group policies; and in preview the
 * CMK policy could not read the bucket's unknown `kmsKeyId`.
 */
export function fixtureExaminations(): Examination[] {
  const examined = (urn: string, type: string, policy: string, controls: string[], pass: Examination["pass"] = "update"): Examination => ({
    urn,
    type,
    policyPack: "secure-ai",
    policy,
    controls,
    outcome: "examined",
    pass,
  });
  return [
    examined(KEY_URN, "aws:kms/key:Key", "aws-kms-key-require-rotation", ["SAI-ENC-03"]),
    examined(KEY_URN, "aws:kms/key:Key", "aws-kms-key-limit-deletion-window", ["SAI-RES-01", "SAI-ENC-07"]),
    examined(EVIL_URN, "aws:s3/bucket:Bucket", "aws-s3-bucket-require-cmk-encryption", ["SAI-ENC-01"]),
    examined(EVIL_URN, "aws:s3/bucket:Bucket", "aws-ec2-securitygroup-disallow-public-ingress", ["SAI-NET-01"]),
    {
      ...examined(EVIL_URN, "aws:s3/bucket:Bucket", "aws-s3-bucket-require-cmk-encryption", ["SAI-ENC-01"], "preview"),
      outcome: "unknown-inputs",
      detail: "kmsKeyId",
    },
  ];
}

/** The report data every renderer test uses. */
export function fixtureReport(options: { withComponentOutputs?: boolean } = {}): ReportData {
  return buildReportData({
    stacks: [
      {
        run: fixtureRun(options.withComponentOutputs ?? true),
        findings: fixtureFindings(),
        examinations: fixtureExaminations(),
        passes: ["preview", "update"],
      },
    ],
    packs: fixturePacks,
    catalog: controlCatalog,
    tool: { name: "secure-ai check", version: "0.1.0", informationUri: "https://www.npmjs.com/package/secure-ai-platform" },
    generatedAt: "2030-01-01T00:00:00.000Z",
    programDir: PROGRAM_DIR,
  });
}
