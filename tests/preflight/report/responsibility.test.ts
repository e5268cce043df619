import { describe, expect, it } from "vitest";
import { controlCatalog } from "../../../components/controls";
import type { RecordedValue, StackRun } from "../../../preflight/model";
import {
  buildReportData,
  type ReportData,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderText,
} from "../../../preflight/report";
import { PLATFORM_URN, fixtureExaminations, fixtureFindings, fixturePacks, fixtureRun } from "./fixture";

type RunWithOutputs = StackRun & { resourceOutputs?: Record<string, Record<string, RecordedValue>> };

/** The fixture's run, its SecureAiPlatform reporting `responsibility` for the given models. */
function runWith(models: { model: string; scope: string }[] | undefined): StackRun {
  const run = fixtureRun(true) as RunWithOutputs;
  const outputs = run.resourceOutputs?.[PLATFORM_URN];
  if (outputs && models) {
    // What the component's output holds, reduced to what the preflight reads (cloud and scopes).
    outputs.responsibility = { cloud: "aws", models, rows: [], sources: [] };
  }
  return run;
}

function report(models: { model: string; scope: string }[] | undefined): ReportData {
  return buildReportData({
    stacks: [{ run: runWith(models), findings: fixtureFindings(), examinations: fixtureExaminations() }],
    packs: fixturePacks,
    catalog: controlCatalog,
    tool: { name: "secure-ai check", version: "0.1.0", informationUri: "https://example.com" },
    generatedAt: "2030-01-01T00:00:00.000Z",
    programDir: "/tmp/demo-program",
  });
}

const MODELS = [
  { model: "chat", scope: "pre-trained" },
  { model: "tuned", scope: "fine-tuned" },
];

describe("the report's shared-responsibility table", () => {
  it("is rebuilt per SecureAiPlatform from its scopes, with the preflight's statuses", () => {
    const data = report(MODELS);
    const stack = data.stacks[0];
    const tables = stack?.responsibility ?? [];
    expect(tables.map((t) => [t.component, t.name, t.cloud])).toEqual([[PLATFORM_URN, "chat", "aws"]]);
    const table = tables[0];
    expect(table?.models).toEqual([
      { model: "chat", scope: "pre-trained", scopingMatrix: "Scope 3" },
      { model: "tuned", scope: "fine-tuned", scopingMatrix: "Scope 4" },
    ]);
    const status = new Map<string, string>(stack?.evidence.controls.map((c) => [c.id, c.status]));
    const listed = table?.rows.flatMap((row) => row.controls) ?? [];
    expect(listed).toHaveLength(controlCatalog.length);
    for (const control of listed) expect(control.status).toBe(status.get(control.id));
    expect(listed.every((c) => c.inScope === "yes")).toBe(true);
    expect(table?.rows.find((r) => r.domain === "model")?.provider).toContain("Scope 4: the base model");
  });

  it("is empty when no SecureAiPlatform reports one (or the output is unreadable)", () => {
    expect(report(undefined).stacks[0]?.responsibility).toEqual([]);
    expect(report([{ model: "chat", scope: "retrained" }]).stacks[0]?.responsibility?.[0]?.models).toEqual([]);
  });

  it("is in the JSON under stacks[].responsibility", () => {
    const json = JSON.parse(renderJson(report(MODELS))) as {
      stacks: { responsibility: { cloud: string; rows: { domain: string }[] }[] }[];
    };
    expect(json.stacks[0]?.responsibility[0]?.cloud).toBe("aws");
    expect(json.stacks[0]?.responsibility[0]?.rows.map((r) => r.domain)).toContain("model");
  });

  it("renders in text within 100 columns, in Markdown as a table and in HTML", () => {
    const data = report([{ model: "chat", scope: "pre-trained" }]);
    const text = renderText(data);
    expect(text).toContain("  Shared responsibility of chat on aws; models: chat pre-trained (Scope 3)");
    const section = text.slice(text.indexOf("  Shared responsibility of chat"));
    const sectionLines = section.slice(0, section.indexOf("\n\n")).split("\n");
    expect(sectionLines.length).toBeGreaterThan(10);
    for (const line of sectionLines) expect(line.length).toBeLessThanOrEqual(100);
    expect(text).toContain("SAI-MOD-01");
    expect(section).toContain("(beyond the stack's scopes)");

    const markdown = renderMarkdown(data);
    expect(markdown).toContain("### Shared responsibility: chat (aws)");
    expect(markdown).toContain(
      "| Security domain | Provider's responsibility | Customer's responsibility | Implemented by the platform |",
    );
    expect(markdown).toMatch(/^\| Model protection \| security of the compute under SageMaker and Bedrock; Scope 3/m);

    const html = renderHtml(data);
    expect(html).toContain("<h3>Shared responsibility: chat (aws)</h3>");
    expect(html).toContain('<table class="responsibility">');
    expect(html).toContain("<td>Model protection</td>");
  });

  it("escapes model names it did not validate", () => {
    const data = report([{ model: "<img src=x onerror=alert(1)>|x", scope: "pre-trained" }]);
    expect(renderHtml(data)).not.toContain("<img src=x");
    expect(renderHtml(data)).toContain("&lt;img src=x onerror=alert(1)&gt;|x pre-trained");
    expect(renderMarkdown(data)).not.toContain("<img");
  });
});
