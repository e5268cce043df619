import * as fs from "node:fs";
import { controlCatalog } from "../../components/controls";
import { renderComponentDefinition } from "../oscal";
import type { OscalComponentDefinitionOptions } from "./args";
import { CliUsageError } from "./usage-error";

/**
 * Writes SecureAiPlatform's OSCAL component definition (per cloud, how each catalog control is implemented,
 * or why it is a gap) to `--out FILE`, or to stdout.
 *
 * @param options - where to write.
 * @param io - the package version and stdout.
 * @throws CliUsageError when the file cannot be written.
 */
export function writeComponentDefinition(
  options: OscalComponentDefinitionOptions,
  io: { version: string; stdout: { write(text: string): unknown } },
): void {
  const document = renderComponentDefinition(controlCatalog, { version: io.version });
  if (options.outFile === undefined) {
    io.stdout.write(document);
    return;
  }
  try {
    fs.writeFileSync(options.outFile, document);
  } catch (error) {
    throw new CliUsageError(
      `--out ${options.outFile} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    );
  }
}
