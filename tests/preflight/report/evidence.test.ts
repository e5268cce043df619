import { describe, expect, it } from "vitest";
import { CONTROL_IDS, controlCatalog } from "../../../components/controls";
import { buildStackEvidence, withPackWaiver } from "../../../preflight/evidence";
import type { StackRun } from "../../../preflight/model";
import { EVIL_URN, fixtureFindings, fixturePacks, fixtureRun, KEY_URN, STACK_URN } from "./fixture";

const policies = fixturePacks.flatMap((pack) => pack.policies);

function evidenceFor(run: StackRun, findings = fixtureFindings().map(withPackWaiver)) {
  const evidence = buildStackEvidence({ run, findings, policies, catalog: controlCatalog });
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

  it("reports an implemented control without findings as satisfied, with its resources", () => {
    expect(byId("SAI-RES-01")).toMatchObject({ status: "satisfied", resources: [KEY_URN], source: "component" });
    expect(byId("SAI-RES-01").notes).toEqual(["Deletion window of 30 days."]);
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

  it("falls back to the policies for a control the component did not report", () => {
    expect(byId("SAI-LOG-01")).toMatchObject({
      status: "satisfied",
      checkedBy: ["aws-cloudtrail-account-require-trail"],
      source: "policies",
    });
    expect(byId("SAI-GOV-02")).toMatchObject({ status: "gap", source: "none" });
  });
});

describe("buildStackEvidence from findings only", () => {
  it("reports controls no policy checks as gaps, not as satisfied", () => {
    const { evidence, byId } = evidenceFor(fixtureRun(false));
    expect(evidence.hasComponentEvidence).toBe(false);
    expect(byId("SAI-RES-01").status).toBe("gap");
    expect(byId("SAI-ENC-03").status).toBe("violated");
    expect(byId("SAI-LOG-01").status).toBe("satisfied");
    expect(byId("SAI-NET-05").status).toBe("gap");
  });

  it("reports every control as not applicable for a program without cloud resources", () => {
    const run: StackRun = { ...fixtureRun(false), resources: fixtureRun(false).resources.filter((r) => r.urn === STACK_URN) };
    const { evidence } = evidenceFor(run, []);
    expect(new Set(evidence.controls.map((control) => control.status))).toEqual(new Set(["not-applicable"]));
  });

  it("ignores findings of disabled policies", () => {
    const disabled = fixtureFindings().map((finding) => ({ ...finding, enforcementLevel: "disabled" as const }));
    const { byId } = evidenceFor(fixtureRun(false), disabled);
    expect(byId("SAI-ENC-03").status).toBe("satisfied");
  });
});

describe("withPackWaiver", () => {
  it("leaves a finding without the marker unchanged", () => {
    const finding = fixtureFindings()[0]!;
    expect(withPackWaiver(finding)).toBe(finding);
  });
});
