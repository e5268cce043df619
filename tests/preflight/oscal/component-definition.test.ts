import { describe, expect, it } from "vitest";
import { CONTROL_IDS, controlCatalog } from "../../../components/controls";
import { buildComponentDefinition, renderComponentDefinition } from "../../../preflight/oscal";
import { describeErrors, validateComponentDefinition } from "./schema-validator";

const NOW = "2030-01-01T00:00:00.000Z";
const document = buildComponentDefinition(controlCatalog, { version: "0.1.0", now: NOW });
const definition = document["component-definition"];

function prop(props: { name: string; value: string }[] | undefined, name: string): string[] {
  return (props ?? []).filter((entry) => entry.name === name).map((entry) => entry.value);
}

describe("buildComponentDefinition", () => {
  it("validates against the OSCAL 1.0.6 component definition schema", () => {
    const valid = validateComponentDefinition(document);
    expect(valid, describeErrors(validateComponentDefinition.errors)).toBe(true);
  });

  it("has one software component per cloud, each implementing every catalog control once", () => {
    expect(definition.components.map((component) => prop(component.props, "cloud")[0])).toEqual([
      "aws",
      "gcp",
      "azure",
    ]);
    for (const component of definition.components) {
      expect(component.type).toBe("software");
      const requirements = component["control-implementations"].flatMap(
        (set) => set["implemented-requirements"],
      );
      expect(requirements.map((requirement) => requirement["control-id"])).toEqual([...CONTROL_IDS]);
    }
  });

  it("describes each control with the cloud's implementation, and a limitation as partial with its text", () => {
    for (const [index, cloud] of (["aws", "gcp", "azure"] as const).entries()) {
      const requirements =
        definition.components[index]!["control-implementations"][0]!["implemented-requirements"];
      for (const control of controlCatalog) {
        const requirement = requirements.find((entry) => entry["control-id"] === control.id)!;
        const implementation = control.clouds[cloud];
        expect(requirement.description.startsWith(implementation.implementation)).toBe(true);
        expect(prop(requirement.props, "checkable-at-deploy")).toEqual([String(control.checkableAtDeploy)]);
        if (implementation.limitation === undefined) {
          expect(prop(requirement.props, "implementation-status")).toEqual(["implemented"]);
          expect(prop(requirement.props, "limitation-applies")).toEqual([]);
        } else {
          expect(prop(requirement.props, "implementation-status")).toEqual(["partial"]);
          expect(requirement.description).toContain(implementation.limitation);
          expect(prop(requirement.props, "limitation-applies")).toEqual([
            implementation.limitationCondition === undefined ? "always" : "conditionally",
          ]);
        }
      }
    }
  });

  it("carries the catalog's framework clauses as props", () => {
    const requirement =
      definition.components[0]!["control-implementations"][0]!["implemented-requirements"][0]!;
    expect(requirement["control-id"]).toBe("SAI-ENC-01");
    expect(prop(requirement.props, "framework-soc2")).toEqual(["CC6.1"]);
    expect(prop(requirement.props, "framework-nist80053")).toEqual(["SC-12", "SC-13", "SC-28", "SC-28(1)"]);
  });

  it("is identical apart from last-modified when built twice, and renders pretty JSON with a trailing newline", () => {
    const later = renderComponentDefinition(controlCatalog, {
      version: "0.1.0",
      now: "2031-05-05T10:00:00.000Z",
    });
    const first = renderComponentDefinition(controlCatalog, { version: "0.1.0", now: NOW });
    expect(first.endsWith("}\n")).toBe(true);
    expect(first).toContain('\n  "component-definition": {\n');
    expect(later.replace("2031-05-05T10:00:00.000Z", NOW)).toBe(first);
    const uuids = first.match(/"uuid": "[^"]+"/g) ?? [];
    expect(new Set(uuids).size).toBe(uuids.length);
  });
});
