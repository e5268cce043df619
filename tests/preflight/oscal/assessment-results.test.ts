import { describe, expect, it } from "vitest";
import { CONTROL_IDS } from "../../../components/controls";
import {
  buildAssessmentResults,
  renderOscalAssessmentResults,
  type OscalFinding,
  type OscalObservation,
} from "../../../preflight/oscal";
import { EVIL_URN, fixtureReport, KEY_URN, SECRET_PLAINTEXTS, STACK_URN } from "../report/fixture";
import { describeErrors, validateAssessmentResults } from "./schema-validator";

const data = fixtureReport();
const document = buildAssessmentResults(data);
const result = document["assessment-results"].results[0]!;
const findings = result.findings ?? [];
const observations = result.observations ?? [];

function values(props: { name: string; value: string }[] | undefined, name: string): string[] {
  return (props ?? []).filter((entry) => entry.name === name).map((entry) => entry.value);
}

function findingFor(id: string): OscalFinding {
  const finding = findings.find((entry) => entry.target["target-id"] === id);
  if (finding === undefined) throw new Error(`no finding for ${id}`);
  return finding;
}

function relatedObservations(finding: OscalFinding): OscalObservation[] {
  return (finding["related-observations"] ?? []).map(({ "observation-uuid": uuid }) => {
    const observation = observations.find((entry) => entry.uuid === uuid);
    if (observation === undefined) throw new Error(`dangling observation ${uuid}`);
    return observation;
  });
}

function subjectUrns(observation: OscalObservation): string[] {
  return (observation.subjects ?? []).flatMap((subject) => values(subject.props, "resource-urn"));
}

describe("buildAssessmentResults over the report fixture (real evidence from buildReportData)", () => {
  it("validates against the OSCAL 1.0.6 assessment results schema", () => {
    const valid = validateAssessmentResults(document);
    expect(valid, describeErrors(validateAssessmentResults.errors)).toBe(true);
  });

  it("has one result per stack, reviewing every catalog control, with one finding per control", () => {
    expect(document["assessment-results"].results).toHaveLength(data.stacks.length);
    const selected = result["reviewed-controls"]["control-selections"].flatMap(
      (selection) => selection["include-controls"],
    );
    expect(selected.map((entry) => entry["control-id"])).toEqual([...CONTROL_IDS]);
    expect(findings.map((finding) => finding.target["target-id"])).toEqual([...CONTROL_IDS]);
    expect(findings.every((finding) => finding.target.type === "objective-id")).toBe(true);
  });

  it("uses the report's metadata: timestamp, tool version, OSCAL version, and an honest import-ap", () => {
    const root = document["assessment-results"];
    expect(root.metadata).toMatchObject({
      "last-modified": data.generatedAt,
      version: "0.1.0",
      "oscal-version": "1.0.6",
    });
    const href = root["import-ap"].href;
    expect(href.startsWith("#")).toBe(true);
    expect(root["back-matter"]?.resources.map((resource) => `#${resource.uuid}`)).toContain(href);
    expect(root["import-ap"].remarks).toMatch(/No OSCAL assessment plan/);
  });

  it("reports satisfied only for a satisfied control, with pass and its observations", () => {
    for (const evidence of data.stacks[0]!.evidence.controls) {
      const target = findingFor(evidence.id).target;
      expect(target.status.state).toBe(evidence.status === "satisfied" ? "satisfied" : "not-satisfied");
      expect(values(target.props, "evidence-status")).toEqual([evidence.status]);
    }
    const satisfied = findingFor("SAI-RES-01");
    expect(satisfied.target.status).toMatchObject({ state: "satisfied", reason: "pass" });
    const related = relatedObservations(satisfied);
    expect(related.map(subjectUrns)).toEqual([[KEY_URN]]);
    expect(values(related[0]!.props, "policy")).toEqual(["aws-kms-key-limit-deletion-window"]);
    expect(values(related[0]!.props, "result")).toEqual(["no-violation"]);
  });

  it("maps a violated control to not-satisfied / fail, related to the observation of its finding", () => {
    const violated = findingFor("SAI-ENC-03");
    expect(violated.target.status).toMatchObject({ state: "not-satisfied", reason: "fail" });
    const related = relatedObservations(violated);
    expect(related.map(subjectUrns)).toEqual([[KEY_URN]]);
    expect(related[0]!.types).toEqual(["finding"]);
    expect(values(related[0]!.props, "result")).toEqual(["violation"]);
    expect(related[0]!.description).toContain("enableKeyRotation must be true");
    expect(violated.target.remarks).toContain("aws-kms-key-require-rotation");
  });

  it("points a stack-level finding at the stack's inventory item", () => {
    const related = relatedObservations(findingFor("SAI-DET-01"));
    expect(related.map(subjectUrns)).toEqual([[STACK_URN]]);
    const inventory = result["local-definitions"]?.["inventory-items"] ?? [];
    expect(inventory.map((item) => item.uuid)).toContain(related[0]!.subjects![0]!["subject-uuid"]);
  });

  it("states waived, gap, not-applicable and unverified as not-satisfied / other with their reasons", () => {
    const statuses = new Map(data.stacks[0]!.evidence.controls.map((control) => [control.id, control]));
    const seen = new Set<string>();
    for (const [id, evidence] of statuses) {
      if (evidence.status === "satisfied" || evidence.status === "violated") continue;
      seen.add(evidence.status);
      const target = findingFor(id).target;
      expect(target.status).toMatchObject({ state: "not-satisfied", reason: "other" });
      for (const reason of evidence.reasons) {
        expect(target.remarks).toContain(reason.replace(/\s+/g, " ").trim());
      }
      if (evidence.status === "not-applicable") {
        expect(target["implementation-status"]?.state).toBe("not-applicable");
      }
    }
    expect([...seen].sort()).toEqual(["gap", "not-applicable", "unverified", "waived"]);
    expect(findingFor("SAI-NET-05").target.remarks).toContain("Internal pilot without a public API");
    expect(findingFor("SAI-NET-05").target.remarks).toContain("until 2031-01-31");
  });

  it("relates a waived violation to its observation, marked waived", () => {
    const related = relatedObservations(findingFor("SAI-NET-01"));
    expect(related.map(subjectUrns)).toEqual([[EVIL_URN]]);
    expect(values(related[0]!.props, "result")).toEqual(["waived-violation"]);
  });

  it("makes every observation an EXAMINE of one inventory item, with the masked inputs as evidence", () => {
    const inventory = new Set(
      (result["local-definitions"]?.["inventory-items"] ?? []).map((item) => item.uuid),
    );
    for (const observation of observations) {
      expect(observation.methods).toEqual(["EXAMINE"]);
      expect(observation.collected).toBe(data.generatedAt);
      expect(observation.subjects).toHaveLength(1);
      expect(inventory.has(observation.subjects![0]!["subject-uuid"])).toBe(true);
    }
    const bucket = observations.find((observation) => subjectUrns(observation).includes(EVIL_URN))!;
    const evidence = bucket["relevant-evidence"]?.[0]?.description ?? "";
    expect(evidence).toContain('"password": "[secret]"');
    expect(evidence).toContain('"kmsKeyId": "[unknown]"');
  });

  it("relates every finding's observations to resources the control's evidence names", () => {
    for (const evidence of data.stacks[0]!.evidence.controls) {
      const urns = relatedObservations(findingFor(evidence.id)).flatMap(subjectUrns);
      const expected = [
        ...evidence.resources,
        ...evidence.findings.map((finding) => finding.urn ?? STACK_URN),
      ];
      expect(new Set(urns)).toEqual(
        new Set([...expected, ...evidence.waivedFindings.map((finding) => finding.urn ?? STACK_URN)]),
      );
    }
  });

  it("carries the catalog's framework clauses as props of each finding", () => {
    const finding = findingFor("SAI-ENC-01");
    expect(values(finding.props, "framework-soc2")).toEqual(["CC6.1"]);
    expect(values(finding.props, "framework-hipaa")).toEqual(["164.312(a)(2)(iv)"]);
    expect(
      finding.props?.every(
        (prop) => prop.ns === "https://github.com/secure-ai-platform/secure-ai-platform/ns/oscal",
      ),
    ).toBe(true);
  });

  it("never contains a secret plaintext", () => {
    const text = renderOscalAssessmentResults(data);
    for (const secret of SECRET_PLAINTEXTS) {
      expect(text).not.toContain(secret);
    }
  });

  it("can leave the inputs out", () => {
    const lean = buildAssessmentResults(data, { includeInputs: false, title: "Lean" });
    expect(lean["assessment-results"].metadata.title).toBe("Lean");
    expect(
      lean["assessment-results"].results[0]!.observations!.some(
        (entry) => entry["relevant-evidence"] !== undefined,
      ),
    ).toBe(false);
    expect(validateAssessmentResults(lean), describeErrors(validateAssessmentResults.errors)).toBe(true);
  });
});

describe("determinism", () => {
  it("gives identical output for the same input apart from the timestamps", () => {
    const first = renderOscalAssessmentResults(fixtureReport());
    const later = renderOscalAssessmentResults({
      ...fixtureReport(),
      generatedAt: "2031-02-03T04:05:06.000Z",
    });
    expect(later).not.toBe(first);
    expect(later.replaceAll("2031-02-03T04:05:06.000Z", data.generatedAt)).toBe(first);
    expect(first.endsWith("}\n")).toBe(true);
  });

  it("gives every object its own UUID, of version 5", () => {
    const uuids = [...renderOscalAssessmentResults(data).matchAll(/"uuid": "([^"]+)"/g)].map(
      (match) => match[1]!,
    );
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(
      uuids.every((uuid) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid),
      ),
    ).toBe(true);
  });
});

describe("merged findings (several reporting policies, related resources)", () => {
  it("makes an observation per reporting policy and per resource the finding is about", () => {
    const merged = fixtureReport();
    const control = merged.stacks[0]!.evidence.controls.find((entry) => entry.id === "SAI-ENC-03")!;
    Object.assign(control.findings[0]!, {
      policies: ["aws-kms-key-require-rotation", "aws-kms-key-limit-deletion-window"],
      related: [EVIL_URN],
    });
    const built = buildAssessmentResults(merged);
    expect(validateAssessmentResults(built), describeErrors(validateAssessmentResults.errors)).toBe(true);
    const mergedResult = built["assessment-results"].results[0]!;
    const finding = mergedResult.findings!.find((entry) => entry.target["target-id"] === "SAI-ENC-03")!;
    const related = finding["related-observations"]!.map(({ "observation-uuid": uuid }) =>
      mergedResult.observations!.find((entry) => entry.uuid === uuid)!,
    );
    const pairs = related.map((observation) => [
      subjectUrns(observation)[0],
      values(observation.props, "policy")[0],
    ]);
    expect(pairs).toEqual([
      [KEY_URN, "aws-kms-key-require-rotation"],
      [KEY_URN, "aws-kms-key-limit-deletion-window"],
      [EVIL_URN, "aws-kms-key-require-rotation"],
      [EVIL_URN, "aws-kms-key-limit-deletion-window"],
    ]);
    expect(related.every((observation) => values(observation.props, "result")[0] === "violation")).toBe(true);
  });
});

describe("a stack audited from its state file", () => {
  it("says where the state came from, in the description and a prop", () => {
    const audited = fixtureReport();
    Object.assign(audited.stacks[0]!, { stateFile: "state/prod.json" });
    const auditedResult = buildAssessmentResults(audited)["assessment-results"].results[0]!;
    expect(values(auditedResult.props, "state-file")).toEqual(["state/prod.json"]);
    expect(auditedResult.description).toContain("from state/prod.json");
    expect(values(result.props, "state-file")).toEqual([]);
  });
});

describe("a stack with nothing in it", () => {
  it("still validates: no inventory, no observations, every control not satisfied", () => {
    const empty = fixtureReport();
    const stack = empty.stacks[0]!;
    stack.resources = [];
    stack.findings = [];
    stack.evidence = {
      ...stack.evidence,
      unexamined: [],
      controls: stack.evidence.controls.map((control) => ({
        ...control,
        status: "not-applicable" as const,
        resources: [],
        findings: [],
        waivedFindings: [],
        waivers: [],
        reasons: ["The program registers no cloud resources."],
      })),
    };
    const built = buildAssessmentResults(empty);
    expect(validateAssessmentResults(built), describeErrors(validateAssessmentResults.errors)).toBe(true);
    const emptyResult = built["assessment-results"].results[0]!;
    expect(emptyResult.observations).toBeUndefined();
    expect(emptyResult.findings!.every((finding) => finding.target.status.state === "not-satisfied")).toBe(
      true,
    );
  });
});

describe("a report without stacks", () => {
  it("is refused, since OSCAL requires at least one result", () => {
    expect(() => buildAssessmentResults({ ...fixtureReport(), stacks: [] })).toThrow(RangeError);
  });
});
