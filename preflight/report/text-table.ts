/**
 * Formats rows as a plain-text table with aligned columns: the first column left-aligned, the others
 * right-aligned (they hold counts).
 *
 * @param header - column titles.
 * @param rows - cells, one array per row, as many cells as titles.
 */
export function formatTextTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)];
}

/**
 * Removes control characters (ANSI escapes, carriage returns, bells) from untrusted text before it reaches a
 * terminal, and folds line breaks into spaces so one finding stays one line.
 *
 * @param text - untrusted text.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}
