/** Width the text report keeps every line within, a common terminal width. */
export const TEXT_WIDTH = 100;

/**
 * Wraps text at word boundaries so that no line is longer than `width`: the first line starts with
 * `firstIndent`, the following lines with `indent`. A word longer than a whole line (a URN) is cut into
 * pieces of the line's width, so nothing is lost.
 *
 * @param text - one paragraph (line breaks are treated as spaces).
 * @param options - indents and width. @default { firstIndent: "", indent: firstIndent, width: TEXT_WIDTH }
 */
export function wrapText(
  text: string,
  options: { firstIndent?: string; indent?: string; width?: number } = {},
): string[] {
  const firstIndent = options.firstIndent ?? "";
  const indent = options.indent ?? firstIndent;
  const width = options.width ?? TEXT_WIDTH;
  const single = text.replace(/\s*\n\s*/g, " ").trimEnd();
  if (firstIndent.length + single.length <= width) {
    // Fits: keep the text's own spacing (aligned columns).
    return [`${firstIndent}${single}`];
  }
  const lines: string[] = [];
  let prefix = firstIndent;
  let current = "";
  const flush = (): void => {
    lines.push(`${prefix}${current}`.trimEnd());
    prefix = indent;
    current = "";
  };
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    let rest = word;
    while (rest.length > 0) {
      const room = Math.max(1, width - prefix.length - (current.length > 0 ? current.length + 1 : 0));
      if (rest.length <= room) {
        current = current.length > 0 ? `${current} ${rest}` : rest;
        rest = "";
      } else if (current.length > 0) {
        flush();
      } else {
        current = rest.slice(0, room);
        rest = rest.slice(room);
        flush();
      }
    }
  }
  if (current.length > 0 || lines.length === 0) {
    flush();
  }
  return lines;
}
