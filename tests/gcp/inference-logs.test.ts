import { beforeAll, describe, expect, it } from "vitest";
import { PLATFORM_TYPE } from "../../components/platform";
import {
  AGENT_MEMBERS,
  BIGQUERY_AGENT_MEMBER,
  type BuiltPlatform,
  buildGcp,
  gcpArgs,
  installGcpMocks,
} from "../helpers/gcp-mocks";

const DATASET = "gcp:bigquery/dataset:Dataset";
const ENDPOINT = "gcp:vertex/aiEndpoint:AiEndpoint";
const KEY_MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
const LOGS_KEY =
  "projects/acme-ai-prod/locations/europe-west4/keyRings/audit-ai-keyring/cryptoKeys/audit-ai-logs";
const DAY_MS = 86_400_000;

let built: BuiltPlatform;

beforeAll(async () => {
  await installGcpMocks();
  built = await buildGcp(
    "audit-ai",
    gcpArgs({
      models: [{ name: "chat" }, { name: "triage-bot", sensitivity: "high" }],
      logging: { retentionDays: 400 },
    }),
  );
});

function evidence(platform: BuiltPlatform, id: string) {
  const entry = platform.controls.find((control) => control.id === id);
  if (!entry) throw new Error(`no evidence for ${id}`);
  return entry;
}

describe("GCP request-response logs of the model endpoints", () => {
  it("creates one private, CMEK BigQuery dataset per platform whose partitions expire at logging.retentionDays", () => {
    const datasets = built.ofType(DATASET);
    expect(datasets.map((dataset) => dataset.name)).toEqual(["audit-ai-inference-logs"]);
    expect(datasets[0].inputs).toEqual({
      datasetId: "audit_ai_inference_logs",
      project: "acme-ai-prod",
      location: "europe-west4",
      friendlyName: "audit-ai inference logs",
      description:
        "Request-response logs (prompts and responses) of the audit-ai platform's Vertex AI endpoints",
      defaultEncryptionConfiguration: { kmsKeyName: LOGS_KEY },
      defaultPartitionExpirationMs: 400 * DAY_MS,
      maxTimeTravelHours: "168",
      // No basic-role group (https://cloud.google.com/bigquery/docs/access-control-basic-roles): one OWNER (a
      // dataset must keep one), a dedicated service account, and the Vertex AI agent that writes the logs.
      accesses: [
        { role: "OWNER", userByEmail: "audit-ai-logs-owner@acme-ai-prod.iam.gserviceaccount.com" },
        { role: "WRITER", iamMember: AGENT_MEMBERS.vertex },
      ],
      deleteContentsOnDestroy: false,
      deletionPolicy: "PREVENT",
      labels: { "secure-ai-platform": "audit-ai" },
    });
  });

  it("never expires a whole log table, which would delete recent entries and stop the endpoint's logging", () => {
    expect(built.named(DATASET, "audit-ai-inference-logs").inputs).not.toHaveProperty(
      "defaultTableExpirationMs",
    );
  });

  it("grants no public member and no project viewer access to prompts and responses", () => {
    const accesses = built.named(DATASET, "audit-ai-inference-logs").inputs.accesses as Record<
      string,
      string
    >[];
    const grantees = accesses.map((access) => access.specialGroup ?? access.iamMember ?? access.domain);
    expect(grantees).not.toContain("allAuthenticatedUsers");
    expect(grantees).not.toContain("allUsers");
    expect(grantees).not.toContain("projectReaders");
    expect(grantees).not.toContain("projectWriters");
    expect(grantees).not.toContain("projectOwners");
  });

  it("creates the dataset only after BigQuery's encryption account holds the logs key", () => {
    const grant = built
      .ofType(KEY_MEMBER)
      .filter((candidate) => candidate.inputs.member === BIGQUERY_AGENT_MEMBER);
    expect(grant.map((candidate) => candidate.inputs)).toEqual([
      {
        cryptoKeyId: LOGS_KEY,
        role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        member: BIGQUERY_AGENT_MEMBER,
      },
    ]);
    expect(grant[0].name).toBe("audit-ai-logs-bigquery-use");
    expect(built.named(DATASET, "audit-ai-inference-logs").dependsOn).toEqual(["audit-ai-logs-bigquery-use"]);
  });

  it.each([
    ["audit-ai-chat", "request_response_chat"],
    ["audit-ai-triage-bot", "request_response_triage_bot"],
  ])("endpoint %s logs every request and response to its own table %s", (endpoint, table) => {
    expect(built.named(ENDPOINT, endpoint).inputs.predictRequestResponseLoggingConfig).toEqual({
      enabled: true,
      samplingRate: 1,
      bigqueryDestination: { outputUri: `bq://acme-ai-prod.audit_ai_inference_logs.${table}` },
    });
  });

  it("reports the dataset and the endpoints as SAI-LOG-01, SAI-ENC-01 and SAI-RES-01 evidence", () => {
    const urn = (type: string, name: string) => `urn:pulumi:dev::gcp-test::${PLATFORM_TYPE}$${type}::${name}`;
    const dataset = urn(DATASET, "audit-ai-inference-logs");
    const logging = evidence(built, "SAI-LOG-01");
    expect(logging.status).toBe("implemented");
    expect(logging.resources).toEqual(
      expect.arrayContaining([dataset, urn(ENDPOINT, "audit-ai-chat"), urn(ENDPOINT, "audit-ai-triage-bot")]),
    );
    expect(logging.note).toMatch(/every prediction request and response \(samplingRate 1\)/);
    expect(evidence(built, "SAI-ENC-01").resources).toContain(dataset);
    expect(evidence(built, "SAI-RES-01").resources).toContain(dataset);
  });

  it("keeps one dataset for many models: each model adds a table, not a dataset", async () => {
    const five = await buildGcp(
      "five",
      gcpArgs({ models: ["a", "b", "c", "d", "e"].map((name) => ({ name: `model-${name}` })) }),
    );
    expect(five.ofType(DATASET)).toHaveLength(1);
    expect(
      five.ofType(ENDPOINT).map((endpoint) => {
        const config = endpoint.inputs.predictRequestResponseLoggingConfig as {
          bigqueryDestination: { outputUri: string };
        };
        return config.bigqueryDestination.outputUri;
      }),
    ).toEqual(
      ["a", "b", "c", "d", "e"].map(
        (name) => `bq://acme-ai-prod.five_inference_logs.request_response_model_${name}`,
      ),
    );
  });

  it("defaults the partition expiration to the default logging retention of 365 days", async () => {
    const defaults = await buildGcp("defaults", gcpArgs());
    expect(defaults.named(DATASET, "defaults-inference-logs").inputs.defaultPartitionExpirationMs).toBe(
      365 * DAY_MS,
    );
  });
});
