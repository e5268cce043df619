import { describe, expect, it } from "vitest";
import {
  AI_FRAMEWORK_IDS,
  FRAMEWORK_IDS,
  FRAMEWORK_NAMES,
  controlCatalog,
  getControl,
  type AiFrameworkId,
} from "../../components/controls";
import {
  AI_FRAMEWORK_SOURCES,
  AI_VOCABULARY,
  ISO_42001_ANNEX_A,
  MITRE_ATLAS,
  OWASP_LLM_2025,
  SAIF_CONTROLS,
  SAIF_RISKS,
  SCOPING_MATRIX,
} from "../../components/controls/ai-vocabulary";

/** Identifier shapes per generative-AI framework (titles for SAIF and the Scoping Matrix). */
const SHAPES: Readonly<Record<AiFrameworkId, RegExp>> = {
  saif: /^[A-Z][A-Za-z-]*( [A-Za-z-]+)*$/,
  scopingMatrix:
    /^(Scope [1-5]|Governance & compliance|Legal & privacy|Risk management|Controls|Resilience)$/,
  owaspLlm: /^LLM(0[1-9]|10):2025$/,
  nistAi600: /^((GV|MP|MS|MG)-\d\.\d{1,2}-\d{3}|[A-Z][A-Za-z-]*(,? [A-Za-z/-]+)*)$/,
  iso42001: /^A\.\d{1,2}\.\d+(\.\d+)?$/,
  mitreAtlas: /^AML\.(T\d{4}(\.\d{3})?|M\d{4})$/,
};

const SCOPES = ["Scope 1", "Scope 2", "Scope 3", "Scope 4", "Scope 5"];
const DISCIPLINES = [
  "Governance & compliance",
  "Legal & privacy",
  "Risk management",
  "Controls",
  "Resilience",
];

describe("generative-AI frameworks: the framework list", () => {
  it("extends FRAMEWORK_IDS with the six AI frameworks after the compliance frameworks, each named", () => {
    expect(FRAMEWORK_IDS).toEqual([
      "soc2",
      "iso27001",
      "hipaa",
      "gdpr",
      "nist80053",
      "saif",
      "scopingMatrix",
      "owaspLlm",
      "nistAi600",
      "iso42001",
      "mitreAtlas",
    ]);
    expect(AI_FRAMEWORK_IDS).toEqual(FRAMEWORK_IDS.slice(5));
    for (const framework of FRAMEWORK_IDS) expect(FRAMEWORK_NAMES[framework].trim()).not.toBe("");
  });

  it("names a published source for every AI framework", () => {
    for (const framework of AI_FRAMEWORK_IDS) {
      expect(AI_FRAMEWORK_SOURCES[framework].length, framework).toBeGreaterThan(0);
      for (const url of AI_FRAMEWORK_SOURCES[framework]) expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    }
  });
});

describe("generative-AI frameworks: vocabularies", () => {
  it("has every identifier of each vocabulary in its framework's shape", () => {
    for (const framework of AI_FRAMEWORK_IDS) {
      for (const id of Object.keys(AI_VOCABULARY[framework]))
        expect(id, framework).toMatch(SHAPES[framework]);
    }
  });

  it("lists OWASP LLM01:2025 to LLM10:2025 exactly, with the 2025 titles", () => {
    expect(Object.keys(OWASP_LLM_2025)).toEqual(
      Array.from({ length: 10 }, (_, i) => `LLM${String(i + 1).padStart(2, "0")}:2025`),
    );
    expect(OWASP_LLM_2025["LLM01:2025"]).toBe("Prompt Injection");
    expect(OWASP_LLM_2025["LLM10:2025"]).toBe("Unbounded Consumption");
  });

  it("lists the fifteen SAIF risks with their risk-map IDs and SAIF's controls by category", () => {
    expect(Object.keys(SAIF_RISKS)).toHaveLength(15);
    expect(SAIF_RISKS["Prompt Injection"]).toBe("PIJ");
    expect(new Set(Object.values(SAIF_CONTROLS))).toEqual(
      new Set(["Data", "Infrastructure", "Model", "Application", "Assurance", "Governance"]),
    );
    for (const title of Object.keys(SAIF_RISKS)) expect(SAIF_CONTROLS[title], title).toBeUndefined();
  });

  it("lists the Scoping Matrix's five scopes and five security disciplines", () => {
    expect(Object.keys(SCOPING_MATRIX)).toEqual([...SCOPES, ...DISCIPLINES]);
  });

  it("lists ISO/IEC 42001 Annex A from A.2.2 to A.10.4 (38 controls)", () => {
    expect(Object.keys(ISO_42001_ANNEX_A)).toHaveLength(38);
    expect(ISO_42001_ANNEX_A["A.6.2.8"]).toBe("AI system recording of event logs");
  });

  it("keeps ATLAS technique and mitigation IDs apart", () => {
    const ids = Object.keys(MITRE_ATLAS);
    expect(ids.filter((id) => id.startsWith("AML.T")).length).toBeGreaterThan(0);
    expect(ids.filter((id) => id.startsWith("AML.M")).length).toBeGreaterThan(0);
    expect(MITRE_ATLAS["AML.T0051"]).toBe("LLM Prompt Injection");
    expect(MITRE_ATLAS["AML.M0020"]).toBe("Generative AI Guardrails");
  });

  it("rejects identifiers of the wrong shape", () => {
    expect("LLM11:2025").not.toMatch(SHAPES.owaspLlm);
    expect("LLM01").not.toMatch(SHAPES.owaspLlm);
    expect("AML.T51").not.toMatch(SHAPES.mitreAtlas);
    expect("A.8").not.toMatch(SHAPES.iso42001);
    expect("Scope 6").not.toMatch(SHAPES.scopingMatrix);
    expect("MS-2.7").not.toMatch(/^(GV|MP|MS|MG)-\d\.\d{1,2}-\d{3}$/);
  });
});

describe("generative-AI frameworks: the catalog's mappings", () => {
  it.each(controlCatalog.map((c) => [c.id, c] as const))(
    "%s maps only to known identifiers, without duplicates",
    (id, control) => {
      for (const framework of AI_FRAMEWORK_IDS) {
        const list = control.frameworks[framework];
        expect(Array.isArray(list), `${id} ${framework}`).toBe(true);
        expect(new Set(list).size, `${id} ${framework} has duplicates`).toBe(list.length);
        for (const clause of list) {
          expect(clause, `${id} ${framework}`).toMatch(SHAPES[framework]);
          expect(
            AI_VOCABULARY[framework][clause],
            `${id} ${framework} ${clause} is not in the vocabulary`,
          ).toBeDefined();
        }
      }
    },
  );

  it.each(controlCatalog.map((c) => [c.id, c] as const))(
    "%s carries SAIF and Scoping Matrix mappings (a scope and a discipline)",
    (id, control) => {
      expect(control.frameworks.saif.length, id).toBeGreaterThan(0);
      const matrix = control.frameworks.scopingMatrix;
      expect(
        matrix.some((entry) => SCOPES.includes(entry)),
        `${id} names no scope`,
      ).toBe(true);
      expect(
        matrix.some((entry) => DISCIPLINES.includes(entry)),
        `${id} names no discipline`,
      ).toBe(true);
      // The platform builds on models (scopes 3 to 5); the "buy" scopes 1 and 2 are the provider's.
      expect(
        matrix.filter((entry) => entry === "Scope 1" || entry === "Scope 2"),
        id,
      ).toEqual([]);
    },
  );

  it("maps the guardrail control to prompt injection in every AI framework that names it", () => {
    const frameworks = getControl("SAI-MOD-03").frameworks;
    expect(frameworks.saif).toEqual(
      expect.arrayContaining(["Prompt Injection", "Input Validation and Sanitization"]),
    );
    expect(frameworks.owaspLlm).toEqual(expect.arrayContaining(["LLM01:2025", "LLM02:2025"]));
    expect(frameworks.mitreAtlas).toEqual(expect.arrayContaining(["AML.M0020", "AML.T0051", "AML.T0054"]));
    expect(frameworks.nistAi600).toContain("MG-3.2-005");
  });

  it("limits training-data controls to the scopes where the platform trains (fine-tuned, self-trained)", () => {
    for (const id of ["SAI-IAM-02", "SAI-GOV-01"] as const) {
      expect(getControl(id).frameworks.scopingMatrix, id).not.toContain("Scope 3");
      expect(getControl(id).frameworks.scopingMatrix, id).toEqual(
        expect.arrayContaining(["Scope 4", "Scope 5"]),
      );
    }
  });

  it("keeps the compliance frameworks' clauses next to the AI ones", () => {
    const control = getControl("SAI-MOD-03");
    expect(control.frameworks.soc2).toEqual(["CC6.6", "CC6.8"]);
    expect(Object.isFrozen(control.frameworks.saif)).toBe(true);
  });
});
