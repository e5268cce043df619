/**
 * How observations tie an examined resource to its policy when the report only keeps, per control, the
 * resources examined and the policies that check it; and a report of two stacks.
 */
import { describe, expect, it } from "vitest";
import { controlCatalog } from "../../../components/controls";
import type { Examination, Finding, PolicyInfo, RecordedResource, StackRun } from "../../../preflight/model";
import { buildAssessmentResults } from "../../../preflight/oscal";
import { buildReportData } from "../../../preflight/report";
import { describeErrors, validateAssessmentResults } from "./schema-validator";

const BUCKET = "aws:s3/bucket:Bucket";
const KEY = "aws:kms/key:Key";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const TOPIC = "aws:sns/topic:Topic";

function urn(stack: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::p::${type}::${name}`;
}

function resource(stack: string, type: string, name: string): RecordedResource {
  return {
    urn: urn(stack, type, name),
    type,
    name,
    custom: type !== "pulumi:pulumi:Stack",
    inputs: type === BUCKET ? { bucket: `${stack}-data` } : {},
    dependencies: [],
    propertyDependencies: {},
    options: {
      protect: false,
      retainOnDelete: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
    },
  };
}

function run(stack: string): StackRun {
  return {
    stack,
    project: "p",
    mode: "update",
    invokes: [],
    outputs: {},
    resources: [
      resource(stack, "pulumi:pulumi:Stack", `p-${stack}`),
      resource(stack, BUCKET, "data"),
      resource(stack, KEY, "key"),
      resource(stack, LOG_GROUP, "logs"),
      resource(stack, TOPIC, "alerts"),
    ],
  };
}

function policy(name: string, controls: string[], examines?: string[]): PolicyInfo {
  return {
    name,
    description: name,
    enforcementLevel: "mandatory",
    type: "resource",
    severity: "high",
    tags: controls,
    controls,
    ...(examines !== undefined ? { examines } : {}),
  };
}

function examined(
  stack: string,
  type: string,
  name: string,
  policyName: string,
  controls: string[],
): Examination {
  return {
    urn: urn(stack, type, name),
    type,
    policyPack: "pack",
    policy: policyName,
    controls,
    outcome: "examined",
    pass: "update",
  };
}

/** In dev only: one finding of a policy of two controls, on the topic. */
function findings(stack: string): Finding[] {
  return stack !== "dev"
    ? []
    : [
        {
          policyPack: "pack",
          policy: "dual",
          controls: ["SAI-ENC-01", "SAI-LOG-01"],
          severity: "high",
          enforcementLevel: "mandatory",
          urn: urn(stack, TOPIC, "alerts"),
          message: "the topic is neither encrypted nor logged",
        },
      ];
}

function report() {
  return buildReportData({
    stacks: ["dev", "prod"].map((stack) => ({
      run: run(stack),
      findings: findings(stack),
      passes: ["update" as const],
      examinations: [
        examined(stack, BUCKET, "data", "bucket-cmk", ["SAI-ENC-01"]),
        stack === "dev"
          ? examined(stack, LOG_GROUP, "logs", "any-cmk", ["SAI-ENC-01"])
          : {
              ...examined(stack, LOG_GROUP, "logs", "any-cmk", ["SAI-ENC-01"]),
              outcome: "unknown-inputs" as const,
              detail: "kmsKeyId",
            },
        examined(stack, KEY, "key", "log-a", ["SAI-LOG-01"]),
        ...(stack === "dev" ? [examined(stack, TOPIC, "alerts", "dual", ["SAI-ENC-01", "SAI-LOG-01"])] : []),
      ],
    })),
    packs: [
      {
        name: "pack",
        version: "1.0.0",
        policies: [
          policy("bucket-cmk", ["SAI-ENC-01"], [BUCKET]),
          policy("any-cmk", ["SAI-ENC-01"]),
          policy("log-a", ["SAI-LOG-01"]),
          policy("log-b", ["SAI-LOG-01"]),
          policy("dual", ["SAI-ENC-01", "SAI-LOG-01"], [TOPIC]),
        ],
      },
    ],
    catalog: controlCatalog,
    tool: { name: "secure-ai check", version: "9.9.9", informationUri: "https://example.com/tool" },
    generatedAt: "2030-06-01T12:00:00Z",
    programDir: "/tmp/p",
  });
}

const data = report();
const document = buildAssessmentResults(data);

function attributionOf(stack: number, subjectUrn: string): { policies: string[]; attribution: string[] } {
  const observation = document["assessment-results"].results[stack]!.observations!.find((entry) =>
    entry.subjects!.some((subject) => subject.props!.some((prop) => prop.value === subjectUrn)),
  )!;
  const values = (name: string) =>
    observation.props!.filter((prop) => prop.name === name).map((prop) => prop.value);
  return { policies: values("policy"), attribution: values("policy-attribution") };
}

describe("observations of a report whose policies declare, or do not declare, the types they examine", () => {
  it("validates, with one result per stack and distinct UUIDs across stacks", () => {
    expect(validateAssessmentResults(document), describeErrors(validateAssessmentResults.errors)).toBe(true);
    const results = document["assessment-results"].results;
    expect(results.map((result) => result.title)).toEqual(["Stack dev of p", "Stack prod of p"]);
    const uuids = [...JSON.stringify(document).matchAll(/"uuid":"([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it("ties a resource to the policy that declares its type", () => {
    expect(attributionOf(0, urn("dev", BUCKET, "data"))).toEqual({
      policies: ["bucket-cmk"],
      attribution: ["examines-type"],
    });
  });

  it("ties a resource of an undeclared type to the only policy that can have examined it", () => {
    expect(attributionOf(0, urn("dev", LOG_GROUP, "logs"))).toEqual({
      policies: ["any-cmk"],
      attribution: ["only-policy"],
    });
  });

  it("names every candidate, and says so, when the report cannot tell which policy examined it", () => {
    expect(attributionOf(1, urn("prod", KEY, "key"))).toEqual({
      policies: ["log-a", "log-b"],
      attribution: ["one-of"],
    });
  });

  it("makes one observation of a finding that two controls share, related to both", () => {
    const dev = document["assessment-results"].results[0]!;
    const topic = dev.observations!.filter((entry) =>
      entry.subjects!.some((subject) =>
        subject.props!.some((prop) => prop.value === urn("dev", TOPIC, "alerts")),
      ),
    );
    expect(topic).toHaveLength(1);
    expect(topic[0]!.description.match(/neither encrypted nor logged/g)).toHaveLength(1);
    expect(topic[0]!.props!.filter((prop) => prop.name === "control").map((prop) => prop.value)).toEqual([
      "SAI-ENC-01",
      "SAI-LOG-01",
    ]);
    for (const id of ["SAI-ENC-01", "SAI-LOG-01"]) {
      const finding = dev.findings!.find((entry) => entry.target["target-id"] === id)!;
      expect(finding.target.status).toMatchObject({ state: "not-satisfied", reason: "fail" });
      expect(finding["related-observations"]!.map((entry) => entry["observation-uuid"])).toContain(
        topic[0]!.uuid,
      );
    }
  });

  it("reports a control satisfied with its observations", () => {
    const prod = document["assessment-results"].results[1]!;
    const finding = prod.findings!.find((entry) => entry.target["target-id"] === "SAI-LOG-01")!;
    expect(finding.target.status.state).toBe("satisfied");
    expect(finding["related-observations"]).toHaveLength(1);
  });

  it("relates an unverified control to the observation of what its policy could not read", () => {
    const prod = document["assessment-results"].results[1]!;
    const finding = prod.findings!.find((entry) => entry.target["target-id"] === "SAI-ENC-01")!;
    expect(finding.target.status).toMatchObject({ state: "not-satisfied", reason: "other" });
    expect(finding.target.props).toEqual([
      expect.objectContaining({ name: "evidence-status", value: "unverified" }),
    ]);
    const related = finding["related-observations"]!.map(({ "observation-uuid": uuid }) =>
      prod.observations!.find((entry) => entry.uuid === uuid)!,
    );
    const results = related.map(
      (observation) => observation.props!.find((prop) => prop.name === "result")!.value,
    );
    expect(results.sort()).toEqual(["no-violation", "not-examined"]);
    const unread = related.find((observation) => observation.title.startsWith("Not examined"))!;
    expect(unread.description).toContain("any-cmk could not read kmsKeyId");
    expect(unread.subjects![0]!.title).toBe(`${LOG_GROUP} logs`);
  });
});
