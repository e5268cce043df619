/**
 * Validators for the NIST OSCAL 1.0.6 JSON schemas copied into tests/fixtures/oscal (draft-07, so Ajv's
 * default class; Unicode regular expressions on for the schemas' `\p{L}` / `\p{N}` patterns; formats from
 * ajv-formats for `date-time`, `uri` and `uri-reference`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const SCHEMA_DIR = join(__dirname, "..", "..", "fixtures", "oscal");

function compile(file: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")) as Record<string, unknown>;
  return ajv.compile(schema);
}

/** Validates an OSCAL assessment results document (with its `assessment-results` root key). */
export const validateAssessmentResults = compile("oscal_assessment-results_schema.json");
/** Validates an OSCAL component definition document (with its `component-definition` root key). */
export const validateComponentDefinition = compile("oscal_component_schema.json");

/** The validator's errors as short lines (`/path: message`), for assertion messages. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 20)
    .map(
      (error) =>
        `${error.instancePath || "/"}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
    )
    .join("\n");
}
