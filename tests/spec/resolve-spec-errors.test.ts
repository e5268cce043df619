import { describe, expect, it } from "vitest";
import { SecureAiConfigError } from "../../components/errors";
import { resolveSpec } from "../../components/spec/resolve";

const NOW = new Date("2026-06-01T12:00:00Z");
const AWS = { cloud: "aws", aws: { region: "eu-west-1" }, models: [{ name: "chatbot" }] };

/** A deep copy of a valid AWS spec with `patch` applied on top. */
function withPatch(patch: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone(AWS), ...patch };
}

interface BadCase {
  rule: string;
  args: unknown;
  path: string;
  message: RegExp;
}

const cases: BadCase[] = [
  // cloud and its block
  { rule: "args must be an object", args: "aws", path: "args", message: /"aws".*arguments object/ },
  {
    rule: "unknown cloud",
    args: withPatch({ cloud: "oracle" }),
    path: "cloud",
    message: /"oracle".*"aws", "gcp", "azure"/,
  },
  {
    rule: "cloud missing",
    args: withPatch({ cloud: undefined }),
    path: "cloud",
    message: /undefined.*allowed values/,
  },
  { rule: "cloud wrong case", args: withPatch({ cloud: "AWS" }), path: "cloud", message: /"AWS"/ },
  {
    rule: "chosen cloud block missing",
    args: { cloud: "gcp", models: [{ name: "m" }], aws: { region: "eu-west-1" } },
    path: "gcp",
    message: /"gcp" block/,
  },
  {
    rule: "aws region malformed",
    args: withPatch({ aws: { region: "Europe" } }),
    path: "aws.region",
    message: /"Europe".*AWS region/,
  },
  {
    rule: "aws region missing",
    args: withPatch({ aws: {} }),
    path: "aws.region",
    message: /non-empty string/,
  },
  {
    rule: "aws custom key store malformed",
    args: withPatch({ aws: { region: "eu-west-1", customKeyStoreId: "store" } }),
    path: "aws.customKeyStoreId",
    message: /"store".*cks-/,
  },
  {
    rule: "custom key store without HSM models",
    args: withPatch({ aws: { region: "eu-west-1", customKeyStoreId: "cks-1234567890abcdef0" } }),
    path: "aws.customKeyStoreId",
    message: /HSM-tier keys only/,
  },
  {
    rule: "unknown key in cloud block",
    args: withPatch({ aws: { region: "eu-west-1", zone: "a" } }),
    path: "aws.zone",
    message: /unknown argument/,
  },
  {
    rule: "gcp project too short",
    args: { cloud: "gcp", gcp: { project: "abc", region: "europe-west4" }, models: [{ name: "m" }] },
    path: "gcp.project",
    message: /"abc".*6 to 30/,
  },
  {
    rule: "gcp region malformed",
    args: { cloud: "gcp", gcp: { project: "my-project", region: "eu" }, models: [{ name: "m" }] },
    path: "gcp.region",
    message: /"eu".*GCP region/,
  },
  {
    rule: "azure tenant not a GUID",
    args: { cloud: "azure", azure: { location: "westeurope", tenantId: "contoso" }, models: [{ name: "m" }] },
    path: "azure.tenantId",
    message: /"contoso".*GUID/,
  },
  {
    rule: "azure location malformed",
    args: {
      cloud: "azure",
      azure: { location: "West Europe", tenantId: "00000000-0000-0000-0000-000000000000" },
      models: [{ name: "m" }],
    },
    path: "azure.location",
    message: /"West Europe"/,
  },
  {
    rule: "unknown top-level argument",
    args: withPatch({ region: "eu-west-1" }),
    path: "region",
    message: /unknown argument/,
  },
  // models
  {
    rule: "models missing",
    args: withPatch({ models: undefined }),
    path: "models",
    message: /at least one model/,
  },
  {
    rule: "models empty",
    args: withPatch({ models: [] }),
    path: "models",
    message: /\[\].*at least one model/,
  },
  {
    rule: "models not an array",
    args: withPatch({ models: "chatbot" }),
    path: "models",
    message: /expected an array/,
  },
  {
    rule: "model not an object",
    args: withPatch({ models: ["chatbot"] }),
    path: "models[0]",
    message: /a model/,
  },
  {
    rule: "model guardrail strength unknown",
    args: withPatch({ models: [{ name: "chatbot", guardrailStrength: "strict" }] }),
    path: "models[0].guardrailStrength",
    message: /"strict".*"high", "medium", "low"/,
  },
  {
    rule: "model guardrail weakened without a waiver",
    args: withPatch({ models: [{ name: "chatbot" }, { name: "triage", guardrailStrength: "low" }] }),
    path: "models[1].guardrailStrength",
    message: /"low".*waiver for SAI-MOD-03/,
  },
  {
    rule: "model guardrail weakened under another control's waiver",
    args: withPatch({
      models: [{ name: "chatbot", guardrailStrength: "medium" }],
      waivers: [{ control: "SAI-MOD-02", reason: "not the guardrail's control" }],
    }),
    path: "models[0].guardrailStrength",
    message: /SAI-MOD-03/,
  },
  {
    rule: "model name missing",
    args: withPatch({ models: [{}] }),
    path: "models[0].name",
    message: /non-empty string name/,
  },
  {
    rule: "model name uppercase",
    args: withPatch({ models: [{ name: "ChatBot" }] }),
    path: "models[0].name",
    message: /"ChatBot".*lowercase/,
  },
  {
    rule: "model name too long",
    args: withPatch({ models: [{ name: "a".repeat(25) }] }),
    path: "models[0].name",
    message: /at most 24 characters/,
  },
  {
    rule: "model name with underscore",
    args: withPatch({ models: [{ name: "chat_bot" }] }),
    path: "models[0].name",
    message: /"chat_bot"/,
  },
  {
    rule: "model name starting with digit",
    args: withPatch({ models: [{ name: "1bot" }] }),
    path: "models[0].name",
    message: /start with a letter/,
  },
  {
    rule: "model name ending with hyphen",
    args: withPatch({ models: [{ name: "bot-" }] }),
    path: "models[0].name",
    message: /"bot-"/,
  },
  {
    rule: "model name with double hyphen",
    args: withPatch({ models: [{ name: "chat--bot" }] }),
    path: "models[0].name",
    message: /single hyphens/,
  },
  {
    rule: "duplicate model names",
    args: withPatch({ models: [{ name: "a" }, { name: "b" }, { name: "a" }] }),
    path: "models[2].name",
    message: /"a".*unique.*models\[0\]/,
  },
  {
    rule: "unknown sensitivity",
    args: withPatch({ models: [{ name: "m", sensitivity: "secret" }] }),
    path: "models[0].sensitivity",
    message: /"secret".*"standard", "high"/,
  },
  {
    rule: "serving not offered on the cloud",
    args: withPatch({ models: [{ name: "m", serving: "vertex" }] }),
    path: "models[0].serving",
    message: /"vertex".*"sagemaker", "bedrock"/,
  },
  {
    rule: "unknown model key",
    args: withPatch({ models: [{ name: "m", size: "xl" }] }),
    path: "models[0].size",
    message: /unknown argument/,
  },
  // datasets and retention
  {
    rule: "duplicate dataset names",
    args: withPatch({ datasets: [{ name: "d" }, { name: "d" }] }),
    path: "datasets[1].name",
    message: /unique/,
  },
  {
    rule: "dataset name invalid",
    args: withPatch({ datasets: [{ name: "Customer Data" }] }),
    path: "datasets[0].name",
    message: /"Customer Data"/,
  },
  {
    rule: "personal data without retention",
    args: withPatch({ datasets: [{ name: "d", personalData: true }] }),
    path: "datasets[0].retentionDays",
    message: /personal data needs a retention period/,
  },
  {
    rule: "negative retention",
    args: withPatch({ datasets: [{ name: "d", retentionDays: -1 }] }),
    path: "datasets[0].retentionDays",
    message: /-1.*1 to 3650 days/,
  },
  {
    rule: "retention too long",
    args: withPatch({ datasets: [{ name: "d", retentionDays: 4000 }] }),
    path: "datasets[0].retentionDays",
    message: /4000/,
  },
  {
    rule: "fractional retention",
    args: withPatch({ datasets: [{ name: "d", retentionDays: 30.5 }] }),
    path: "datasets[0].retentionDays",
    message: /integer/,
  },
  {
    rule: "personalData not boolean",
    args: withPatch({ datasets: [{ name: "d", personalData: "yes", retentionDays: 30 }] }),
    path: "datasets[0].personalData",
    message: /"yes".*true or false/,
  },
  {
    rule: "log retention out of range",
    args: withPatch({ logging: { retentionDays: 0 } }),
    path: "logging.retentionDays",
    message: /0.*1 to 3653/,
  },
  {
    rule: "audit lock out of range",
    args: withPatch({ logging: { auditLockDays: 5000 } }),
    path: "logging.auditLockDays",
    message: /5000/,
  },
  // encryption
  {
    rule: "rotation above 90 days",
    args: withPatch({ encryption: { rotationDays: 91 } }),
    path: "encryption.rotationDays",
    message: /91.*1 to 90 days/,
  },
  {
    rule: "rotation zero",
    args: withPatch({ encryption: { rotationDays: 0 } }),
    path: "encryption.rotationDays",
    message: /0.*1 to 90/,
  },
  {
    rule: "rotation as string",
    args: withPatch({ encryption: { rotationDays: "90" } }),
    path: "encryption.rotationDays",
    message: /"90".*integer/,
  },
  {
    rule: "unknown hsm mode",
    args: withPatch({ encryption: { hsm: "none" } }),
    path: "encryption.hsm",
    message: /"none".*"high-sensitivity", "all"/,
  },
  {
    rule: "duplicate break-glass principal",
    args: withPatch({
      encryption: { breakGlassPrincipals: ["arn:aws:iam::1:role/a", "arn:aws:iam::1:role/a"] },
    }),
    path: "encryption.breakGlassPrincipals[1]",
    message: /duplicate/,
  },
  {
    rule: "typo in encryption block",
    args: withPatch({ encryption: { rotationDay: 30 } }),
    path: "encryption.rotationDay",
    message: /unknown argument.*rotationDays/,
  },
  // transport
  {
    rule: "TLS 1.1",
    args: withPatch({ transport: { minimumTlsVersion: "1.1" } }),
    path: "transport.minimumTlsVersion",
    message: /"1.1".*"1.3", "1.2"/,
  },
  {
    rule: "TLS 1.0",
    args: withPatch({ transport: { minimumTlsVersion: "1.0" } }),
    path: "transport.minimumTlsVersion",
    message: /"1.0"/,
  },
  {
    rule: "TLS 1.2 without waiver",
    args: withPatch({ transport: { minimumTlsVersion: "1.2" } }),
    path: "transport.minimumTlsVersion",
    message: /waiver for SAI-TLS-01/,
  },
  {
    rule: "mTLS without CA bundle",
    args: withPatch({ publicApi: { enabled: true }, transport: { mutualTls: { enabled: true } } }),
    path: "transport.mutualTls.caBundle",
    message: /PEM bundle/,
  },
  {
    rule: "mTLS CA bundle not PEM",
    args: withPatch({ transport: { mutualTls: { caBundle: "not a cert" } } }),
    path: "transport.mutualTls.caBundle",
    message: /PEM certificates/,
  },
  {
    rule: "mTLS without public API",
    args: withPatch({
      transport: {
        mutualTls: {
          enabled: true,
          caBundle: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        },
      },
    }),
    path: "transport.mutualTls.enabled",
    message: /enable publicApi/,
  },
  // network
  {
    rule: "public CIDR",
    args: withPatch({ network: { cidr: "8.8.0.0/16" } }),
    path: "network.cidr",
    message: /"8.8.0.0\/16".*RFC 1918/,
  },
  {
    rule: "CIDR too large",
    args: withPatch({ network: { cidr: "10.0.0.0/8" } }),
    path: "network.cidr",
    message: /\/16 to \/24/,
  },
  {
    rule: "CIDR malformed",
    args: withPatch({ network: { cidr: "10.0.0/16" } }),
    path: "network.cidr",
    message: /"10.0.0\/16"/,
  },
  {
    rule: "CIDR host bits set",
    args: withPatch({ network: { cidr: "10.40.1.0/16" } }),
    path: "network.cidr",
    message: /host bits zero/,
  },
  {
    rule: "zone count out of range",
    args: withPatch({ network: { zoneCount: 4 } }),
    path: "network.zoneCount",
    message: /4.*1 to 3/,
  },
  {
    rule: "existing network and CIDR both",
    args: withPatch({
      network: { cidr: "10.1.0.0/16", existing: { networkId: "vpc-1", subnetIds: ["subnet-1"] } },
    }),
    path: "network.cidr",
    message: /leave cidr unset/,
  },
  {
    rule: "existing network without subnets",
    args: withPatch({ network: { existing: { networkId: "vpc-1", subnetIds: [] } } }),
    path: "network.existing.subnetIds",
    message: /at least one private subnet/,
  },
  // identity
  {
    rule: "MFA off without waiver",
    args: withPatch({ identity: { requireMfa: false } }),
    path: "identity.requireMfa",
    message: /SAI-IAM-04/,
  },
  {
    rule: "federated issuer not https",
    args: withPatch({
      identity: { federatedWorkloads: [{ name: "ci", issuer: "http://issuer", subject: "repo:x" }] },
    }),
    path: "identity.federatedWorkloads[0].issuer",
    message: /"http:\/\/issuer".*https/,
  },
  {
    rule: "data scientists not a list",
    args: withPatch({ identity: { dataScientists: "alice" } }),
    path: "identity.dataScientists",
    message: /expected an array/,
  },
  // logging and detection
  {
    rule: "unknown SIEM",
    args: withPatch({ logging: { siem: "splunk" } }),
    path: "logging.siem",
    message: /"splunk".*"native", "export", "none"/,
  },
  {
    rule: "SIEM export without destination",
    args: withPatch({ logging: { siem: "export" } }),
    path: "logging.siemDestination",
    message: /needs a destination/,
  },
  {
    rule: "SIEM destination without export",
    args: withPatch({ logging: { siemDestination: "arn:aws:sns:x" } }),
    path: "logging.siemDestination",
    message: /only used with siem "export"/,
  },
  {
    rule: "SIEM off without waiver",
    args: withPatch({ logging: { siem: "none" } }),
    path: "logging.siem",
    message: /SAI-LOG-03/,
  },
  {
    rule: "unknown severity threshold",
    args: withPatch({ detection: { severityThreshold: "severe" } }),
    path: "detection.severityThreshold",
    message: /"severe".*"low", "medium", "high", "critical"/,
  },
  {
    rule: "bad notification email",
    args: withPatch({ detection: { notificationEmails: ["secops"] } }),
    path: "detection.notificationEmails[0]",
    message: /"secops".*email address/,
  },
  {
    rule: "webhook not https",
    args: withPatch({ detection: { notificationWebhooks: ["http://hooks.example.com/x"] } }),
    path: "detection.notificationWebhooks[0]",
    message: /https/,
  },
  {
    rule: "unknown singleton mode",
    args: withPatch({ detection: { singletons: { threatDetection: "disable" } } }),
    path: "detection.singletons.threatDetection",
    message: /"disable".*"create", "adopt", "skip"/,
  },
  {
    rule: "unknown singleton name",
    args: withPatch({ detection: { singletons: { guardDuty: "skip" } } }),
    path: "detection.singletons.guardDuty",
    message: /unknown argument/,
  },
  // public API
  {
    rule: "public API without WAF and no waiver",
    args: withPatch({ publicApi: { enabled: true, waf: false } }),
    path: "publicApi.waf",
    message: /waiver for SAI-NET-05/,
  },
  {
    rule: "rate limit too low",
    args: withPatch({ publicApi: { enabled: true, rateLimit: 10 } }),
    path: "publicApi.rateLimit",
    message: /10.*100 to 2000000/,
  },
  {
    rule: "bad domain name",
    args: withPatch({ publicApi: { enabled: true, domainName: "https://api" } }),
    path: "publicApi.domainName",
    message: /DNS name/,
  },
  {
    rule: "domain without certificate",
    args: withPatch({ publicApi: { enabled: true, domainName: "api.example.com" } }),
    path: "publicApi.certificate",
    message: /needs the certificate/,
  },
  {
    rule: "publicApi.enabled not boolean",
    args: withPatch({ publicApi: { enabled: "true" } }),
    path: "publicApi.enabled",
    message: /"true".*true or false/,
  },
  // compliance and tags
  {
    rule: "unknown framework",
    args: withPatch({ compliance: { frameworks: ["pci"] } }),
    path: "compliance.frameworks[0]",
    message: /"pci".*"soc2"/,
  },
  {
    rule: "empty framework list",
    args: withPatch({ compliance: { frameworks: [] } }),
    path: "compliance.frameworks",
    message: /at least one framework/,
  },
  {
    rule: "tag key uppercase",
    args: withPatch({ tags: { Team: "ai" } }),
    path: "tags.Team",
    message: /tag keys/,
  },
  {
    rule: "tag value not a string",
    args: withPatch({ tags: { team: 5 } }),
    path: "tags.team",
    message: /tag values/,
  },
  // waivers
  {
    rule: "waiver without reason",
    args: withPatch({ waivers: [{ control: "SAI-NET-05" }] }),
    path: "waivers[0].reason",
    message: /needs a reason/,
  },
  {
    rule: "waiver reason too short",
    args: withPatch({ waivers: [{ control: "SAI-NET-05", reason: "because" }] }),
    path: "waivers[0].reason",
    message: /"because".*at least 10 characters/,
  },
  {
    rule: "waiver for unknown control",
    args: withPatch({ waivers: [{ control: "SAI-XYZ-01", reason: "a reason long enough" }] }),
    path: "waivers[0].control",
    message: /"SAI-XYZ-01".*control ID/,
  },
  {
    rule: "waiver already expired",
    args: withPatch({
      waivers: [{ control: "SAI-NET-05", reason: "a reason long enough", expires: "2026-05-31" }],
    }),
    path: "waivers[0].expires",
    message: /"2026-05-31".*expired/,
  },
  {
    rule: "waiver expiry not a date",
    args: withPatch({
      waivers: [{ control: "SAI-NET-05", reason: "a reason long enough", expires: "next year" }],
    }),
    path: "waivers[0].expires",
    message: /YYYY-MM-DD/,
  },
  {
    rule: "waiver expiry impossible date",
    args: withPatch({
      waivers: [{ control: "SAI-NET-05", reason: "a reason long enough", expires: "2027-02-30" }],
    }),
    path: "waivers[0].expires",
    message: /"2027-02-30"/,
  },
  {
    rule: "control waived twice",
    args: withPatch({
      waivers: [
        { control: "SAI-NET-05", reason: "a reason long enough" },
        { control: "SAI-NET-05", reason: "another long reason" },
      ],
    }),
    path: "waivers[1].control",
    message: /at most once/,
  },
];

describe("resolveSpec rejects bad input", () => {
  it("covers at least 40 bad inputs", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)("$rule → $path", ({ args, path, message }) => {
    let caught: unknown;
    try {
      resolveSpec(args, { now: NOW });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecureAiConfigError);
    const error = caught as SecureAiConfigError;
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: received `)).toBe(true);
    expect(error.message).toMatch(message);
  });
});
