import { describe, expect, it } from "vitest";
import { CONTROL_IDS, controlCatalog } from "../../../components/controls";
import { buildStackEvidence, withPackWaiver } from "../../../preflight/evidence";
import type { Examination, StackRun } from "../../../preflight/model";
import {
  EVIL_URN,
  fixtureExaminations,
  fixtureFindings,
  fixturePacks,
  fixtureRun,
  KEY_URN,
  STACK_URN,
} from "./fixture";

const policies = fixturePacks.flatMap((pack) => pack.policies);

function evidenceFor(
  run: StackRun,
  findings = fixtureFindings().map(withPackWaiver),
  examinations: Examination[] = fixtureExaminations(),
) {
  const evidence = buildStackEvidence({ run, findings, policies, catalog: controlCatalog, examinations });
  const byId = (id: string) => {
    const entry = evidence.controls.find((control) => control.id === id);
    if (!entry) throw new Error(`no evidence for ${id}`);
    return entry;
  };
  return { evidence, byId };
}

describe("buildStackEvidence with the SecureAiPlatform component's evidence", () => {
  const { evidence, byId } = evidenceFor(fixtureRun(true));

  it("has one entry per catalog control, in catalog order", () => {
    expect(evidence.controls.map((control) => control.id)).toEqual([...CONTROL_IDS]);
    expect(evidence.hasComponentEvidence).toBe(true);
  });

  it("reports a control satisfied only with the resources a policy examined with known values", () => {
    expect(byId("SAI-RES-01")).toMatchObject({
      status: "satisfied",
      resources: [KEY_URN],
      componentResources: [KEY_URN],
      reasons: [],
      source: "component+policies",
    });
    expect(byId("SAI-RES-01").notes).toEqual([
      "Deletion window of 30 days.",
      "Examined by aws-kms-key-limit-deletion-window on 1 resource (update pass).",
    ]);
  });

  it("lets an unwaived finding override the component's 'implemented'", () => {
    expect(byId("SAI-ENC-03")).toMatchObject({ status: "violated", resources: [KEY_URN] });
    expect(byId("SAI-ENC-03").findings.map((finding) => finding.policy)).toEqual(["aws-kms-key-require-rotation"]);
    expect(byId("SAI-ENC-01").status).toBe("violated");
  });

  it("reads the component's waiver with its reason and expiry", () => {
    expect(byId("SAI-NET-05").status).toBe("waived");
    expect(byId("SAI-NET-05").waivers).toEqual([
      {
        control: "SAI-NET-05",
        reason: "Internal pilot without a public API",
        expires: "2031-01-31",
        source: "component",
        urn: "urn:pulumi:prod::demo::secure-ai-platform:index:SecureAiPlatform::chat",
      },
    ]);
  });

  it("reads a pack waiver from the finding's [waived: …] marker", () => {
    const entry = byId("SAI-NET-01");
    expect(entry.status).toBe("waived");
    expect(entry.findings).toEqual([]);
    expect(entry.waivedFindings).toHaveLength(1);
    expect(entry.waivers).toEqual([
      {
        control: "SAI-NET-01",
        reason: "Load test from the vendor network",
        expires: "2031-06-30",
        source: "policy-config",
        urn: EVIL_URN,
      },
    ]);
  });

  it("keeps the component's gap and not-applicable statuses with their notes", () => {
    expect(byId("SAI-TLS-02")).toMatchObject({ status: "gap", notes: ["The storage service cannot enforce TLS 1.3."] });
    expect(byId("SAI-TLS-03")).toMatchObject({ status: "not-applicable", notes: ["Mutual TLS was not requested."] });
  });

  it("calls a control no policy examined unverified, even when the component says implemented", () => {
    const { byId: without } = evidenceFor(fixtureRun(true), [], []);
    expect(without("SAI-RES-01")).toMatchObject({
      status: "unverified",
      resources: [],
      componentResources: [KEY_URN],
      reasons: ["SecureAiPlatform reports it implemented by 1 resource, but no enabled policy examined any of them."],
    });
  });

  it("never calls a control satisfied when its policies examined nothing", () => {
    // The trail policy ran and found nothing of its concern: not applicable, with the reason.
    expect(byId("SAI-LOG-01")).toMatchObject({
      status: "not-applicable",
      checkedBy: ["aws-cloudtrail-account-require-trail"],
      source: "policies",
      resources: [],
    });
    // No policy of this fixture pack checks ENC-02 at all: unverified, never satisfied.
    expect(byId("SAI-ENC-02")).toMatchObject({
      status: "unverified",
      source: "none",
      reasons: ["No enabled policy checks this control."],
    });
  });

  it("no control is satisfied with an empty resources list", () => {
    for (const control of evidence.controls.filter((entry) => entry.status === "satisfied")) {
      expect(control.resources.length, control.id).toBeGreaterThan(0);
    }
  });
});

describe("buildStackEvidence from findings and examinations only", () => {
  it("is satisfied where a policy examined known values, unverified where values stayed unknown", () => {
    const examinations = fixtureExaminations();
    const onlyPreview = examinations.filter((entry) => entry.pass === "preview");
    const { byId } = evidenceFor(fixtureRun(false), [], [...onlyPreview]);
    expect(byId("SAI-ENC-01")).toMatchObject({
      status: "unverified",
      resources: [],
      reasons: [
        `aws:s3/bucket:Bucket ${EVIL_URN.split("::").pop()}: aws-s3-bucket-require-cmk-encryption could not read kmsKeyId (preview)`,
      ],
    });
    // The update pass read the same value: the union of the passes is examined.
    const { byId: both } = evidenceFor(fixtureRun(false), [], examinations);
    expect(both("SAI-ENC-01")).toMatchObject({ status: "satisfied", resources: [EVIL_URN] });
  });

  it("reports not applicable where the stack holds nothing the control's policies examine", () => {
    const { byId } = evidenceFor(fixtureRun(false), [], fixtureExaminations());
    // The GuardDuty policy examined nothing in this stack (no detector) and nothing else was left unexamined
    // but the bucket and key, which other policies examined.
    expect(byId("SAI-DET-01")).toMatchObject({
      status: "not-applicable",
      resources: [],
      reasons: ["The stack holds no resource of a type its policies (aws-guardduty-account-require-detector) examine."],
    });
  });

  it("reports unverified instead of not applicable when a remote component may hold what the control concerns", () => {
    const run = fixtureRun(false);
    run.resources.push({
      urn: "urn:pulumi:prod::demo::awsx:ec2:Vpc::network",
      type: "awsx:ec2:Vpc",
      name: "network",
      custom: false,
      remote: true,
      inputs: {},
      dependencies: [],
      propertyDependencies: {},
      options: { protect: false, retainOnDelete: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
    });
    const { evidence, byId } = evidenceFor(run, [], fixtureExaminations());
    expect(evidence.unexamined).toEqual([
      { urn: "urn:pulumi:prod::demo::awsx:ec2:Vpc::network", type: "awsx:ec2:Vpc", reason: "remote-component" },
    ]);
    expect(byId("SAI-DET-01").status).toBe("unverified");
    expect(byId("SAI-DET-01").reasons[0]).toContain("1 remote component whose children an offline run cannot see");
  });

  it("reports controls that cannot be checked at deploy time as gaps", () => {
    const notCheckable = controlCatalog.find((control) => !control.checkableAtDeploy);
    expect(notCheckable).toBeDefined();
    const { byId } = evidenceFor(fixtureRun(false), [], fixtureExaminations());
    expect(byId(notCheckable!.id).status).toBe("gap");
  });

  it("reports every control as not applicable for a program without cloud resources", () => {
    const run: StackRun = { ...fixtureRun(false), resources: fixtureRun(false).resources.filter((r) => r.urn === STACK_URN) };
    const { evidence } = evidenceFor(run, [], []);
    const statuses = new Set(
      evidence.controls.filter((control) => control.status !== "gap").map((control) => control.status),
    );
    expect(statuses).toEqual(new Set(["not-applicable"]));
  });

  it("ignores findings of disabled policies", () => {
    const disabled = fixtureFindings().map((finding) => ({ ...finding, enforcementLevel: "disabled" as const }));
    const { byId } = evidenceFor(fixtureRun(false), disabled);
    expect(byId("SAI-ENC-03")).toMatchObject({ status: "satisfied", resources: [KEY_URN] });
  });

  it("lists resources of types no policy examined, and resources whose inputs stayed unknown", () => {
    const examinations = fixtureExaminations().filter((entry) => entry.urn !== KEY_URN);
    const preview = examinations.filter((entry) => entry.pass === "preview");
    const { evidence } = evidenceFor(fixtureRun(false), [], preview);
    expect(evidence.unexamined).toEqual([
      { urn: KEY_URN, type: "aws:kms/key:Key", reason: "no-policy" },
      {
        urn: EVIL_URN,
        type: "aws:s3/bucket:Bucket",
        reason: "unknown-inputs",
        detail: "aws-s3-bucket-require-cmk-encryption could not read kmsKeyId",
      },
    ]);
  });
});

describe("withPackWaiver", () => {
  it("leaves a finding without the marker unchanged", () => {
    const finding = fixtureFindings()[0]!;
    expect(withPackWaiver(finding)).toBe(finding);
  });
});
