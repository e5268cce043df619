import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_IDS, controlCatalog, type ControlId } from "../../components/controls";
import type { ControlEvidenceOutput } from "../../components/evidence";
import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { awsArgs, buildAws, installAwsMocks } from "../helpers/aws-mocks";
import { azureArgs, buildAzure, installAzureMocks } from "../helpers/azure-mocks";
import { buildGcp, gcpArgs, installGcpMocks } from "../helpers/gcp-mocks";

/*
 * The catalog (what the README and docs promise per cloud) and each backend's `controls` output (what the
 * component reports after building) must tell the same story. Each cloud is built once with a representative,
 * fully configured platform: a standard and a high-sensitivity model, a personal-data dataset, data scientists,
 * notification emails and a webhook, and the public API with the certificate that cloud needs.
 */

type Cloud = "aws" | "gcp" | "azure";

/** Everything the representative platform turns on, whatever the cloud. */
const REPRESENTATIVE: Partial<SecureAiPlatformArgs> = {
  datasets: [{ name: "patients", personalData: true, retentionDays: 30 }],
  detection: {
    notificationEmails: ["soc@example.com"],
    notificationWebhooks: ["https://hooks.example.com/secure-ai"],
  },
};

/** The representative platform per cloud: the shared settings plus the cloud's principal and certificate formats. */
const SPECS: Readonly<Record<Cloud, SecureAiPlatformArgs>> = {
  aws: awsArgs({
    ...REPRESENTATIVE,
    // SageMaker models are served once their artifact is uploaded (CreateModel validates the object).
    models: [
      { name: "assistant", artifact: "models/assistant/model.tar.gz" },
      { name: "triage", sensitivity: "high", artifact: "models/triage/model.tar.gz" },
    ],
    identity: { dataScientists: ["arn:aws:iam::111122223333:role/data-scientist"] },
    publicApi: {
      enabled: true,
      certificate: "arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-4234-8234-123456789012",
    },
  }),
  gcp: gcpArgs({
    ...REPRESENTATIVE,
    models: [{ name: "chat" }, { name: "triage", sensitivity: "high" }],
    identity: { dataScientists: ["group:ml-scientists@example.com"] },
    publicApi: { enabled: true, certificate: "projects/acme-ai-prod/global/sslCertificates/chat-api" },
  }),
  azure: azureArgs({
    ...REPRESENTATIVE,
    // westeurope offers gpt-35-turbo 0125 as a regional Standard deployment, not the default model.
    models: [
      { name: "chat", baseModel: "gpt-35-turbo:0125" },
      { name: "triage", sensitivity: "high", baseModel: "gpt-35-turbo:0125" },
    ],
    identity: { dataScientists: ["33333333-3333-4333-8333-333333333333"] },
    publicApi: {
      enabled: true,
      certificate: "https://kv-certs-0001.vault.azure.net/secrets/chat-api",
      certificateVaultId:
        "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/certs/providers/Microsoft.KeyVault/vaults/kv-certs-0001",
    },
  }),
};

/** Builds the representative platform of one cloud under that cloud's mocks and returns its evidence. */
async function evidenceOf(cloud: Cloud): Promise<ControlEvidenceOutput[]> {
  switch (cloud) {
    case "aws":
      await installAwsMocks();
      return (await buildAws("evidence", SPECS.aws)).controls;
    case "gcp":
      await installGcpMocks();
      return (await buildGcp("evidence", SPECS.gcp)).controls;
    case "azure":
      await installAzureMocks();
      return (await buildAzure("evidence", SPECS.azure)).controls;
  }
}

/**
 * Opt-ins the representative platform leaves off on purpose, so `not-applicable` is the honest status for them
 * even though the catalog names no limitation.
 */
const NOT_EXERCISED: Readonly<Partial<Record<ControlId, string>>> = {
  "SAI-TLS-03": "mutual TLS (transport.mutualTls) is an opt-in",
};

/**
 * For each gap the representative platform has, a term that the backend's reason and the catalog's limitation
 * (or its condition) must both name, so that they describe the same shortfall rather than two different ones.
 * A gap missing from this table fails, and so does an entry the backend no longer reports as a gap.
 */
const SHARED_REASON: Readonly<Record<Cloud, Readonly<Partial<Record<ControlId, RegExp>>>>> = {
  aws: {
    "SAI-TLS-02": /PrivateLink/,
    "SAI-NET-02": /public (regional )?API endpoints/,
    "SAI-IAM-05": /dedicated (production )?account/,
    "SAI-LOG-03": /no (native )?SIEM/,
    "SAI-MOD-03": /ApplyGuardrail/,
    "SAI-GOV-03": /policy pack/,
  },
  gcp: {
    "SAI-TLS-02": /organisation polic/,
    "SAI-NET-02": /VPC Service Controls/,
    "SAI-NET-04": /no subnet-level filter/,
    "SAI-IAM-04": /2-Step Verification/,
    "SAI-IAM-05": /dedicated/,
    "SAI-LOG-02": /signed digest/,
    "SAI-DET-01": /Security Command Center/,
    "SAI-DET-02": /Security Command Center/,
    "SAI-MOD-03": /generateContent/,
    "SAI-GOV-03": /policy pack/,
  },
  azure: {
    "SAI-ENC-01": /dedicated Log Analytics cluster|dedicated cluster/,
    "SAI-ENC-03": /pin/,
    "SAI-ENC-08": /Managed HSM/,
    "SAI-TLS-02": /Azure Storage/,
    "SAI-IAM-04": /Conditional Access/,
    "SAI-IAM-05": /dedicated|subscription vending/i,
    "SAI-LOG-02": /signed digest/,
    "SAI-MOD-03": /PII filter/,
    "SAI-GOV-03": /policy pack/,
  },
};

const CLOUDS: readonly Cloud[] = ["aws", "gcp", "azure"];

describe.each(CLOUDS)("catalog and %s backend evidence", (cloud) => {
  let evidence: ControlEvidenceOutput[];

  beforeAll(async () => {
    evidence = await evidenceOf(cloud);
  });

  // The next cloud installs other mocks: let this build's last registrations finish against its own.
  afterAll(() => pulumi.runtime.disconnect());

  function statusOf(id: ControlId): ControlEvidenceOutput {
    const entry = evidence.find((e) => e.id === id);
    if (!entry) throw new Error(`${cloud}: no evidence for ${id}`);
    return entry;
  }

  it("reports evidence for every control of the catalog", () => {
    expect(evidence.map((e) => e.id)).toEqual([...CONTROL_IDS]);
  });

  it.each(controlCatalog.map((control) => [control.id, control] as const))("%s", (id, control) => {
    const entry = statusOf(id);
    const promise = control.clouds[cloud];
    const context = `${cloud} ${id}: backend reports ${entry.status} (${entry.note ?? "no note"})`;

    if (promise.limitation === undefined) {
      // No limitation: the catalog promises the control; only an opt-in left off may make it not applicable.
      const allowed = NOT_EXERCISED[id] ? ["implemented", "not-applicable"] : ["implemented"];
      expect(allowed, context).toContain(entry.status);
    } else if (promise.limitationCondition === undefined) {
      // An unconditional limitation: the catalog says the cloud always falls short, so the backend must say so.
      expect(entry.status, context).toBe("gap");
    }

    const sharedTerm = SHARED_REASON[cloud][id];
    if (entry.status === "gap") {
      expect(promise.limitation, `${context}, but the catalog names no limitation`).toBeDefined();
      expect(sharedTerm, `${context}: add the term both texts share to SHARED_REASON`).toBeDefined();
      expect(entry.note ?? "", `${cloud} ${id}: backend reason`).toMatch(sharedTerm as RegExp);
      expect(
        `${promise.limitation ?? ""} ${promise.limitationCondition ?? ""}`,
        `${cloud} ${id}: catalog`,
      ).toMatch(sharedTerm as RegExp);
    }
  });

  it("lists in SHARED_REASON only controls the backend reports as gaps", () => {
    const gaps = evidence.filter((e) => e.status === "gap").map((e) => e.id);
    expect(gaps).toEqual(expect.arrayContaining(Object.keys(SHARED_REASON[cloud])));
  });
});
