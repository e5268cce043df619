/** The validator is live: documents broken in ways the OSCAL schemas forbid are rejected. */
import { describe, expect, it } from "vitest";
import { controlCatalog } from "../../../components/controls";
import { buildAssessmentResults, buildComponentDefinition } from "../../../preflight/oscal";
import { fixtureReport } from "../report/fixture";
import { validateAssessmentResults, validateComponentDefinition } from "./schema-validator";

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe("the OSCAL schema validators reject invalid documents", () => {
  const results = buildAssessmentResults(fixtureReport());

  it("rejects a finding whose objective state is not satisfied / not-satisfied", () => {
    const broken = clone(results) as unknown as {
      "assessment-results": { results: { findings: { target: { status: { state: string } } }[] }[] };
    };
    broken["assessment-results"].results[0]!.findings[0]!.target.status.state = "unverified";
    expect(validateAssessmentResults(broken)).toBe(false);
    expect(
      validateAssessmentResults.errors?.some((error) => error.instancePath.endsWith("/target/status/state")),
    ).toBe(true);
  });

  it("rejects a missing import-ap, a non-v4/v5 UUID, a multi-line prop value and an unknown field", () => {
    const withoutPlan = clone(results) as unknown as Record<string, Record<string, unknown>>;
    delete withoutPlan["assessment-results"]!["import-ap"];
    expect(validateAssessmentResults(withoutPlan)).toBe(false);

    const badUuid = clone(results);
    badUuid["assessment-results"].results[0]!.uuid = "3dba9175-0279-157c-a397-24aefcd19612";
    expect(validateAssessmentResults(badUuid)).toBe(false);

    const multiLine = clone(results);
    multiLine["assessment-results"].results[0]!.props![0]!.value = "two\nlines";
    expect(validateAssessmentResults(multiLine)).toBe(false);

    const extra = clone(results) as unknown as { "assessment-results": Record<string, unknown> };
    extra["assessment-results"].status = "satisfied";
    expect(validateAssessmentResults(extra)).toBe(false);
  });

  it("rejects an observation without a method and a timestamp without a time zone", () => {
    const noMethods = clone(results) as unknown as {
      "assessment-results": { results: { observations: { methods?: string[] }[] }[] };
    };
    delete noMethods["assessment-results"].results[0]!.observations[0]!.methods;
    expect(validateAssessmentResults(noMethods)).toBe(false);

    const localTime = clone(results);
    localTime["assessment-results"].metadata["last-modified"] = "2030-01-01T00:00:00";
    expect(validateAssessmentResults(localTime)).toBe(false);
  });

  it("rejects a component definition with a control-id that is not a token", () => {
    const broken = clone(
      buildComponentDefinition(controlCatalog, { version: "0.1.0", now: "2030-01-01T00:00:00Z" }),
    );
    broken["component-definition"].components[0]!["control-implementations"][0]![
      "implemented-requirements"
    ][0]!["control-id"] = "1 SAI ENC";
    expect(validateComponentDefinition(broken)).toBe(false);
    expect(
      validateComponentDefinition.errors?.some((error) => error.instancePath.endsWith("/control-id")),
    ).toBe(true);
  });
});
