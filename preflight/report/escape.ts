/**
 * Escaping of untrusted text (resource names, inputs, policy messages) for the HTML and Markdown reports.
 */

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @param text - untrusted text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] as string);
}

/**
 * Escapes text for inline Markdown (a paragraph, a list item or a table cell): every Markdown punctuation character is
 * backslash-escaped so no link, emphasis, code span or table column can start, then HTML-significant characters
 * become entities (renderers such as GitHub's pass inline HTML through), and line breaks become
 * spaces so the text cannot open a new block.
 *
 * @param text - untrusted text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, " ")
    .replace(/[\\`*_{}[\]()#+\-.!|~=^:]/g, (character) => `\\${character}`)
    .replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] as string);
}
