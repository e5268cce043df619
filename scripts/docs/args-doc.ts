/**
 * Generates docs/args.md from the TSDoc of components/spec/args.ts with the TypeScript compiler API: one
 * section per exported interface, one row per property with its type, whether it is required, its
 * description and its `@default`.
 */
import * as fs from "node:fs";
import ts from "typescript";
import { generatedBanner, table } from "./markdown";

/** One documented property of an args interface. */
export interface ArgProperty {
  name: string;
  /** The declared type as written in the source. */
  type: string;
  optional: boolean;
  description: string;
  /** Text of the `@default` tag, or undefined when there is none. */
  defaultValue?: string;
}

/** One exported args interface. */
export interface ArgInterface {
  name: string;
  description: string;
  properties: ArgProperty[];
}

function commentText(comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  if (comment === undefined) return "";
  if (typeof comment === "string") return comment.trim();
  return comment
    .map((part) => part.text)
    .join("")
    .trim();
}

function docsOf(node: ts.Node): { description: string; defaultValue?: string } {
  const docs = ts.getJSDocCommentsAndTags(node).filter((doc): doc is ts.JSDoc => ts.isJSDoc(doc));
  const description = docs.map((doc) => commentText(doc.comment)).join(" ");
  const defaultTag = docs.flatMap((doc) => doc.tags ?? []).find((tag) => tag.tagName.text === "default");
  return {
    description: description.replace(/\s+/g, " ").trim(),
    ...(defaultTag ? { defaultValue: commentText(defaultTag.comment).replace(/\s+/g, " ") } : {}),
  };
}

/**
 * Reads every exported interface of an args source file, in source order.
 *
 * @param sourcePath - path of the TypeScript file.
 */
export function readArgInterfaces(sourcePath: string): ArgInterface[] {
  const source = ts.createSourceFile(
    sourcePath,
    fs.readFileSync(sourcePath, "utf8"),
    ts.ScriptTarget.ES2022,
    true,
  );
  const interfaces: ArgInterface[] = [];
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    if (!node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return;
    const properties = node.members.filter(ts.isPropertySignature).map((member): ArgProperty => {
      const docs = docsOf(member);
      return {
        name: member.name.getText(source),
        type: member.type?.getText(source).replace(/\s+/g, " ") ?? "unknown",
        optional: member.questionToken !== undefined,
        ...docs,
      };
    });
    interfaces.push({ name: node.name.text, description: docsOf(node).description, properties });
  });
  return interfaces;
}

/** Links interface names used as property types to their sections. */
function typeCell(type: string, known: ReadonlySet<string>): string {
  const bare = type.replace(/\[\]$/, "");
  return known.has(bare) ? `[\`${type}\`](#${bare.toLowerCase()})` : `\`${type}\``;
}

/**
 * Renders docs/args.md, with the root interface (`SecureAiPlatformArgs`) first and the rest in source order.
 *
 * @param sourcePath - components/spec/args.ts.
 * @param sourceLabel - how the banner names the source.
 */
export function renderArgsDoc(sourcePath: string, sourceLabel: string): string {
  const interfaces = readArgInterfaces(sourcePath);
  const root = interfaces.filter((entry) => entry.name === "SecureAiPlatformArgs");
  const ordered = [...root, ...interfaces.filter((entry) => entry.name !== "SecureAiPlatformArgs")];
  const known = new Set(interfaces.map((entry) => entry.name));
  const sections = ordered.map((entry) => {
    const rows = entry.properties.map((property) => [
      `\`${property.name}\``,
      typeCell(property.type, known),
      property.optional ? "no" : "**yes**",
      property.description,
      property.defaultValue === undefined ? "" : property.defaultValue,
    ]);
    return [
      `## ${entry.name}`,
      entry.description,
      table(["Property", "Type", "Required", "Description", "Default"], rows),
    ].join("\n\n");
  });
  return [
    generatedBanner(sourceLabel),
    "# SecureAiPlatform arguments",
    "Every argument of `new SecureAiPlatform(name, args, opts?)`, generated from the TSDoc of " +
      `\`${sourceLabel}\`. Choice fields are plain strings checked at run time, so that the component's ` +
      "schema stays usable from Python, Go, .NET, Java and YAML. Invalid input throws `SecureAiConfigError` " +
      "from the constructor, before any resource exists; `error.path` names the argument.",
    ...sections,
  ].join("\n\n");
}
