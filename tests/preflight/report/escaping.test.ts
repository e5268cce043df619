import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown, renderHtml, renderMarkdown } from "../../../preflight/report";
import { fixtureReport, SCRIPT_NAME } from "./fixture";

const data = fixtureReport();

/** Pipes that end a table cell: not preceded by a backslash. */
function cellSeparators(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

describe("HTML escaping", () => {
  const html = renderHtml(data);

  it("never emits the program's markup as markup", () => {
    expect(html).not.toContain(SCRIPT_NAME);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("forbids scripts and network access through its Content-Security-Policy", () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("Markdown escaping", () => {
  const markdown = renderMarkdown(data);
  const lines = markdown.split("\n");

  it("keeps every table row to its header's column count despite | and newlines in values", () => {
    let columns: number | undefined;
    for (const line of lines) {
      if (!line.startsWith("|")) {
        columns = undefined;
        continue;
      }
      columns ??= cellSeparators(line);
      expect(cellSeparators(line), line).toBe(columns);
    }
    expect(markdown).not.toContain("| injected |");
  });

  it("neutralises HTML, code spans and links", () => {
    expect(markdown).not.toContain(SCRIPT_NAME);
    expect(markdown).not.toMatch(/<script/i);
    expect(escapeMarkdown("a`b`[x](http://e)")).toBe("a\\`b\\`\\[x\\]\\(http\\://e\\)");
    expect(escapeMarkdown("<b>&")).toBe("&lt;b&gt;&amp;");
    expect(escapeMarkdown("one\ntwo")).toBe("one two");
  });
});
