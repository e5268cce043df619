/**
 * Evidence from a real run: an example program through the engine (update pass) and the secure-ai policy
 * pack over the analyzer protocol, as `secure-ai check --mode update` runs it; the OSCAL assessment results
 * of that report must validate and must relate each control to exactly the resources its evidence names.
 * The example adopts the account's existing singletons, so it runs whatever the mocks say already exists.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { controlCatalog } from "../../../components/controls";
import { defaultStages } from "../../../preflight/cli/stages";
import { buildReportData, type ReportData } from "../../../preflight/report";
import { buildAssessmentResults, type OscalAssessmentResultsDocument } from "../../../preflight/oscal";
import { describeErrors, validateAssessmentResults } from "./schema-validator";

const ROOT = path.resolve(__dirname, "../../..");
const EXAMPLE = path.join(ROOT, "examples", "adopt-existing-singletons");
/** The program and the pack start as processes; on a loaded two-core machine that is slow. */
const RUN_TIMEOUT_MS = 420_000;

async function runExample(): Promise<ReportData> {
  const [stack] = defaultStages.listStacks(EXAMPLE);
  const run = await defaultStages.runStack({ programDir: EXAMPLE, stack, mode: "update" });
  const analysis = await defaultStages.analyzeStack({
    packs: [
      { dir: path.join(ROOT, "policy-packs", "secure-ai"), config: path.join(EXAMPLE, "policy-config.json") },
    ],
    resources: Promise.resolve(run.resources),
    stack: run.stack,
    project: run.project,
    dryRun: false,
    stackConfig: defaultStages.stackConfig(EXAMPLE, run.stack),
  });
  return buildReportData({
    stacks: [
      { run, findings: analysis.findings, examinations: analysis.examinations ?? [], passes: ["update"] },
    ],
    packs: analysis.packs.map((pack) => ({
      name: pack.name,
      version: pack.version,
      policies: pack.policies,
    })),
    catalog: controlCatalog,
    tool: {
      name: "secure-ai check",
      version: "0.1.0",
      informationUri: "https://www.npmjs.com/package/secure-ai-platform",
    },
    generatedAt: "2030-01-01T00:00:00.000Z",
    programDir: EXAMPLE,
  });
}

describe("assessment results of a real run (examples/adopt-existing-singletons, update pass)", () => {
  let data: ReportData;
  let document: OscalAssessmentResultsDocument;
  beforeAll(async () => {
    data = await runExample();
    document = buildAssessmentResults(data);
  }, RUN_TIMEOUT_MS);

  it("validates against the OSCAL 1.0.6 schema", () => {
    expect(validateAssessmentResults(document), describeErrors(validateAssessmentResults.errors)).toBe(true);
    expect(document["assessment-results"].results[0]!.observations!.length).toBeGreaterThan(10);
  });

  it("states each control as its evidence does, related to exactly the resources the evidence names", () => {
    const result = document["assessment-results"].results[0]!;
    const observations = new Map(result.observations!.map((observation) => [observation.uuid, observation]));
    for (const evidence of data.stacks[0]!.evidence.controls) {
      const finding = result.findings!.find((entry) => entry.target["target-id"] === evidence.id)!;
      expect(finding.target.status.state).toBe(
        evidence.status === "satisfied" ? "satisfied" : "not-satisfied",
      );
      const related = (finding["related-observations"] ?? []).map((entry) =>
        observations.get(entry["observation-uuid"])!,
      );
      const examined = related.filter((observation) =>
        observation.props!.some((prop) => prop.name === "result" && prop.value !== "not-examined"),
      );
      const urns = new Set(
        examined.flatMap((observation) =>
          observation.subjects!.flatMap((subject) => subject.props!.map((prop) => prop.value)),
        ),
      );
      const waivedUrns = evidence.waivedFindings.map((entry) => entry.urn ?? data.stacks[0]!.stackUrn);
      expect(urns, evidence.id).toEqual(new Set([...evidence.resources, ...waivedUrns]));
      if (evidence.status === "satisfied") {
        expect(related.length, evidence.id).toBeGreaterThan(0);
      }
    }
  });
});
