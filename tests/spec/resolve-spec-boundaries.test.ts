/**
 * Boundaries of every limit and pattern of the spec: the last accepted and the first rejected value on
 * each side, so an off-by-one or a loosened pattern fails a test (written to kill surviving mutants of
 * `npm run mutation`).
 */
import { describe, expect, it } from "vitest";
import { SecureAiConfigError, describeValue } from "../../components/errors";
import { resolveSpec } from "../../components/spec/resolve";

const NOW = new Date("2026-06-01T12:00:00Z");
const AWS = { cloud: "aws", aws: { region: "eu-west-1" }, models: [{ name: "chatbot" }] };
const GCP = { cloud: "gcp", gcp: { project: "my-project", region: "europe-west4" }, models: [{ name: "m" }] };
const AZURE = {
  cloud: "azure",
  azure: { location: "westeurope", tenantId: "00000000-0000-0000-0000-000000000000" },
  models: [{ name: "m" }],
};

function resolve(args: unknown) {
  return resolveSpec(args, { now: NOW });
}

/** The error resolveSpec throws, or undefined when it accepts. */
function errorOf(args: unknown): SecureAiConfigError | undefined {
  try {
    resolve(args);
    return undefined;
  } catch (error) {
    if (error instanceof SecureAiConfigError) return error;
    throw error;
  }
}

type Case = [label: string, args: unknown, path: string | null];

const aws = (patch: Record<string, unknown>) => ({ ...structuredClone(AWS), ...patch });
const gcp = (block: Record<string, unknown>) => ({ ...structuredClone(GCP), gcp: { ...GCP.gcp, ...block } });
const azure = (block: Record<string, unknown>) => ({
  ...structuredClone(AZURE),
  azure: { ...AZURE.azure, ...block },
});
const name = (length: number) => `a${"b".repeat(length - 1)}`;

const cases: Case[] = [
  // names
  ["one-letter name", aws({ models: [{ name: "a" }] }), null],
  ["24-character name", aws({ models: [{ name: name(24) }] }), null],
  ["25-character name", aws({ models: [{ name: name(25) }] }), "models[0].name"],
  ["name ending in a hyphen", aws({ models: [{ name: "ab-" }] }), "models[0].name"],
  ["name with a double hyphen", aws({ models: [{ name: "a--b" }] }), "models[0].name"],
  ["name with a single hyphen", aws({ models: [{ name: "a-b" }] }), null],
  ["name starting with a digit", aws({ models: [{ name: "1a" }] }), "models[0].name"],
  ["name with a digit after the first letter", aws({ models: [{ name: "a1" }] }), null],
  ["name with an uppercase letter", aws({ models: [{ name: "aB" }] }), "models[0].name"],
  ["name with a trailing newline", aws({ models: [{ name: "ab\n" }] }), "models[0].name"],
  ["empty name", aws({ models: [{ name: "" }] }), "models[0].name"],
  // model and dataset counts
  ["500 models", aws({ models: Array.from({ length: 500 }, (_, i) => ({ name: `m${i}` })) }), null],
  ["501 models", aws({ models: Array.from({ length: 501 }, (_, i) => ({ name: `m${i}` })) }), "models"],
  ["500 datasets", aws({ datasets: Array.from({ length: 500 }, (_, i) => ({ name: `d${i}` })) }), null],
  ["501 datasets", aws({ datasets: Array.from({ length: 501 }, (_, i) => ({ name: `d${i}` })) }), "datasets"],
  ["no models", aws({ models: [] }), "models"],
  ["duplicate dataset", aws({ datasets: [{ name: "d" }, { name: "d" }] }), "datasets[1].name"],
  // integers
  ["rotation 0", aws({ encryption: { rotationDays: 0 } }), "encryption.rotationDays"],
  ["rotation 1", aws({ encryption: { rotationDays: 1 } }), null],
  ["rotation 90", aws({ encryption: { rotationDays: 90 } }), null],
  ["rotation 91", aws({ encryption: { rotationDays: 91 } }), "encryption.rotationDays"],
  ["rotation 1.5", aws({ encryption: { rotationDays: 1.5 } }), "encryption.rotationDays"],
  ["zone count 0", aws({ network: { zoneCount: 0 } }), "network.zoneCount"],
  ["zone count 3", aws({ network: { zoneCount: 3 } }), null],
  ["zone count 4", aws({ network: { zoneCount: 4 } }), "network.zoneCount"],
  ["rate limit 99", aws({ publicApi: { rateLimit: 99 } }), "publicApi.rateLimit"],
  ["rate limit 100", aws({ publicApi: { rateLimit: 100 } }), null],
  ["rate limit 2,000,000", aws({ publicApi: { rateLimit: 2_000_000 } }), null],
  ["rate limit 2,000,001", aws({ publicApi: { rateLimit: 2_000_001 } }), "publicApi.rateLimit"],
  ["dataset retention 3650", aws({ datasets: [{ name: "d", retentionDays: 3650 }] }), null],
  [
    "dataset retention 3651",
    aws({ datasets: [{ name: "d", retentionDays: 3651 }] }),
    "datasets[0].retentionDays",
  ],
  ["dataset retention 0", aws({ datasets: [{ name: "d", retentionDays: 0 }] }), "datasets[0].retentionDays"],
  ["log retention 3653", aws({ logging: { retentionDays: 3653 } }), null],
  ["log retention 3654", aws({ logging: { retentionDays: 3654 } }), "logging.retentionDays"],
  ["audit lock 3650", aws({ logging: { auditLockDays: 3650 } }), null],
  ["audit lock 3651", aws({ logging: { auditLockDays: 3651 } }), "logging.auditLockDays"],
  ["audit lock 0", aws({ logging: { auditLockDays: 0 } }), "logging.auditLockDays"],
  // CIDR blocks
  ["172.16.0.0/16", aws({ network: { cidr: "172.16.0.0/16" } }), null],
  ["172.31.0.0/16", aws({ network: { cidr: "172.31.0.0/16" } }), null],
  ["172.15.0.0/16", aws({ network: { cidr: "172.15.0.0/16" } }), "network.cidr"],
  ["172.32.0.0/16", aws({ network: { cidr: "172.32.0.0/16" } }), "network.cidr"],
  ["192.168.0.0/16", aws({ network: { cidr: "192.168.0.0/16" } }), null],
  ["192.169.0.0/16", aws({ network: { cidr: "192.169.0.0/16" } }), "network.cidr"],
  ["193.168.0.0/16", aws({ network: { cidr: "193.168.0.0/16" } }), "network.cidr"],
  ["11.0.0.0/16", aws({ network: { cidr: "11.0.0.0/16" } }), "network.cidr"],
  ["10.0.0.0/15", aws({ network: { cidr: "10.0.0.0/15" } }), "network.cidr"],
  ["10.0.0.0/24", aws({ network: { cidr: "10.0.0.0/24" } }), null],
  ["10.0.0.0/25", aws({ network: { cidr: "10.0.0.0/25" } }), "network.cidr"],
  ["10.0.1.0/24 (host bits zero)", aws({ network: { cidr: "10.0.1.0/24" } }), null],
  ["10.0.0.1/24 (host bits set)", aws({ network: { cidr: "10.0.0.1/24" } }), "network.cidr"],
  ["10.0.0.0/16 with an octet above 255", aws({ network: { cidr: "10.256.0.0/16" } }), "network.cidr"],
  ["10.0.0.256/24", aws({ network: { cidr: "10.0.0.256/24" } }), "network.cidr"],
  ["10.0.0.0/16 with a prefix", aws({ network: { cidr: "x10.0.0.0/16" } }), "network.cidr"],
  ["10.0.0.0/16 with a suffix", aws({ network: { cidr: "10.0.0.0/16x" } }), "network.cidr"],
  // formats
  ["email", aws({ detection: { notificationEmails: ["a@b.co"] } }), null],
  [
    "email without domain dot",
    aws({ detection: { notificationEmails: ["a@b"] } }),
    "detection.notificationEmails[0]",
  ],
  [
    "email with a space",
    aws({ detection: { notificationEmails: ["a b@c.de"] } }),
    "detection.notificationEmails[0]",
  ],
  [
    "email with a trailing text",
    aws({ detection: { notificationEmails: ["a@b.co x"] } }),
    "detection.notificationEmails[0]",
  ],
  ["https webhook", aws({ detection: { notificationWebhooks: ["https://h.example/x"] } }), null],
  ["https webhook without path", aws({ detection: { notificationWebhooks: ["https://h.example"] } }), null],
  [
    "http webhook",
    aws({ detection: { notificationWebhooks: ["http://h.example/x"] } }),
    "detection.notificationWebhooks[0]",
  ],
  [
    "webhook with a space",
    aws({ detection: { notificationWebhooks: ["https://h.example/a b"] } }),
    "detection.notificationWebhooks[0]",
  ],
  [
    "webhook with a prefix",
    aws({ detection: { notificationWebhooks: [" https://h.example"] } }),
    "detection.notificationWebhooks[0]",
  ],
  ["domain", aws({ publicApi: { domainName: "api.example.com", certificate: "c" } }), null],
  ["domain uppercase", aws({ publicApi: { domainName: "API.example.com" } }), "publicApi.domainName"],
  ["domain with one-letter TLD", aws({ publicApi: { domainName: "api.example.c" } }), "publicApi.domainName"],
  [
    "domain starting with a hyphen",
    aws({ publicApi: { domainName: "-api.example.com" } }),
    "publicApi.domainName",
  ],
  [
    "domain with a 64-character label",
    aws({ publicApi: { domainName: `${"a".repeat(64)}.com` } }),
    "publicApi.domainName",
  ],
  [
    "domain with a 63-character label",
    aws({ publicApi: { domainName: `${"a".repeat(63)}.com`, certificate: "c" } }),
    null,
  ],
  ["domain without a dot", aws({ publicApi: { domainName: "localhost" } }), "publicApi.domainName"],
  ["tag key of 63 characters", aws({ tags: { [name(63)]: "v" } }), null],
  ["tag key of 64 characters", aws({ tags: { [name(64)]: "v" } }), `tags.${name(64)}`],
  ["tag key starting with a digit", aws({ tags: { "1a": "v" } }), "tags.1a"],
  ["tag value of 63 characters", aws({ tags: { k: "v".repeat(63) } }), null],
  ["tag value of 64 characters", aws({ tags: { k: "v".repeat(64) } }), "tags.k"],
  ["empty tag value", aws({ tags: { k: "" } }), null],
  ["uppercase tag value", aws({ tags: { k: "V" } }), "tags.k"],
  ["tag value with a prefix", aws({ tags: { k: " v" } }), "tags.k"],
  ["tag value that is a number", aws({ tags: { k: 1 } }), "tags.k"],
  [
    "issuer",
    aws({ identity: { federatedWorkloads: [{ name: "ci", issuer: "https://t.example", subject: "s" }] } }),
    null,
  ],
  [
    "http issuer",
    aws({ identity: { federatedWorkloads: [{ name: "ci", issuer: "http://t.example", subject: "s" }] } }),
    "identity.federatedWorkloads[0].issuer",
  ],
  [
    "blank subject",
    aws({ identity: { federatedWorkloads: [{ name: "ci", issuer: "https://t.example", subject: " " }] } }),
    "identity.federatedWorkloads[0].subject",
  ],
  ["blank string", aws({ encryption: { externalKeyStore: "   " } }), "encryption.externalKeyStore"],
  [
    "CA bundle without PEM header",
    aws({
      publicApi: { enabled: true, certificate: "c" },
      transport: { mutualTls: { enabled: true, caBundle: "MIIB" } },
    }),
    "transport.mutualTls.caBundle",
  ],
  [
    "CA bundle",
    aws({
      publicApi: { enabled: true, certificate: "c" },
      transport: { mutualTls: { enabled: true, caBundle: "-----BEGIN CERTIFICATE-----\nx" } },
    }),
    null,
  ],
  [
    "mutual TLS on without a bundle",
    aws({ publicApi: { enabled: true, certificate: "c" }, transport: { mutualTls: { enabled: true } } }),
    "transport.mutualTls.caBundle",
  ],
  // cloud blocks
  ["AWS GovCloud region", aws({ aws: { region: "us-gov-west-1" } }), null],
  ["AWS ISO region", aws({ aws: { region: "us-isob-east-1" } }), null],
  ["AWS region without number", aws({ aws: { region: "eu-west" } }), "aws.region"],
  ["AWS region with a prefix", aws({ aws: { region: "xeu-west-1" } }), "aws.region"],
  ["AWS region with a suffix", aws({ aws: { region: "eu-west-1a" } }), "aws.region"],
  [
    "custom key store, 17 characters",
    aws({
      models: [{ name: "m", sensitivity: "high" }],
      aws: { region: "eu-west-1", customKeyStoreId: "cks-1234567890abcdef0" },
    }),
    null,
  ],
  [
    "custom key store, 16 characters",
    aws({
      models: [{ name: "m", sensitivity: "high" }],
      aws: { region: "eu-west-1", customKeyStoreId: "cks-1234567890abcdef" },
    }),
    "aws.customKeyStoreId",
  ],
  [
    "custom key store with a suffix",
    aws({
      models: [{ name: "m", sensitivity: "high" }],
      aws: { region: "eu-west-1", customKeyStoreId: "cks-1234567890abcdef0x" },
    }),
    "aws.customKeyStoreId",
  ],
  [
    "custom key store with hsm all",
    aws({
      encryption: { hsm: "all" },
      aws: { region: "eu-west-1", customKeyStoreId: "cks-1234567890abcdef0" },
    }),
    null,
  ],
  ["GCP project of 6 characters", gcp({ project: "abcdef" }), null],
  ["GCP project of 5 characters", gcp({ project: "abcde" }), "gcp.project"],
  ["GCP project of 30 characters", gcp({ project: name(30) }), null],
  ["GCP project of 31 characters", gcp({ project: name(31) }), "gcp.project"],
  ["GCP project ending in a hyphen", gcp({ project: "abcdef-" }), "gcp.project"],
  ["GCP project starting with a digit", gcp({ project: "1abcdef" }), "gcp.project"],
  ["GCP region without number", gcp({ region: "europe-west" }), "gcp.region"],
  ["GCP region with a suffix", gcp({ region: "europe-west4-a" }), "gcp.region"],
  ["GCP unknown key", gcp({ zone: "a" }), "gcp.zone"],
  ["Azure location with digits", azure({ location: "westus2" }), null],
  ["Azure location starting with a digit", azure({ location: "2westus" }), "azure.location"],
  ["Azure tenant in uppercase", azure({ tenantId: "ABCDEF00-0000-0000-0000-000000000000" }), null],
  [
    "Azure tenant with a suffix",
    azure({ tenantId: "00000000-0000-0000-0000-0000000000001" }),
    "azure.tenantId",
  ],
  ["Azure resource group of 90 characters", azure({ resourceGroupName: name(90) }), null],
  [
    "Azure resource group of 91 characters",
    azure({ resourceGroupName: name(91) }),
    "azure.resourceGroupName",
  ],
  ["Azure resource group ending in a dot", azure({ resourceGroupName: "rg." }), "azure.resourceGroupName"],
  ["Azure resource group with parentheses", azure({ resourceGroupName: "rg(1)" }), null],
  ["Azure resource group with a space", azure({ resourceGroupName: "r g" }), "azure.resourceGroupName"],
  ["Azure unknown key", azure({ subscription: "x" }), "azure.subscription"],
  // waivers
  [
    "waiver expiring today",
    aws({ waivers: [{ control: "SAI-NET-05", reason: "ten chars!", expires: "2026-06-01" }] }),
    null,
  ],
  [
    "waiver expired yesterday",
    aws({ waivers: [{ control: "SAI-NET-05", reason: "ten chars!", expires: "2026-05-31" }] }),
    "waivers[0].expires",
  ],
  [
    "waiver on an impossible date",
    aws({ waivers: [{ control: "SAI-NET-05", reason: "ten chars!", expires: "2027-02-30" }] }),
    "waivers[0].expires",
  ],
  [
    "waiver date without padding",
    aws({ waivers: [{ control: "SAI-NET-05", reason: "ten chars!", expires: "2027-2-3" }] }),
    "waivers[0].expires",
  ],
  [
    "waiver date with a suffix",
    aws({ waivers: [{ control: "SAI-NET-05", reason: "ten chars!", expires: "2027-02-03x" }] }),
    "waivers[0].expires",
  ],
  [
    "waiver reason of 9 characters after trimming",
    aws({ waivers: [{ control: "SAI-NET-05", reason: "  nine char " }] }),
    "waivers[0].reason",
  ],
  [
    "waiver reason that is not text",
    aws({ waivers: [{ control: "SAI-NET-05", reason: 1234567890 }] }),
    "waivers[0].reason",
  ],
  [
    "waiver of an unknown control",
    aws({ waivers: [{ control: "SAI-NET-99", reason: "ten chars!" }] }),
    "waivers[0].control",
  ],
  [
    "waiver listed twice",
    aws({
      waivers: [
        { control: "SAI-NET-05", reason: "ten chars!" },
        { control: "SAI-NET-05", reason: "ten chars!" },
      ],
    }),
    "waivers[1].control",
  ],
  // cross-argument rules
  ["SIEM export without destination", aws({ logging: { siem: "export" } }), "logging.siemDestination"],
  [
    "SIEM destination without export",
    aws({ logging: { siemDestination: "arn:x" } }),
    "logging.siemDestination",
  ],
  ["SIEM none without waiver", aws({ logging: { siem: "none" } }), "logging.siem"],
  ["MFA off without waiver", aws({ identity: { requireMfa: false } }), "identity.requireMfa"],
  ["WAF off with the API off", aws({ publicApi: { waf: false } }), null],
  [
    "domain without certificate",
    aws({ publicApi: { enabled: true, domainName: "api.example.com" } }),
    "publicApi.certificate",
  ],
  ["domain without certificate, API off", aws({ publicApi: { domainName: "api.example.com" } }), null],
  ["no frameworks", aws({ compliance: { frameworks: [] } }), "compliance.frameworks"],
  ["unknown framework", aws({ compliance: { frameworks: ["soc2", "pci"] } }), "compliance.frameworks[1]"],
  ["duplicate principal", aws({ identity: { admins: ["a", "a"] } }), "identity.admins[1]"],
  [
    "existing network without subnets",
    aws({ network: { existing: { networkId: "vpc-1", subnetIds: [] } } }),
    "network.existing.subnetIds",
  ],
  [
    "existing network and a CIDR",
    aws({ network: { cidr: "10.0.0.0/16", existing: { networkId: "vpc-1", subnetIds: ["s"] } } }),
    "network.cidr",
  ],
  [
    "existing network without ID",
    aws({ network: { existing: { subnetIds: ["s"] } } }),
    "network.existing.networkId",
  ],
  [
    "unknown singleton",
    aws({ detection: { singletons: { firewall: "create" } } }),
    "detection.singletons.firewall",
  ],
  ["null block is the default", aws({ encryption: null, transport: null, network: null }), null],
  ["args that are an array", [AWS], "args"],
  ["args missing", undefined, "args"],
];

describe("resolveSpec at the boundaries", () => {
  it.each(cases)("%s", (_label, args, path) => {
    const error = errorOf(args);
    if (path === null) {
      expect(error?.message).toBeUndefined();
    } else {
      expect(error?.path).toBe(path);
    }
  });

  it("names the range and unit in integer errors", () => {
    expect(errorOf(aws({ encryption: { rotationDays: 91 } }))?.message).toBe(
      "encryption.rotationDays: received 91; expected an integer from 1 to 90 days",
    );
    expect(errorOf(aws({ network: { zoneCount: 9 } }))?.message).toBe(
      "network.zoneCount: received 9; expected an integer from 1 to 3",
    );
  });

  it("shows only the start of a bad CA bundle", () => {
    const error = errorOf(
      aws({
        publicApi: { enabled: true, certificate: "c" },
        transport: { mutualTls: { enabled: true, caBundle: "0123456789abcdefghijKLMNOP" } },
      }),
    );
    expect(error?.value).toBe("0123456789abcdefghij...");
  });

  it("names the allowed choices, the type expected and the limits in its messages", () => {
    expect(errorOf(aws({ cloud: "oci" }))?.allowed).toBe('allowed values are "aws", "gcp", "azure"');
    expect(errorOf(aws({ encryption: { hsm: "some" } }))?.allowed).toBe(
      'allowed values are "high-sensitivity", "all"',
    );
    expect(errorOf(aws({ encryption: [] }))?.allowed).toBe("expected an object");
    expect(errorOf(aws({ publicApi: { enabled: "yes" } }))?.allowed).toBe("expected true or false");
    expect(errorOf(aws({ datasets: {} }))?.allowed).toBe("expected an array");
    expect(errorOf(aws({ models: [{ name: "a" }, { name: "a" }] }))?.allowed).toBe(
      "names must be unique; already used by models[0]",
    );
    expect(errorOf(aws({ models: [{ name: name(25) }] }))?.allowed).toMatch(/at most 24 characters/);
    expect(
      errorOf(aws({ models: Array.from({ length: 501 }, (_, i) => ({ name: `m${i}` })) }))?.allowed,
    ).toBe("at most 500 models per platform");
    expect(errorOf(aws({ rotation: 1 }))?.allowed).toMatch(
      /^unknown argument; allowed here: cloud, models, datasets/,
    );
    expect(errorOf(aws({ datasets: [{ name: "d", personalData: true }] }))?.allowed).toBe(
      "personal data needs a retention period: an integer from 1 to 3650 days",
    );
    expect(
      errorOf(aws({ waivers: [{ control: "SAI-NET-05", reason: "ten chars!", expires: "2020-01-01" }] }))
        ?.allowed,
    ).toBe("the waiver has expired; give a date from 2026-06-01 on, or remove the waiver");
  });

  it("describes received values briefly", () => {
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue("x")).toBe('"x"');
    expect(describeValue({ a: "b".repeat(100) })).toHaveLength(80);
    expect(describeValue(10n)).toBe("10");
  });

  it("keeps waivers, trimmed reasons and expiry as given", () => {
    const spec = resolve(
      aws({
        waivers: [{ control: "SAI-NET-05", reason: "  a long enough reason  ", expires: "2027-01-01" }],
      }),
    );
    expect(spec.waivers).toEqual([
      { control: "SAI-NET-05", reason: "a long enough reason", expires: "2027-01-01" },
    ]);
  });
});
