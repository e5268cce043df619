/**
 * The auditor's per-framework view (clause → controls → status → resources) in every format: the fixture's
 * unrotated key violates SAI-ENC-03, which HIPAA maps to 164.312(a)(2)(iv), SOC 2 to CC6.1 and GDPR to
 * Art. 32(1)(a).
 */
import { describe, expect, it } from "vitest";
import { COMPLIANCE_FRAMEWORK_IDS, controlCatalog } from "../../../components/controls";
import { renderJson, renderMarkdown, renderText } from "../../../preflight/report";
import { buildFrameworkViews } from "../../../preflight/report/framework-view";
import { fixtureReport, KEY_URN } from "./fixture";

describe("the per-framework view", () => {
  const data = fixtureReport();
  const views = buildFrameworkViews(data);

  it("covers the five compliance frameworks and the generative-AI frameworks the catalog maps", () => {
    const ids = views.map((view) => view.id);
    expect(ids.slice(0, 5)).toEqual([...COMPLIANCE_FRAMEWORK_IDS]);
    expect(ids).toEqual(expect.arrayContaining(["owaspLlm", "mitreAtlas", "nistAi600", "iso42001", "saif"]));
  });

  it("lists every clause the catalog maps, its controls, their status and the resources of their evidence", () => {
    const hipaa = views.find((view) => view.id === "hipaa")!;
    const mapped = new Set(controlCatalog.flatMap((control) => control.frameworks.hipaa));
    expect(hipaa.clauses.map((clause) => clause.clause).sort()).toEqual([...mapped].sort());
    const clause = hipaa.clauses.find((entry) => entry.clause === "164.312(a)(2)(iv)")!;
    expect(clause.status).toBe("violated");
    const rotation = clause.controls.find((control) => control.id === "SAI-ENC-03")!;
    expect(rotation.stacks).toEqual([{ stack: "prod", status: "violated", resources: expect.arrayContaining([KEY_URN]) }]);
    expect(Object.values(hipaa.clauseCounts).reduce((sum, count) => sum + count, 0)).toBe(hipaa.clauses.length);
  });

  it("calls a clause satisfied only when every control of it that applies is", () => {
    for (const view of views) {
      for (const clause of view.clauses) {
        const statuses = clause.controls.flatMap((control) => control.stacks.map((entry) => entry.status));
        if (clause.status === "satisfied") {
          expect(statuses.every((status) => status === "satisfied" || status === "not-applicable")).toBe(true);
        }
        if (statuses.includes("violated")) {
          expect(clause.status).toBe("violated");
        }
      }
    }
  });

  it("is in the JSON report", () => {
    const json = JSON.parse(renderJson(data)) as {
      frameworks: { id: string; clauses: { clause: string; status: string; controls: { id: string }[] }[] }[];
    };
    const soc2 = json.frameworks.find((framework) => framework.id === "soc2")!;
    const cc61 = soc2.clauses.find((clause) => clause.clause === "CC6.1")!;
    expect(cc61.status).toBe("violated");
    expect(cc61.controls.map((control) => control.id)).toContain("SAI-ENC-03");
  });

  it("is a table per framework in the Markdown report", () => {
    // Markdown escapes punctuation that comes from the catalog; read it as a renderer shows it.
    const markdown = renderMarkdown(data).replace(/\\(.)/g, "$1");
    expect(markdown).toContain("## Frameworks");
    expect(markdown).toMatch(/### HIPAA: HIPAA Security Rule/);
    expect(markdown).toMatch(/\| 164\.312\(a\)\(2\)\(iv\) \| violated \| [^|]*SAI-ENC-03 violated[^|]* \| [^|]*chat-datasets/);
  });

  it("is a compact summary per framework in the text report, within 100 columns", () => {
    const text = renderText(data);
    const lines = text.split("\n");
    const gdpr = lines.find((line) => line.startsWith("  GDPR: "));
    expect(gdpr).toMatch(/^ {2}GDPR: \d+ clauses: \d+ violated/);
    expect(text).toMatch(/\n {4}violated: [^\n]*Art\. 32\(1\)\(a\)/);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100);
  });
});
