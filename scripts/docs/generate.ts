/**
 * Regenerates every generated part of the documentation: docs/args.md, docs/controls.md, docs/policies.md
 * and the control-matrix section of README.md. Run `npx ts-node --transpile-only scripts/docs/generate.ts [paths]`;
 * `tests/docs/generated.test.ts` fails when a committed part differs from what this would write.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { controlCatalog } from "../../components/controls";
import { policies } from "../../policy-packs/secure-ai/policies";
import { renderArgsDoc } from "./args-doc";
import { renderControlsDoc, renderReadmeMatrix } from "./controls-doc";
import { formatMarkdown } from "./markdown";
import { renderPoliciesDoc } from "./policies-doc";

/** Repository root. */
export const ROOT = path.resolve(__dirname, "../..");

/** A whole file the generator owns. */
export interface GeneratedFile {
  kind: "file";
  /** Path relative to the repository root. */
  path: string;
  content: string;
}

/** A marked section inside a file someone else owns. */
export interface GeneratedSection {
  kind: "section";
  path: string;
  /** Name in `<!-- BEGIN GENERATED: name -->` … `<!-- END GENERATED: name -->`. */
  marker: string;
  /** Text between the markers (without them). */
  content: string;
}

/** Anything the generator writes. */
export type GeneratedPart = GeneratedFile | GeneratedSection;

/** The opening and closing marker lines of a generated section. */
export function markersOf(marker: string): { begin: string; end: string } {
  return { begin: `<!-- BEGIN GENERATED: ${marker} -->`, end: `<!-- END GENERATED: ${marker} -->` };
}

/**
 * Replaces the text between a section's markers.
 *
 * @throws Error when the markers are missing, duplicated or out of order.
 */
export function spliceSection(text: string, marker: string, content: string): string {
  const { begin, end } = markersOf(marker);
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < start || text.indexOf(begin, start + 1) >= 0) {
    throw new Error(`expected one "${begin}" followed by "${end}"`);
  }
  return `${text.slice(0, start + begin.length)}\n\n${content.trim()}\n\n${text.slice(stop)}`;
}

/** The current text between a section's markers, trimmed. */
export function readSection(text: string, marker: string): string | undefined {
  const { begin, end } = markersOf(marker);
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  return start < 0 || stop < start ? undefined : text.slice(start + begin.length, stop).trim();
}

/** Renders every generated part, formatted as Prettier would leave it. */
export async function renderAll(root: string = ROOT): Promise<GeneratedPart[]> {
  const file = async (relative: string, content: string): Promise<GeneratedFile> => ({
    kind: "file",
    path: relative,
    content: await formatMarkdown(content, path.join(root, relative)),
  });
  return [
    await file(
      "docs/args.md",
      renderArgsDoc(path.join(root, "components/spec/args.ts"), "components/spec/args.ts"),
    ),
    await file("docs/controls.md", renderControlsDoc(controlCatalog)),
    await file("docs/policies.md", renderPoliciesDoc(policies)),
    {
      kind: "section",
      path: "README.md",
      marker: "control-matrix",
      content: (
        await formatMarkdown(renderReadmeMatrix(controlCatalog), path.join(root, "README.md"))
      ).trim(),
    },
  ];
}

/**
 * Writes every generated part to disk (or only the parts whose path is in `only`, when given) and returns
 * the paths it changed.
 */
export async function writeAll(root: string = ROOT, only?: readonly string[]): Promise<string[]> {
  const changed: string[] = [];
  const parts = (await renderAll(root)).filter(
    (part) => only === undefined || only.length === 0 || only.includes(part.path),
  );
  for (const part of parts) {
    const target = path.join(root, part.path);
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
    const next = part.kind === "file" ? part.content : spliceSection(current, part.marker, part.content);
    if (next !== current) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, next);
      changed.push(part.path);
    }
  }
  return changed;
}

if (require.main === module) {
  // Optional arguments: the paths to regenerate (e.g. docs/controls.md); none regenerates everything.
  writeAll(ROOT, process.argv.slice(2)).then(
    (changed) => {
      console.log(
        changed.length === 0 ? "Generated docs are up to date." : `Regenerated: ${changed.join(", ")}`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
