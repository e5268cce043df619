/**
 * A fenced Markdown code block whose fence is longer than any backtick run in `text`, so no value inside can
 * close it early (OSCAL `markup-multiline` fields are Markdown in JSON).
 *
 * @param text - the block's content.
 * @param language - the info string. @default "json"
 */
export function codeBlock(text: string, language = "json"): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * Text as Markdown inline code, with a delimiter longer than any backtick run inside it.
 *
 * @param text - a URN, policy name or value.
 */
export function inlineCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const delimiter = "`".repeat(longestRun + 1);
  const padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${delimiter}${padding}${text.replace(/\s+/g, " ")}${padding}${delimiter}`;
}
