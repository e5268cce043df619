/**
 * Generated documentation cannot drift: every generated file and section is rendered again in memory from
 * the code (args TSDoc, controls catalog, pack policies) and compared with what is committed. When this
 * fails, run `npx ts-node --transpile-only scripts/docs/generate.ts` and commit the result.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderArgsDoc } from "../../scripts/docs/args-doc";
import { cloudStatus } from "../../scripts/docs/controls-doc";
import { type GeneratedPart, readSection, renderAll, ROOT, spliceSection } from "../../scripts/docs/generate";

const REGENERATE = "run `npx ts-node --transpile-only scripts/docs/generate.ts` and commit the result";
let parts: GeneratedPart[] = [];

beforeAll(async () => {
  parts = await renderAll(ROOT);
}, 120_000);

describe("generated documentation", () => {
  it("covers the args reference, the control matrix, the policy table and the README matrix", () => {
    expect(parts.map((part) => (part.kind === "file" ? part.path : `${part.path}#${part.marker}`))).toEqual([
      "docs/args.md",
      "docs/controls.md",
      "docs/policies.md",
      "README.md#control-matrix",
    ]);
  });

  it("matches the committed files and sections", () => {
    for (const part of parts) {
      const committed = fs.readFileSync(path.join(ROOT, part.path), "utf8");
      if (part.kind === "file") {
        expect(committed, `${part.path} drifted from the code: ${REGENERATE}`).toBe(part.content);
      } else {
        expect(
          readSection(committed, part.marker),
          `${part.path} section ${part.marker} drifted: ${REGENERATE}`,
        ).toBe(part.content);
      }
    }
  });
});

describe("the generators", () => {
  it("take each property's description and @default from the TSDoc", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "args-doc-"));
    const source = path.join(dir, "args.ts");
    fs.writeFileSync(
      source,
      [
        "/** Knobs. */",
        "export interface KnobArgs {",
        "  /** The name. */",
        "  name: string;",
        "  /**",
        "   * How loud, 1 to 11.",
        "   * @default 7",
        "   */",
        "  volume?: number;",
        "}",
        "interface Hidden { secret: string }",
      ].join("\n"),
    );
    const text = renderArgsDoc(source, "args.ts");
    expect(text).toContain("## KnobArgs");
    expect(text).toContain("| `name` | `string` | **yes** | The name. |  |");
    expect(text).toContain("| `volume` | `number` | no | How loud, 1 to 11. | 7 |");
    expect(text).not.toContain("Hidden");
  });

  it("rate a cloud by its limitation: none is yes, a conditional one is a limit, an unconditional one a gap", () => {
    expect(cloudStatus({ implementation: "x" })).toBe("yes");
    expect(cloudStatus({ implementation: "x", limitation: "y", limitationCondition: "z" })).toBe(
      "yes, with a limit",
    );
    expect(cloudStatus({ implementation: "x", limitation: "y" })).toBe("gap");
  });

  it("replace only the text between a section's markers, and refuse a file without them", () => {
    const text = "intro\n<!-- BEGIN GENERATED: m -->\nold\n<!-- END GENERATED: m -->\noutro\n";
    const next = spliceSection(text, "m", "new");
    expect(next).toBe("intro\n<!-- BEGIN GENERATED: m -->\n\nnew\n\n<!-- END GENERATED: m -->\noutro\n");
    expect(readSection(next, "m")).toBe("new");
    expect(() => spliceSection("no markers", "m", "new")).toThrow(/BEGIN GENERATED: m/);
  });
});
